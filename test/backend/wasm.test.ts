// The wasm backend through the conformance suite: plain SIMD build on one thread, on two threads
// (worker pool on shared memory), with a tiny eviction budget (every kernel restores evicted
// operands), and on unshared memory. The relaxed-SIMD build runs in wasm-relaxed.test.ts.
import { createWasmBackendSync } from '../../src/backend/wasm/index.js';
import { runConformance } from './conformance.js';

/**
 * Split even small matmuls and element-wise ops over the threads, in one-tile chunks, so the
 * cases exercise the pool's claims (guided scheduling hands out many chunks per thread).
 */
const SMALL_PARALLEL = { parallelMinWork: 4096, parallelMinElements: 256, parallelMinChunk: 1 };

runConformance({ backend: createWasmBackendSync({ variant: 'simd', threads: 1, name: 'wasm-simd-1' }), label: 'wasm simd, 1 thread' });
runConformance({ backend: createWasmBackendSync({ variant: 'simd', threads: 2, name: 'wasm-simd-2', ...SMALL_PARALLEL }), label: 'wasm simd, 2 threads' });
// the pool's two matmul splits on every shape (the automatic choice uses each on some shapes only)
for (const split of ['rows', 'columns'] as const) {
  runConformance({
    backend: createWasmBackendSync({ variant: 'simd', threads: 2, name: `wasm-simd-2-${split}`, ...SMALL_PARALLEL, parallelSplit: split }),
    label: `wasm simd, 2 threads, matmuls split by ${split}`, only: ['matmul'],
  });
}
runConformance({
  backend: createWasmBackendSync({ variant: 'simd', threads: 1, name: 'wasm-evict', budget: 4096 }),
  label: 'wasm simd, 4 KiB eviction budget',
});
runConformance({
  backend: createWasmBackendSync({ variant: 'simd', shared: false, name: 'wasm-unshared' }),
  label: 'wasm simd, unshared memory (no SharedArrayBuffer)',
});
