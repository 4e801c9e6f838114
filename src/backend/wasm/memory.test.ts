// Memory behaviour of the wasm backend (docs/design.md §3): a long synchronous loop of training-like
// steps without dispose stays bounded; a disposed tensor throws MemoryError; an evicted tensor that
// is still referenced reads back correctly, also through ops.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryError } from '../../core/errors.js';
import { fromArray } from '../../tensor/create.js';
import { randn } from '../../ops/random.js';
import { add, mul, sum } from '../../ops/index.js';
import { Parameter } from '../../nn/parameter.js';
import type { WasmStorage } from './wasm-storage.js';
import { createWasmBackendSync, loadWasm } from './index.js';

describe('wasm memory', () => {
  it('20,000 synchronous training-like steps stay under a memory bound', () => {
    const b = createWasmBackendSync({ threads: 1, name: 'wasm-memloop', budget: 8 * 2 ** 20 });
    const [N, D, H, C] = [32, 64, 48, 10];
    const W1 = b.fromArray(new Float32Array(D * H).map(() => Math.random() - 0.5));
    const W2 = b.fromArray(new Float32Array(H * C).map(() => Math.random() - 0.5));
    const m = b.fromArray(new Float32Array(D * H)), v = b.fromArray(new Float32Array(D * H));
    for (const s of [W1, W2, m, v]) b.pin(s);
    const labels = b.fromArray(Int32Array.from({ length: N }, (_, i) => i % C));
    b.pin(labels);
    const mm = (a: typeof W1, w: typeof W1, o: typeof W1, mm: number, nn: number, kk: number, transA = false) =>
      b.matmul(a, w, o, { batch: 1, m: mm, n: nn, k: kk, transA, transB: false, aBatchStride: 0, bBatchStride: 0 });
    const kept: unknown[] = [];
    let peak = 0;
    for (let step = 1; step <= 20000; step++) {
      const x = b.fromArray(new Float32Array(N * D).fill(step % 7));
      const h = b.alloc('float32', N * H);
      mm(x, W1, h, N, H, D);
      const r = b.alloc('float32', N * H);
      b.unary({ id: 'relu', scalar: (z) => Math.max(z, 0) }, h, r);
      const logits = b.alloc('float32', N * C);
      mm(r, W2, logits, N, C, H);
      const p = b.alloc('float32', N * C);
      b.softmax(logits, p, N, C, false);
      const scale = b.alloc('float32', N);
      b.fill(scale, 1 / N);
      const dlogits = b.alloc('float32', N * C);
      b.softmaxXentBackward(p, labels, scale, dlogits, N, C);
      const dW1 = b.alloc('float32', D * H);
      mm(x, h, dW1, D, H, N, true);
      b.adamStep(W1, dW1, m, v, { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step });
      if (step % 1000 === 0) kept.push(p); // the user keeps some results: still readable later
      peak = Math.max(peak, b.memoryStats().heapBytes);
    }
    const st = b.memoryStats();
    assert.ok(peak < 48 * 2 ** 20, `wasm memory peaked at ${peak} bytes`);
    assert.ok(st.evictions > 0, 'temporaries were evicted');
    assert.equal(kept.length, 20);
    for (const p of kept) {
      const probs = Array.from(b.read(p as typeof W1));
      assert.ok(Math.abs(probs.slice(0, C).reduce((s, q) => s + q, 0) - 1) < 1e-5, 'a kept result still reads correctly');
    }
  });

  it('a loop that makes a new leaf every step keeps pinned memory bounded; parameters\' gradients stay pinned', () => {
    const w = loadWasm({ threads: 1 });
    const pinned0 = w.memoryStats().pinnedBytes;
    for (let i = 0; i < 100; i++) {
      // e.g. the gradient with respect to each batch of inputs (saliency, adversarial examples)
      const x = randn([64, 256], { backend: 'wasm', requiresGrad: true });
      sum(mul(x, x)).backward();
      assert.equal(x.grad!.shape.length, 2);
    }
    const grown = w.memoryStats().pinnedBytes - pinned0;
    assert.ok(grown < 1 << 20, `pinned memory grew by ${grown} bytes in 100 steps`);
    const p = new Parameter(randn([4, 4], { backend: 'wasm' }));
    sum(mul(p, p)).backward();
    assert.equal((p.grad!.storage as WasmStorage).region.pinned, true);
  });

  it('reading a disposed tensor throws MemoryError', () => {
    const w = loadWasm({ threads: 1 });
    const t = fromArray([1, 2, 3], [3], { backend: 'wasm' });
    t.dispose();
    assert.throws(() => t.toTypedArray(), MemoryError);
    const s = w.fromArray(new Float32Array([1]));
    w.free(s);
    assert.throws(() => w.read(s), MemoryError);
    assert.throws(() => w.fill(s, 0), MemoryError);
  });

  it('an evicted but referenced tensor reads and computes correctly', () => {
    const w = loadWasm({ threads: 1 });
    const a = fromArray([1, 2, 3, 4], [4], { backend: 'wasm' });
    const b = fromArray([10, 20, 30, 40], [4], { backend: 'wasm' });
    w.mem.alloc.evictAll();
    assert.equal(w.mem.alloc.getStats().tempBytes, 0);
    assert.deepEqual(Array.from(a.toTypedArray()), [1, 2, 3, 4]);
    assert.deepEqual(Array.from(add(a, b).toTypedArray()), [11, 22, 33, 44]);
  });

  it('an evicted scalar (kept as a plain array of bytes) reads and computes correctly', () => {
    const w = loadWasm({ threads: 1 });
    const s = fromArray([-2.5], [], { backend: 'wasm' });
    const pair = fromArray([1.25, 3], [2], { backend: 'wasm' });
    w.mem.alloc.evictAll();
    assert.equal(s.item(), -2.5);
    assert.deepEqual(Array.from(pair.toTypedArray()), [1.25, 3]);
    assert.deepEqual(Array.from(mul(pair, s).toTypedArray()), [-3.125, -7.5]);
  });
});
