// Kernel-level measurements of the wasm backend (not a test): sgemm GFLOP/s for N = 128..1024 on
// 1 and 2 threads, per-call cost of a 1-element add, and the cost of eviction.
// Run: node --import tsx test/backend/measure-wasm.ts  (add --experimental-wasm-relaxed-simd for relaxed)
import { createWasmBackendSync, relaxedSimdAvailable } from '../../src/backend/wasm/index.js';
import { addOp } from '../../src/ops/add.js';

const variants = relaxedSimdAvailable() ? (['simd', 'relaxed'] as const) : (['simd'] as const);
for (const variant of variants) {
  for (const threads of [1, 2]) {
    const b = createWasmBackendSync({ variant, threads, name: `m-${variant}-${threads}` });
    const row: string[] = [];
    for (const n of [128, 256, 512, 1024]) {
      const a = b.fromArray(new Float32Array(n * n).map(() => Math.random() - 0.5));
      const c = b.fromArray(new Float32Array(n * n).map(() => Math.random() - 0.5));
      const o = b.alloc('float32', n * n);
      b.pin(a); b.pin(c); b.pin(o);
      const p = { batch: 1, m: n, n, k: n, transA: false, transB: false, aBatchStride: 0, bBatchStride: 0 };
      b.matmul(a, c, o, p);
      const reps = Math.max(3, Math.round(2e9 / (2 * n * n * n)));
      let best = Infinity;
      for (let t = 0; t < 3; t++) {
        const t0 = performance.now();
        for (let r = 0; r < reps; r++) b.matmul(a, c, o, p);
        best = Math.min(best, (performance.now() - t0) / reps);
      }
      row.push(`N=${n} ${((2 * n * n * n) / best / 1e6).toFixed(1)}`);
    }
    console.log(`sgemm ${variant} threads=${threads}: ${row.join('  ')} GFLOP/s`);
  }
}

const b = createWasmBackendSync({ variant: 'simd', threads: 1, name: 'm-overhead' });
const x = b.fromArray(new Float32Array([1])), y = b.fromArray(new Float32Array([2]));
const o = b.alloc('float32', 1);
const sx = { s: x, offset: 0, strides: [] }, sy = { s: y, offset: 0, strides: [] };
const N = 2_000_000;
for (let i = 0; i < N; i++) b.binary(addOp.id, sx, sy, o, []);
let t0 = performance.now();
for (let i = 0; i < N; i++) b.binary(addOp.id, sx, sy, o, []);
console.log(`binary add, 1 element, preallocated out: ${(((performance.now() - t0) * 1000) / N).toFixed(3)} µs/call`);
t0 = performance.now();
for (let i = 0; i < N; i++) b.binary(addOp.id, sx, sy, b.alloc('float32', 1), []);
console.log(`binary add, 1 element, alloc out + kernel: ${(((performance.now() - t0) * 1000) / N).toFixed(3)} µs/call`);

const e = createWasmBackendSync({ variant: 'simd', threads: 1, name: 'm-evict', budget: 16 * 2 ** 20 });
const size = 256 * 1024; // 1 MiB float32 temporaries
const held = [];
t0 = performance.now();
for (let i = 0; i < 200; i++) held.push(e.alloc('float32', size));
const ms = performance.now() - t0;
const st = e.memoryStats();
console.log(`eviction: ${st.evictions} evictions, ${(st.evictedBytes / 2 ** 20).toFixed(0)} MiB copied out in ${ms.toFixed(1)} ms ` +
  `(${((st.evictedBytes / 2 ** 30) / (ms / 1000)).toFixed(2)} GiB/s incl. alloc); heap ${(st.heapBytes / 2 ** 20).toFixed(0)} MiB`);
t0 = performance.now();
for (const h of held) e.read(h);
e.fill(held[0], 1);
console.log(`restore of one evicted 1 MiB storage: ${((performance.now() - t0) / 1).toFixed(2)} ms (incl. reading all 200)`);
