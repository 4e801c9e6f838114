// Gradients written straight into a leaf's .grad buffer (BackwardCtx.gradTarget) and the deferred
// zero-fill of zeroGrad: the results must equal the plain path's, whatever the order of paths,
// and the saved kernel calls must actually be saved.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  tensor, randn, matmul, linear, sum, mul, add, getBackend, setBackend, Linear, SGD, manualSeed,
  type Backend, type Tensor,
} from '../index.js';

const initial = getBackend().name;
afterEach(() => setBackend(initial));

const arr = (t: Tensor | null) => {
  assert.ok(t, 'expected a gradient');
  return [...t.toTypedArray()];
};
const close = (got: number[], want: number[], tol = 1e-5) => {
  assert.equal(got.length, want.length);
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= tol * (1 + Math.abs(want[i])), `[${i}] ${g} vs ${want[i]}`));
};

/** Counts kernel calls by family (and binary/unary op id) while `f` runs. */
function countKernels(k: Backend, f: () => void): Map<string, number> {
  const counts = new Map<string, number>();
  const rec = k as unknown as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  for (const name of ['fill', 'binary', 'copyStrided', 'matmul', 'reduce', 'alloc']) {
    const orig = rec[name] as (...a: unknown[]) => unknown;
    saved.set(name, orig);
    rec[name] = (...a: unknown[]) => {
      const key = name === 'binary' ? `binary:${(a[0] as { id: string }).id}` : name;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return orig.apply(k, a);
    };
  }
  try {
    f();
  } finally {
    for (const [name, orig] of saved) rec[name] = orig;
  }
  return counts;
}

/** dW and db of y = x·Wᵀ + b with upstream g, computed by hand in float64. */
function linearGrads(x: number[][], g: number[][]) {
  const dOut = g[0].length, dIn = x[0].length;
  const dw = Array.from({ length: dOut * dIn }, (_, idx) => {
    const o = Math.floor(idx / dIn), i = idx % dIn;
    return x.reduce((s, row, r) => s + g[r][o] * row[i], 0);
  });
  const db = Array.from({ length: dOut }, (_, o) => g.reduce((s, row) => s + row[o], 0));
  return { dw, db };
}

