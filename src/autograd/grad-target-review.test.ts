// Review of the direct-to-.grad path (BackwardCtx.gradTarget) and zeroGrad's deferred fill
// (docs/design.md §3.5): every case compares against the plain path (a fresh leaf, which has no
// buffer to offer) on both backends and both float dtypes.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  tensor, matmul, linear, sum, mul, add, reshape, getBackend, setBackend, SGD, randn, Linear, Sequential,
  type Tensor, type DType,
} from '../index.js';
import { matmulOp } from '../ops/matmul.js';

const initial = getBackend().name;
afterEach(() => setBackend(initial));

const arr = (t: Tensor | null): number[] => [...(t ?? assert.fail('expected a gradient')).toTypedArray()];
const close = (got: number[], want: number[], tol = 1e-4) => {
  assert.equal(got.length, want.length, 'length');
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= tol * (1 + Math.abs(want[i])), `[${i}] ${g} vs ${want[i]}`));
};
/** A fresh leaf with the same values (no gradient buffer: the plain path). */
const fresh = (t: Tensor, dtype: DType = t.dtype): Tensor => tensor(t.tolist() as number[], { dtype, requiresGrad: true });
const rnd = (shape: number[], dtype: DType) => tensor(randn(shape).tolist() as number[], { dtype, requiresGrad: true });

