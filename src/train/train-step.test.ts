import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nb from '../index.js';

function setup() {
  nb.setBackend('js');
  nb.manualSeed(3);
  const model = nb.mlp([6, 5, 3]);
  const opt = new nb.SGD(model.parameters(), { lr: 0.1 });
  const x = nb.randn([8, 6]);
  const y = nb.randint(0, 3, [8]);
  return { model, opt, x, y };
}

test('trainStep: returns the loss and output, updates the parameters, keeps the gradients readable', () => {
  const { model, opt, x, y } = setup();
  const before = model.parameters()[0].toTypedArray();
  const expected = nb.crossEntropy(model.forward(x), y).item();
  const r = nb.trainStep(model, nb.crossEntropy, opt, x, y);
  assert.ok(Math.abs(r.loss - expected) < 1e-6, `${r.loss} vs ${expected}`);
  assert.deepEqual(r.output.shape, [8, 3]);
  assert.equal(r.output.toTypedArray().length, 24);
  const after = model.parameters()[0].toTypedArray();
  assert.ok(after.some((v, i) => v !== before[i]), 'parameters changed');
  for (const p of model.parameters()) assert.ok(p.grad && p.grad.toTypedArray().every(Number.isFinite));
});

test('trainStep: gradient buffers are reused across steps and hold the current gradient', () => {
  const { model, opt, x, y } = setup();
  nb.trainStep(model, nb.crossEntropy, opt, x, y);
  const w = model.parameters()[0];
  const buf = w.grad!;
  // the gradient step 2 must produce: at the parameters after step 1, on a fresh copy
  const copy = nb.mlp([6, 5, 3]);
  copy.loadStateDict(model.stateDict());
  nb.crossEntropy(copy.forward(x), y).backward();
  const expected = copy.parameters()[0].grad!.toTypedArray();
  nb.trainStep(model, nb.crossEntropy, opt, x, y);
  assert.equal(w.grad, buf, 'the same gradient tensor');
  const got = w.grad!.toTypedArray();
  got.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `grad[${i}] ${v} vs ${expected[i]}`));
});

test('trainStep: a NaN loss stops with a NumericalError and leaves the parameters untouched', () => {
  const { model, opt, y } = setup();
  const bad = nb.full([8, 6], NaN);
  const before = model.parameters().map((p) => p.toTypedArray());
  assert.throws(
    () => nb.trainStep(model, nb.crossEntropy, opt, bad, y),
    (e: unknown) => e instanceof nb.NumericalError && /^trainStep: loss is NaN at step 1; the parameters were not updated/.test((e as Error).message),
  );
  model.parameters().forEach((p, i) => assert.deepEqual(p.toTypedArray(), before[i]));
});

test('trainStep: keeps the gradient of a leaf the loss uses that neither the model nor the optimizer holds', () => {
  const { model, opt, x, y } = setup();
  const scale = nb.tensor([2], { requiresGrad: true }); // e.g. a learnable temperature, stepped by hand
  const lossFn = (out: nb.Tensor, t: nb.Tensor) => nb.crossEntropy(nb.mul(out, scale), t);
  nb.trainStep(model, lossFn, opt, x, y);
  const g1 = scale.grad!.toTypedArray()[0];
  assert.ok(Number.isFinite(g1));
  nb.trainStep(model, lossFn, opt, x, y); // accumulates into the same buffer (no zeroGrad for it)
  assert.ok(Number.isFinite(scale.grad!.toTypedArray()[0]));
});