for (const backend of ['js', 'wasm']) {
  describe(`gradients into .grad (${backend})`, () => {
    it('a Linear step after zeroGrad writes dW and db straight into .grad: no fill, no add, right values', () => {
      setBackend(backend);
      manualSeed(3);
      const layer = new Linear(5, 3);
      const xs = [[0.5, -1, 2, 0, 1], [1, 1, -0.5, 0.25, -2]];
      const gs = [[1, -2, 0.5], [0.25, 1, -1]];
      const x = tensor(xs), g = tensor(gs);
      // first backward creates the buffers; the second, after zeroGrad, must reuse them in place
      linear(x, layer.weight, layer.bias).backward(g);
      const wBuf = layer.weight.grad!, bBuf = layer.bias!.grad!;
      const opt = new SGD(layer.parameters(), { lr: 0 });
      opt.zeroGrad();
      const counts = countKernels(getBackend(), () => linear(x, layer.weight, layer.bias).backward(g));
      assert.equal(counts.get('fill') ?? 0, 0, 'zeroGrad deferred its fill and backward overwrote the buffer');
      assert.equal(counts.get('binary:add') ?? 0, 0, 'no separate add into .grad');
      assert.equal(counts.get('matmul'), 2, 'the forward and dW (x needs no gradient)');
      assert.equal(layer.weight.grad, wBuf, 'the same buffer');
      assert.equal(layer.bias!.grad, bBuf);
      const want = linearGrads(xs, gs);
      close(arr(layer.weight.grad), want.dw);
      close(arr(layer.bias!.grad), want.db);
    });

    it('without zeroGrad a second backward adds into .grad (accumulating matmul)', () => {
      setBackend(backend);
      manualSeed(4);
      const layer = new Linear(4, 2);
      const xs = [[1, 2, 3, 4], [-1, 0.5, 0, 2], [0, 0, 1, -1]];
      const gs = [[1, 0], [0.5, -1], [2, 2]];
      const x = tensor(xs), g = tensor(gs);
      linear(x, layer.weight, layer.bias).backward(g);
      linear(x, layer.weight, layer.bias).backward(g);
      const want = linearGrads(xs, gs);
      close(arr(layer.weight.grad), want.dw.map((v) => 2 * v));
      close(arr(layer.bias!.grad), want.db.map((v) => 2 * v));
    });

    it('reading .grad after zeroGrad gives zeros (the deferred fill happens on read)', () => {
      setBackend(backend);
      const w = randn([3, 4], { requiresGrad: true });
      sum(mul(w, w)).backward();
      assert.ok(arr(w.grad).some((v) => v !== 0));
      new SGD([w], { lr: 0.1 }).zeroGrad();
      assert.deepEqual(arr(w.grad), new Array(12).fill(0));
    });

    it('an optimizer step after zeroGrad and a backward that skipped a parameter sees zeros for it', () => {
      setBackend(backend);
      const a = tensor([1, 2], { requiresGrad: true }), b = tensor([3, 4], { requiresGrad: true });
      sum(mul(a, b)).backward();
      const opt = new SGD([a, b], { lr: 1 });
      opt.zeroGrad();
      sum(mul(a, a)).backward(); // b gets no gradient this time
      opt.step();
      close(arr(b), [3, 4]); // a stale gradient of b ([1, 2]) would have moved it
      close(arr(a), [1 - 2, 2 - 4]);
    });

    it('a weight used twice (two matmuls) gets both contributions, written and added in either order', () => {
      setBackend(backend);
      const W = tensor([[1, 2], [3, 4]], { requiresGrad: true });
      const x1 = tensor([[1, 0], [0, 1]]), x2 = tensor([[2, -1], [1, 1]]);
      const run = () => sum(add(matmul(x1, W), mul(matmul(x2, W), 3)));
      run().backward();
      new SGD([W], { lr: 0 }).zeroGrad();
      run().backward();
      // d/dW Σ(x1·W) = x1ᵀ·1, d/dW Σ(3·x2·W) = 3·x2ᵀ·1
      const want = [1 + 3 * 3, 1 + 3 * 3, 1 + 3 * 0, 1 + 3 * 0];
      close(arr(W.grad), want);
    });

    it('a graph that reads the gradient buffer itself is not written under it', () => {
      setBackend(backend);
      const W = tensor([[1, 2], [3, 4]], { requiresGrad: true });
      sum(matmul(tensor([[1, 1], [2, 0]]), W)).backward(); // W.grad = [[3, 3], [1, 1]]
      const G = arr(W.grad);
      // h = v ⊙ W.grad reads the buffer, and its node runs after the matmul's in backward: the
      // matmul must not write dW into the buffer before that node has read it
      const v = tensor([[1, -1], [0.5, 2]], { requiresGrad: true });
      const h = mul(v, W.grad!);
      sum(matmul(h, W)).backward();
      // dh = 1·Wᵀ (row sums of W per column of h): dh[i][j] = Σ_c W[j][c]; dv = dh ⊙ G (the old G)
      const Wv = [[1, 2], [3, 4]];
      const dh = [0, 1].flatMap(() => [0, 1].map((j) => Wv[j][0] + Wv[j][1]));
      close(arr(v.grad), dh.map((d, i) => d * G[i]));
      // and W.grad = G + hᵀ·1
      const hv = [[1 * 3, -1 * 3], [0.5 * 1, 2 * 1]];
      const dW = [0, 1].flatMap((i) => [0, 1].map(() => hv[0][i] + hv[1][i]));
      close(arr(W.grad), G.map((g, i) => g + dW[i]));
    });
  });
}
