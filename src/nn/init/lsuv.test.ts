// LSUV (Mishkin & Matas 2016; concepts §6) on real MNIST batches: after lsuv every layer's output
// has unit variance within the tolerance, measured here by running the layers by hand (not through
// lsuv's capture); the weights stay orthogonal up to scale, the biases are zero, iterations bounded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromArray, randn, zeros, Module, Linear, ReLU, Tanh, Sequential, Parameter, Rng, init, loadMnist, mlp, matmul, type Tensor,
} from '../../index.js';

const { images } = loadMnist({ split: 'test' });
const pixels = images.toTypedArray();
/** Images [from, from + n) of the MNIST test split as a [n, 784] batch in [0, 1]. */
const batch = (from: number, n: number) => fromArray(pixels.subarray(from * 784, (from + n) * 784), [n, 784]);

function variance(t: Tensor): number {
  const a = t.toTypedArray();
  let m = 0;
  for (const v of a) m += v;
  m /= a.length;
  let s = 0;
  for (const v of a) s += (v - m) ** 2;
  return s / (a.length - 1);
}

/** The output variance of each Linear of a Sequential, running its modules one by one. */
function layerVariances(model: Sequential, x: Tensor): number[] {
  const out: number[] = [];
  let y = x;
  for (const m of model.modules) {
    y = m.forward(y);
    if (m instanceof Linear) out.push(variance(y));
  }
  return out;
}

/** max |W Wᵀ / c² − I| over the rows (out ≤ in) with c² the mean diagonal: orthogonal up to a scale. */
function orthogonalUpToScale(w: Tensor): number {
  const g = matmul(w, w.t()).toTypedArray();
  const n = w.shape[0];
  let c2 = 0;
  for (let i = 0; i < n; i++) c2 += g[i * n + i] / n;
  let err = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) err = Math.max(err, Math.abs(g[i * n + j] / c2 - (i === j ? 1 : 0)));
  return err;
}

test('lsuv on MNIST: a 784-256-128-10 MLP reaches unit output variance per layer (tol 0.1, maxIter 10)', () => {
  const model = mlp([784, 256, 128, 10], { rng: new Rng(0) });
  const x = batch(0, 500);
  const report = init.lsuv(model, x, { rng: new Rng(1) });
  assert.deepEqual(report.map((r) => r.name), ['0', '2', '4']);
  for (const r of report) {
    assert.ok(r.converged && Math.abs(r.varianceAfter - 1) < 0.1, `${r.name}: ${JSON.stringify(r)}`);
    assert.ok(r.iterations >= 1 && r.iterations <= 10, `${r.name}: ${r.iterations} iterations`);
    assert.ok(Math.abs(r.varianceBefore - 1) >= 0.1, `${r.name}: the orthonormal start was not already at 1 (${r.varianceBefore})`);
  }
  const measured = layerVariances(model, x);
  measured.forEach((v, i) => assert.ok(Math.abs(v - 1) < 0.1, `layer ${i} output variance ${v}`));
  measured.forEach((v, i) => assert.ok(Math.abs(v - report[i].varianceAfter) < 1e-9, 'the report is what the model computes'));
  // Another batch of the same data: unit variance is fitted to one batch, so another batch is only
  // near 1 (measured 1.155, 1.122, 1.104 for images 5000–5499: batches of MNIST differ in ink).
  layerVariances(model, batch(5000, 500)).forEach((v, i) => assert.ok(Math.abs(v - 1) < 0.3, `held-out layer ${i}: ${v}`));
  for (const m of model.modules) {
    if (!(m instanceof Linear)) continue;
    assert.ok(orthogonalUpToScale(m.weight) < 1e-5, `${m}: rows orthogonal up to scale`);
    assert.deepEqual([...m.bias!.toTypedArray()].filter((v) => v !== 0), [], 'bias zero');
    assert.ok(m.weight.requiresGrad && m.weight instanceof Parameter);
    assert.equal(Object.getOwnPropertyDescriptor(m, 'forward'), undefined, 'forward restored');
  }
});

test('lsuv: a tight tolerance converges in a few iterations; maxIter bounds them; same seed, same weights', () => {
  const x = batch(1000, 256);
  const tight = init.lsuv(mlp([784, 64, 10], { rng: new Rng(2) }), x, { tol: 1e-6, rng: new Rng(3) });
  for (const r of tight) assert.ok(r.converged && Math.abs(r.varianceAfter - 1) < 1e-6 && r.iterations <= 3, JSON.stringify(r));
  const none = init.lsuv(mlp([784, 64, 10], { rng: new Rng(2) }), x, { maxIter: 0, rng: new Rng(3) });
  for (const r of none) {
    assert.equal(r.iterations, 0);
    assert.equal(r.varianceAfter, r.varianceBefore);
    assert.equal(r.converged, false);
  }
  const a = mlp([784, 64, 10], { rng: new Rng(4) }), b = mlp([784, 64, 10], { rng: new Rng(5) });
  init.lsuv(a, x, { rng: new Rng(6) });
  init.lsuv(b, x, { rng: new Rng(6) });
  assert.deepEqual(a.parameters().map((p) => p.tolist()), b.parameters().map((p) => p.tolist()), 'lsuv replaces every weight and bias');
});

