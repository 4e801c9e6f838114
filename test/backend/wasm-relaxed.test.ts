// The relaxed-SIMD build through the conformance suite, single- and multi-threaded. Node 20 needs
// V8's --experimental-wasm-relaxed-simd, so without it this file re-runs itself with the flag.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { createWasmBackendSync, relaxedSimdAvailable } from '../../src/backend/wasm/index.js';
import { runConformance } from './conformance.js';

/** Split even small matmuls and element-wise ops over the threads, so the cases exercise the pool. */
const SMALL_PARALLEL = { parallelMinWork: 4096, parallelMinElements: 256, parallelMinChunk: 1 };

if (relaxedSimdAvailable()) {
  runConformance({ backend: createWasmBackendSync({ variant: 'relaxed', threads: 1, name: 'wasm-relaxed-1' }), label: 'wasm relaxed, 1 thread' });
  runConformance({ backend: createWasmBackendSync({ variant: 'relaxed', threads: 2, name: 'wasm-relaxed-2', ...SMALL_PARALLEL }), label: 'wasm relaxed, 2 threads' });
} else {
  it('relaxed-SIMD build passes conformance under --experimental-wasm-relaxed-simd', () => {
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--test',
      '--test-reporter=dot', fileURLToPath(import.meta.url)], { encoding: 'utf8' });
    assert.equal(r.status, 0, `relaxed conformance failed:\n${r.stdout}\n${r.stderr}`);
  });
}