for (const backend of ['js', 'wasm']) {
  for (const dtype of ['float32', 'float64'] as DType[]) {
    describe(`gradTarget review (${backend}, ${dtype})`, () => {
      it('a weight used by a direct-writing matmul and by a mul (leafGrads) gets both, stale or not', () => {
        setBackend(backend);
        const W = rnd([3, 4], dtype), x = rnd([2, 3], dtype);
        x.requiresGrad = false;
        const f = (w: Tensor) => add(sum(matmul(x, w)), sum(mul(w, w)));
        const f2 = (w: Tensor) => add(sum(mul(w, w)), sum(matmul(x, w)));
        for (const fn of [f, f2]) {
          const ref = fresh(W);
          fn(ref).backward();
          W.grad = null;
          fn(W).backward(); // makes the buffer
          new SGD([W], { lr: 0 }).zeroGrad();
          fn(W).backward(); // stale buffer: one path overwrites, the other adds at the end
          close(arr(W.grad), arr(ref.grad));
          fn(W).backward(); // accumulate
          close(arr(W.grad), arr(ref.grad).map((v) => 2 * v));
        }
      });

      it('a gradient buffer held by the user reads zeros after zeroGrad', () => {
        setBackend(backend);
        const W = rnd([2, 3], dtype);
        sum(mul(W, W)).backward();
        const g = W.grad!;
        new SGD([W], { lr: 0 }).zeroGrad();
        assert.deepEqual(arr(g), [0, 0, 0, 0, 0, 0]);
      });

      it('a view of the gradient buffer taken before zeroGrad reads zeros after it', () => {
        setBackend(backend);
        const W = rnd([2, 3], dtype);
        sum(mul(W, W)).backward();
        const view = reshape(W.grad!, [6]);
        new SGD([W], { lr: 0 }).zeroGrad();
        assert.deepEqual(arr(view), [0, 0, 0, 0, 0, 0]);
        assert.deepEqual(arr(W.grad), [0, 0, 0, 0, 0, 0]);
      });

      it('a held gradient buffer used in a forward after zeroGrad counts as zeros', () => {
        setBackend(backend);
        const W = rnd([2, 2], dtype);
        sum(mul(W, W)).backward();
        const g = W.grad!;
        new SGD([W], { lr: 0 }).zeroGrad();
        const v = rnd([2, 2], dtype);
        const y = sum(mul(v, g)); // g stands for zeros: y = 0, dv = 0
        assert.equal(y.item(), 0);
      });

      it('a gradient buffer saved by a forward and zeroed before backward is read as zeros', () => {
        setBackend(backend);
        const P = rnd([5, 4], dtype), W = rnd([3, 4], dtype), V = rnd([4, 3], dtype);
        const x = tensor(randn([5, 4]).tolist() as number[], { dtype });
        sum(linear(x, W)).backward(); // W.grad and V.grad exist: the engine can offer them
        sum(matmul(x, V)).backward();
        for (const [leaf, f] of [[W, (g: Tensor) => linear(g, W)], [V, (g: Tensor) => matmul(g, V)]] as const) {
          sum(mul(P, P)).backward(); // P.grad = 2P, non-zero
          const y = sum(f(P.grad!)); // the forward saves P's gradient buffer as its input
          new SGD([P, leaf], { lr: 0 }).zeroGrad(); // P.grad now stands for zeros
          y.backward(); // d leaf = P.gradᵀ·dy = 0
          assert.deepEqual(arr(leaf.grad), new Array(12).fill(0));
        }
      });

      it('linear with a weight of another dtype than its input', () => {
        setBackend(backend);
        const other: DType = dtype === 'float32' ? 'float64' : 'float32';
        const W = rnd([3, 4], dtype), b = rnd([3], dtype);
        const x = tensor(randn([5, 4]).tolist() as number[], { dtype: other });
        const rw = fresh(W), rb = fresh(b);
        sum(linear(x, rw, rb)).backward();
        sum(linear(x, W, b)).backward();
        new SGD([W, b], { lr: 0 }).zeroGrad();
        sum(linear(x, W, b)).backward();
        close(arr(W.grad), arr(rw.grad));
        close(arr(b.grad), arr(rb.grad));
      });

      it('a gradient buffer of another dtype than the gradient', () => {
        setBackend(backend);
        const other: DType = dtype === 'float32' ? 'float64' : 'float32';
        const W = rnd([3, 4], dtype), x = tensor(randn([2, 3]).tolist() as number[], { dtype });
        const ref = fresh(W);
        sum(matmul(x, ref)).backward();
        W.grad = tensor(new Array(12).fill(1), { dtype: other }).reshape([3, 4]);
        sum(matmul(x, W)).backward();
        close(arr(W.grad), arr(ref.grad).map((v) => v + 1));
      });

      it('batched matmul with a 2-D weight: dW summed over the batch', () => {
        setBackend(backend);
        const W = rnd([4, 3], dtype), x = tensor(randn([5, 2, 4]).tolist() as number[], { dtype });
        const ref = fresh(W);
        sum(matmul(x, ref)).backward();
        sum(matmul(x, W)).backward();
        new SGD([W], { lr: 0 }).zeroGrad();
        sum(matmul(x, W)).backward();
        close(arr(W.grad), arr(ref.grad));
        // and the 2-D leaf first
        const V = rnd([2, 4], dtype), y = tensor(randn([5, 4, 3]).tolist() as number[], { dtype });
        const rv = fresh(V);
        sum(matmul(rv, y)).backward();
        sum(matmul(V, y)).backward();
        new SGD([V], { lr: 0 }).zeroGrad();
        sum(matmul(V, y)).backward();
        close(arr(V.grad), arr(rv.grad));
      });

      it('a 1-D leaf through matmul (reshape alias) and a reshaped 2-D view', () => {
        setBackend(backend);
        const v = rnd([4], dtype), A = tensor(randn([3, 4]).tolist() as number[], { dtype });
        const rv = fresh(v);
        sum(matmul(A, rv)).backward();
        sum(matmul(A, v)).backward();
        new SGD([v], { lr: 0 }).zeroGrad();
        sum(matmul(A, v)).backward();
        close(arr(v.grad), arr(rv.grad));
        const w = rnd([12], dtype);
        const rw = fresh(w);
        sum(matmul(A, reshape(rw, [4, 3]))).backward();
        sum(matmul(A, reshape(w, [4, 3]))).backward();
        new SGD([w], { lr: 0 }).zeroGrad();
        sum(matmul(A, reshape(w, [4, 3]))).backward();
        close(arr(w.grad), arr(rw.grad));
      });

      it('every transpose flag of matmulOp, both inputs leaves, stale and accumulating', () => {
        setBackend(backend);
        for (const transA of [false, true]) {
          for (const transB of [false, true]) {
            const a = rnd(transA ? [3, 2] : [2, 3], dtype), b = rnd(transB ? [4, 3] : [3, 4], dtype);
            const ra = fresh(a), rb = fresh(b);
            const g = tensor(randn([2, 4]).tolist() as number[], { dtype });
            matmulOp.apply([ra, rb], { transA, transB }).backward(g);
            matmulOp.apply([a, b], { transA, transB }).backward(g);
            new SGD([a, b], { lr: 0 }).zeroGrad();
            matmulOp.apply([a, b], { transA, transB }).backward(g);
            close(arr(a.grad), arr(ra.grad));
            close(arr(b.grad), arr(rb.grad));
            matmulOp.apply([a, b], { transA, transB }).backward(g);
            close(arr(a.grad), arr(ra.grad).map((v) => 2 * v));
            close(arr(b.grad), arr(rb.grad).map((v) => 2 * v));
          }
        }
      });

      it('the same leaf as both operands (matmul(W, W), linear(W, W))', () => {
        setBackend(backend);
        const W = rnd([3, 3], dtype);
        for (const fn of [(w: Tensor) => sum(matmul(w, w)), (w: Tensor) => sum(linear(w, w, null))]) {
          const ref = fresh(W);
          fn(ref).backward();
          W.grad = null;
          fn(W).backward();
          new SGD([W], { lr: 0 }).zeroGrad();
          fn(W).backward();
          close(arr(W.grad), arr(ref.grad));
        }
      });

      it('a bias used by two linears and an add, after zeroGrad', () => {
        setBackend(backend);
        const W = rnd([3, 4], dtype), b = rnd([3], dtype);
        const x = tensor(randn([5, 4]).tolist() as number[], { dtype });
        const fn = (w: Tensor, bb: Tensor) => add(add(sum(linear(x, w, bb)), sum(mul(linear(x, w, bb), 2))), sum(mul(bb, bb)));
        const rw = fresh(W), rb = fresh(b);
        fn(rw, rb).backward();
        fn(W, b).backward();
        new SGD([W, b], { lr: 0 }).zeroGrad();
        fn(W, b).backward();
        close(arr(W.grad), arr(rw.grad));
        close(arr(b.grad), arr(rb.grad));
      });

      it('an empty batch after zeroGrad gives zero dW and db', () => {
        setBackend(backend);
        const W = rnd([3, 4], dtype), b = rnd([3], dtype);
        sum(linear(tensor(randn([2, 4]).tolist() as number[], { dtype }), W, b)).backward();
        new SGD([W, b], { lr: 0 }).zeroGrad();
        const x0 = reshape(tensor([], { dtype }), [0, 4]);
        sum(linear(x0, W, b)).backward();
        assert.deepEqual(arr(W.grad), new Array(12).fill(0));
        assert.deepEqual(arr(b.grad), [0, 0, 0]);
      });

      it('createGraph after zeroGrad: the gradient is a graph value and correct', () => {
        setBackend(backend);
        const W = rnd([2, 3], dtype), x = tensor(randn([4, 2]).tolist() as number[], { dtype });
        const ref = fresh(W);
        sum(mul(matmul(x, ref), matmul(x, ref))).backward();
        sum(matmul(x, W)).backward();
        new SGD([W], { lr: 0 }).zeroGrad();
        sum(mul(matmul(x, W), matmul(x, W))).backward(undefined, { createGraph: true });
        assert.ok(W.grad!.requiresGrad, 'recorded');
        close(arr(W.grad), arr(ref.grad));
      });

      it('retainGraph: a second backward without zeroGrad doubles the gradient', () => {
        setBackend(backend);
        const W = rnd([3, 2], dtype), b = rnd([3], dtype), x = tensor(randn([4, 2]).tolist() as number[], { dtype });
        const rw = fresh(W), rb = fresh(b);
        sum(linear(x, rw, rb)).backward();
        const y = sum(linear(x, W, b));
        y.backward(undefined, { retainGraph: true });
        y.backward();
        close(arr(W.grad), arr(rw.grad).map((v) => 2 * v));
        close(arr(b.grad), arr(rb.grad).map((v) => 2 * v));
      });

      it('the seed gradient is the gradient buffer itself', () => {
        setBackend(backend);
        const W = rnd([2, 2], dtype), x = tensor([[1, 2], [3, 4]], { dtype });
        sum(matmul(x, W)).backward();
        const G = arr(W.grad);
        const ref = fresh(W);
        matmul(x, ref).backward(tensor([G.slice(0, 2), G.slice(2)], { dtype }));
        matmul(x, W).backward(W.grad!);
        close(arr(W.grad), G.map((v, i) => v + arr(ref.grad)[i]));
      });

      it('a disposed gradient buffer is replaced, not written', () => {
        setBackend(backend);
        const W = rnd([2, 2], dtype), x = tensor([[1, 2], [3, 4]], { dtype });
        sum(matmul(x, W)).backward();
        new SGD([W], { lr: 0 }).zeroGrad();
        W.peekGrad().buf!.dispose();
        const ref = fresh(W);
        sum(matmul(x, ref)).backward();
        sum(matmul(x, W)).backward();
        close(arr(W.grad), arr(ref.grad));
      });

      it('a leaf root after zeroGrad', () => {
        setBackend(backend);
        const s = tensor(3, { dtype, requiresGrad: true });
        s.backward();
        new SGD([s], { lr: 0 }).zeroGrad();
        s.backward();
        assert.equal(s.grad!.item(), 1);
      });

      it('Module.zeroGrad then an optimizer step for a layer backward did not reach', () => {
        setBackend(backend);
        const l1 = new Linear(3, 2), l2 = new Linear(3, 2);
        const model = new Sequential(l1, l2);
        const x = randn([4, 3]);
        sum(add(l1.forward(x), l2.forward(x))).backward();
        model.zeroGrad();
        sum(l1.forward(x)).backward();
        const before = arr(l2.weight);
        new SGD(model.parameters(), { lr: 1 }).step();
        close(arr(l2.weight), before);
      });

      it('large linear (the pool on wasm) matches the plain path, stale and accumulating', () => {
        setBackend(backend);
        const W = rnd([96, 200], dtype), b = rnd([96], dtype);
        const x = tensor(randn([64, 200]).tolist() as number[], { dtype });
        const g = tensor(randn([64, 96]).tolist() as number[], { dtype });
        const rw = fresh(W), rb = fresh(b);
        linear(x, rw, rb).backward(g);
        linear(x, W, b).backward(g);
        new SGD([W, b], { lr: 0 }).zeroGrad();
        linear(x, W, b).backward(g);
        close(arr(W.grad), arr(rw.grad), 1e-3);
        close(arr(b.grad), arr(rb.grad), 1e-3);
        linear(x, W, b).backward(g);
        close(arr(W.grad), arr(rw.grad).map((v) => 2 * v), 1e-3);
      });
    });
  }
}
