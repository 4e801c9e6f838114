// The sparse matmul path at the edges of memory (the conformance suite covers its results): the
// size of its lists is computed without 32-bit wrap-around, and a product whose scratch does not
// fit falls back to the dense kernel instead of failing, leaking nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackendError } from '../../core/errors.js';
import { jsBackend } from '../js/js-backend.js';
import type { MatmulParams } from '../kernels.js';
import { createWasmBackendSync } from './index.js';
import { listBytes, sparseProducts, sparseSettings } from './sparse-matmul.js';

describe('sparse matmul', () => {
  it('sizes lists past 2³¹ bytes exactly (they wrapped negative in 32-bit integers and passed the size check)', () => {
    // 16,384² elements by rows: 16,384 lists of 16,388 slots, idx and val, plus the ends
    assert.equal(listBytes(16384, 16384, 0), (2 * 16384 * 16388 + 16384) * 4);
    assert.ok(listBytes(16384, 16384, 1) > 2 ** 31);
  });

  for (const threads of [1, 2]) {
    it(`${threads} thread(s): when the scratch does not fit, the dense kernel computes the product and no scratch is left pinned`, () => {
      const be = createWasmBackendSync({ variant: 'simd', threads, name: `wasm-sparse-oom-${threads}`, parallelMinWork: 4096 });
      const [m, k, n] = [96, 400, 50];
      const av = new Float32Array(m * k);
      for (let i = 0; i < av.length; i += 9) av[i] = (i % 13) - 6;
      const bv = Float32Array.from({ length: k * n }, (_, i) => Math.sin(i));
      const p: MatmulParams = { batch: 1, m, n, k, transA: false, transB: true, aBatchStride: 0, bBatchStride: 0 };
      const want = jsBackend.alloc('float32', m * n);
      jsBackend.matmul(jsBackend.fromArray(av, 'float32'), jsBackend.fromArray(bv, 'float32'), want, p);
      const a = be.fromArray(av), b = be.fromArray(bv), c = be.alloc('float32', m * n);
      // the first product runs sparse; the next one finds no room for its second scratch region
      // (the transposed dense operand, k·n floats) after the first (the lists) was allocated
      const before = sparseProducts();
      be.matmul(a, b, c, p);
      assert.equal(sparseProducts(), before + 1, 'the sparse path runs when there is room');
      // once dense, so the pool's own lasting buffers (a shared packed B) exist before counting
      const max = sparseSettings.maxDensity;
      sparseSettings.maxDensity = 0;
      be.matmul(a, b, c, p);
      sparseSettings.maxDensity = max;
      const alloc = be.mem.alloc;
      const pinned = be.memoryStats().pinnedBytes;
      const real = alloc.alloc.bind(alloc);
      let calls = 0;
      alloc.alloc = (used, pin, owner) => {
        if (pin && used === k * n * 4 && ++calls > 0) throw new BackendError('wasm', 'out of WebAssembly memory', {});
        return real(used, pin, owner);
      };
      try {
        be.fill(c, 7);
        be.matmul(a, b, c, p);
      } finally {
        alloc.alloc = real;
      }
      assert.ok(calls >= 1, 'the second scratch allocation was refused');
      assert.equal(sparseProducts(), before + 1, 'the refused product ran dense');
      assert.equal(be.memoryStats().pinnedBytes, pinned, 'the lists allocated before the refusal were freed');
      const got = be.read(c), w = jsBackend.read(want);
      for (let i = 0; i < w.length; i++) assert.ok(Math.abs(got[i] - w[i]) <= 1e-4 * (1 + Math.abs(w[i])), `element ${i}: ${got[i]} vs ${w[i]}`);
    });
  }

  it('a dense operand of large finite values (3e38) counts as finite (a sum of four of them overflowed and sent the product dense)', () => {
    const be = createWasmBackendSync({ variant: 'simd', threads: 1, name: 'wasm-sparse-large' });
    const [m, k, n] = [64, 400, 40];
    const av = new Float32Array(m * k);
    for (let i = 0; i < av.length; i += 11) av[i] = 1e-30;
    const p: MatmulParams = { batch: 1, m, n, k, transA: false, transB: true, aBatchStride: 0, bBatchStride: 0 };
    const a = be.fromArray(av), b = be.fromArray(new Float32Array(k * n).fill(3e38)), c = be.alloc('float32', m * n);
    const before = sparseProducts();
    be.matmul(a, b, c, p);
    assert.equal(sparseProducts(), before + 1);
    const want = jsBackend.alloc('float32', m * n);
    jsBackend.matmul(jsBackend.fromArray(av, 'float32'), jsBackend.fromArray(new Float32Array(k * n).fill(3e38), 'float32'), want, p);
    const got = be.read(c), w = jsBackend.read(want);
    for (let i = 0; i < w.length; i++) assert.ok(Math.abs(got[i] - w[i]) <= 1e-4 * Math.abs(w[i]), `element ${i}: ${got[i]} vs ${w[i]}`);
  });
});
