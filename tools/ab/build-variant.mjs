// Compiles one AssemblyScript kernel file (e.g. a copy of src/backend/wasm/as/matmul.ts with a
// change) into a relaxed-SIMD wasm module on unshared memory, for matmul-builds.mjs.
//   node tools/ab/build-variant.mjs <file.ts> <out.wasm>
// The file may import './simd-math' and './layout' (copy those files from src/backend/wasm/as/ beside it).
import asc from 'assemblyscript/asc';
import { COMMON_FLAGS, RELAXED_FLAGS } from '../../src/backend/wasm/as/flags.mjs';

const [src, out] = process.argv.slice(2);
// the package's own flags (relaxed build, unshared memory, as matmul-builds.mjs instantiates it)
const { error, stderr } = await asc.main([src, ...COMMON_FLAGS, ...RELAXED_FLAGS, '--maximumMemory', '32768', '--outFile', out]);
if (error) {
  console.error(stderr.toString());
  process.exit(1);
}
