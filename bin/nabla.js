#!/usr/bin/env node
// The `nabla` command: runs the compiled CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// Node 20's V8 has relaxed SIMD (the FMA kernels) behind a flag; later Nodes ship it on. Setting it
// before any WebAssembly is compiled lets the wasm backend pick its relaxed build.
if (Number(process.versions.node.split('.')[0]) === 20) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('nabla: dist/ is missing; run `npm run build` (npm ci does it for you)');
  process.exit(1);
}
await import(entry.href);