test('lsuv keeps a deep tanh network\'s signal at unit variance where the default init shrinks it', () => {
  const x = batch(2000, 256);
  const deep = (seed: number) => {
    const rng = new Rng(seed);
    const layers: Module[] = [new Linear(784, 128, { rng })];
    for (let i = 0; i < 9; i++) layers.push(new Tanh(), new Linear(128, 128, { rng }));
    return new Sequential(...layers);
  };
  const plain = layerVariances(deep(7), x);
  const model = deep(7);
  init.lsuv(model, x, { rng: new Rng(8) });
  const fixed = layerVariances(model, x);
  assert.ok(plain[9] < 0.01, `default init: last layer variance ${plain[9]}`);
  fixed.forEach((v, i) => assert.ok(Math.abs(v - 1) < 0.1, `lsuv: layer ${i} variance ${v}`));
});

test('lsuv follows the order forward calls the layers in, and finds layers in nested modules', () => {
  class Reversed extends Module {
    readonly late = new Linear(8, 4, { rng: new Rng(9) });
    readonly early = new Linear(6, 8, { rng: new Rng(9) });
    readonly body = new Sequential(new ReLU(), new Linear(4, 3, { rng: new Rng(9) }));
    forward(x: Tensor): Tensor {
      return this.body.forward(this.late.forward(this.early.forward(x)));
    }
  }
  const m = new Reversed();
  const report = init.lsuv(m, randn([64, 6], { rng: new Rng(10) }), { rng: new Rng(11) });
  assert.deepEqual(report.map((r) => r.name), ['early', 'late', 'body.1']);
  report.forEach((r) => assert.ok(r.converged, JSON.stringify(r)));
});

test('lsuv: a layer the forward does not call through .forward is left alone and not reported (the documented limit)', () => {
  class Direct extends Module {
    readonly a = new Linear(5, 5, { rng: new Rng(12) });
    readonly b = new Linear(5, 2, { rng: new Rng(12) });
    forward(x: Tensor): Tensor {
      return matmul(this.a.forward(x), this.b.weight.t()); // b used by its weight, not its forward
    }
  }
  const m = new Direct();
  const before = m.b.weight.tolist();
  const report = init.lsuv(m, randn([32, 5], { rng: new Rng(13) }));
  assert.deepEqual(report.map((r) => r.name), ['a']);
  assert.deepEqual(m.b.weight.tolist(), before);
});

test('lsuv refuses bad arguments before changing anything', () => {
  const model = mlp([4, 3, 2], { rng: new Rng(14) });
  const snapshot = () => model.parameters().map((p) => p.tolist());
  const before = snapshot();
  assert.throws(() => init.lsuv(model, zeros([5, 7])), { name: 'ShapeError' }); // wrong input width: the model's own error
  assert.throws(() => init.lsuv(model, zeros([5, 4]), { tol: 0 }), { message: 'lsuv: tol must be a finite number > 0; got 0 (number)' });
  assert.throws(() => init.lsuv(model, zeros([5, 4]), { maxIter: 1.5 }), { message: 'lsuv: maxIter must be a non-negative integer; got 1.5 (number)' });
  assert.throws(() => init.lsuv(new ReLU(), zeros([5, 4])), {
    message: 'lsuv: model must contain a layer with a weight Parameter of at least 2 dims (Linear); got ReLU object',
  });
  assert.deepEqual(snapshot(), before);
  for (const m of model.modules) assert.equal(Object.getOwnPropertyDescriptor(m, 'forward'), undefined, 'forward restored after an error');
});

test('lsuv on a batch with no signal (all zeros) stops without dividing by zero and says it did not converge', () => {
  const model = mlp([4, 3, 2], { rng: new Rng(15) });
  const report = init.lsuv(model, zeros([8, 4]), { rng: new Rng(16) });
  for (const r of report) assert.deepEqual([r.varianceBefore, r.varianceAfter, r.iterations, r.converged], [0, 0, 0, false]);
  for (const p of model.parameters()) assert.ok([...p.toTypedArray()].every(Number.isFinite), 'no NaN or Infinity written');
});

test('lsuv leaves buffers as they were: batch norm in training does not count its probing forwards', async () => {
  const { BatchNorm1d } = await import('../../index.js');
  const bn = new BatchNorm1d(8);
  const model = new Sequential(new Linear(6, 8, { rng: new Rng(0) }), bn, new ReLU(), new Linear(8, 3, { rng: new Rng(1) }));
  init.lsuv(model, randn([32, 6], { rng: new Rng(2) }), { rng: new Rng(3) });
  assert.equal(bn.numBatchesTracked!.item(), 0);
  assert.deepEqual(bn.runningMean!.tolist(), Array(8).fill(0));
  assert.deepEqual(bn.runningVar!.tolist(), Array(8).fill(1));
});
