#!/usr/bin/env node
// Builds dist/: TypeScript (tsc -p tsconfig.build.json), then the wasm kernels
// (src/backend/wasm/as/build.mjs), then records a hash of every input in dist/.build-hash.
//   node tools/build.mjs             always builds (`npm run build`)
//   node tools/build.mjs --if-stale  builds only when an input changed or an output is missing
//                                    (`prepare`: `npx nabla` re-runs the checkout's prepare when it
//                                    links the package, and must not redo what `npm ci` just built)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist/.build-hash');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const OUTPUTS = ['dist/index.js', 'dist/browser.js', 'dist/cli/run.js', ...['simd', 'relaxed'].flatMap((v) =>
  [`dist/wasm/nabla-${v}.wasm`, `dist/wasm/nabla-${v}-shared.wasm`])];

/** sha256 over the paths and contents of every input file, in a fixed order. */
function inputHash() {
  const h = createHash('sha256');
  const add = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) add(join(p, name));
      return;
    }
    h.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
  };
  for (const p of INPUTS) add(join(root, p));
  return h.digest('hex');
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const hash = inputHash();
if (process.argv.includes('--if-stale')) {
  const fresh = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash &&
    OUTPUTS.every((f) => existsSync(join(root, f)));
  if (fresh) {
    console.log('nabla: dist/ is up to date with src/ (nothing to build)');
    process.exit(0);
  }
}
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
run(process.execPath, [join(root, 'src/backend/wasm/as/build.mjs')]);
writeFileSync(stampFile, hash);
