// Compiles the AssemblyScript kernels into dist/wasm/: {simd, relaxed} × {shared, unshared} memory.
// Run by `npm run build:wasm` (part of `npm run build`, hence of `npm ci` through `prepare`).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';
import { COMMON_FLAGS, RELAXED_FLAGS } from './flags.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../..');
const outDir = join(root, 'dist/wasm');
mkdirSync(outDir, { recursive: true });

const common = [join(here, 'index.ts'), ...COMMON_FLAGS];
const variants = [
  { name: 'simd', flags: [] },
  { name: 'relaxed', flags: RELAXED_FLAGS },
];
for (const v of variants) {
  for (const shared of [true, false]) {
    const file = join(outDir, `nabla-${v.name}${shared ? '-shared' : ''}.wasm`);
    const mem = shared ? ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '32768'] : ['--maximumMemory', '32768'];
    const { error, stderr } = await asc.main([...common, ...v.flags, ...mem, '--outFile', file]);
    if (error) {
      console.error(stderr.toString());
      process.exit(1);
    }
    console.log(`built ${file}`);
  }
}
