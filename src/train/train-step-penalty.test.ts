// trainStep with { penalty } (concepts §5): the total loss data + Σ R(W) is what backward runs from
// and what the result reports in two parts; the update carries the penalty's gradient; a frozen or
// outside parameter; the NaN/Inf check on the total; the memory rule with a penalty (wasm).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nb from '../index.js';
import { loadWasm, type WasmBackend } from '../backend/wasm/index.js';

/** A float64 model (so comparisons hold to 1e-12), its SGD and one batch. */
function setup(lr = 0.1) {
  nb.setBackend('js');
  const rng = new nb.Rng(7);
  const model = new nb.Sequential(
    new nb.Linear(3, 4, { dtype: 'float64', rng }), new nb.Tanh(), new nb.Linear(4, 2, { dtype: 'float64', rng }),
  );
  const opt = new nb.SGD(model.parameters(), { lr });
  const x = nb.tensor([[1, -2, 0.5], [0.25, 1, -1], [2, 0, 1]], { dtype: 'float64' });
  const y = nb.tensor([0, 1, 1], { dtype: 'int32' });
  return { model, opt, x, y, lr };
}

/** The data-loss gradient of every parameter at the model's current weights, on a copy. */
function dataGrads(model: nb.Module, x: nb.Tensor, y: nb.Tensor): Float64Array[] {
  const copy = new nb.Sequential(new nb.Linear(3, 4, { dtype: 'float64' }), new nb.Tanh(), new nb.Linear(4, 2, { dtype: 'float64' }));
  copy.loadStateDict(model.stateDict());
  nb.crossEntropy(copy.forward(x), y).backward();
  return copy.parameters().map((p) => p.grad!.toTypedArray() as Float64Array);
}

const close = (a: number, e: number, label: string, tol = 1e-12) =>
  assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${label}: ${a} vs ${e}`);

test('trainStep without a penalty: dataLoss = loss, penalty = 0 (callers of loss unchanged)', () => {
  const { model, opt, x, y } = setup();
  const expected = nb.crossEntropy(model.forward(x), y).item();
  const r = nb.trainStep(model, nb.crossEntropy, opt, x, y);
  assert.equal(r.loss, expected);
  assert.equal(r.dataLoss, expected);
  assert.equal(r.penalty, 0);
  const r2 = nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty: [] });
  assert.equal(r2.penalty, 0);
});

test('trainStep reports dataLoss + penalty = loss, and the update is −lr·(data gradient + 2λw)', () => {
  const { model, opt, x, y, lr } = setup();
  const lam = 0.05;
  const penalty = nb.l2Penalty(model, lam);
  const before = model.parameters().map((p) => p.toTypedArray());
  const g = dataGrads(model, x, y);
  const dataLoss = nb.crossEntropy(model.forward(x), y).item();
  const R = penalty.value().item();
  const r = nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty });
  assert.equal(r.dataLoss, dataLoss);
  assert.equal(r.penalty, R);
  assert.equal(r.loss, r.dataLoss + r.penalty);
  assert.ok(r.penalty > 0.01 * r.loss, 'the penalty is not negligible here');
  model.parameters().forEach((p, k) => {
    const weight = p.ndim >= 2; // biases are not penalized by default
    p.toTypedArray().forEach((v, i) => {
      const w = before[k][i];
      close(v, w - lr * (g[k][i] + (weight ? 2 * lam * w : 0)), `${penalty.names.length} param ${k}[${i}]`);
    });
  });
});

test('several penalties add up: [l1, weightDecay] reports the sum of their values', () => {
  const { model, opt, x, y } = setup();
  const ps = [nb.l1Penalty(model, 0.01), nb.weightDecay(model, 0.1, { include: 'all' })];
  const R = ps[0].value().item() + ps[1].value().item();
  const r = nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty: ps });
  close(r.penalty, R, 'penalty');
  assert.equal(r.loss, r.dataLoss + r.penalty);
});

test('a penalty on a frozen parameter counts in the value but moves nothing; the live ones still decay', () => {
  const { model, opt, x, y, lr } = setup();
  const [w0, , w1] = model.parameters();
  w0.requiresGrad_(false);
  const lam = 0.2;
  const penalty = nb.weightDecay(model, lam);
  const frozen = w0.toTypedArray(), live = w1.toTypedArray();
  const sq = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v * v, 0);
  const g = dataGrads(model, x, y)[2];
  const r = nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty });
  close(r.penalty, (lam / 2) * (sq(frozen) + sq(live)), 'penalty');
  assert.deepEqual(w0.toTypedArray(), frozen, 'the frozen weight did not move');
  assert.equal(w0.grad, null, 'and got no gradient');
  w1.toTypedArray().forEach((v, i) => close(v, live[i] - lr * (g[i] + lam * live[i]), `w1[${i}]`));
});

test('a penalized leaf outside the model and the optimizer keeps its gradient across steps', () => {
  const { model, opt, x, y } = setup();
  const extra = nb.tensor([[3, -1]], { dtype: 'float64', requiresGrad: true });
  const penalty = [nb.weightDecay(extra, 0.5), nb.l2Penalty(model, 0.01)];
  nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty });
  assert.equal(extra.grad!.storage.freed, false);
  nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty }); // no zeroGrad for it: λw twice
  assert.deepEqual(extra.grad!.tolist(), [[3, -1]]);
});

test('the NaN/Inf check applies to the total: an infinite penalty stops the step, parameters untouched', () => {
  const { model, opt, x, y } = setup();
  const huge = nb.tensor([[1e200]], { dtype: 'float64', requiresGrad: true });
  const before = model.parameters().map((p) => p.toTypedArray());
  assert.throws(
    () => nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty: [nb.l2Penalty(model, 0.1), nb.l2Penalty(huge, 1)] }),
    (e: unknown) => e instanceof nb.NumericalError &&
      /^trainStep: loss is Infinity \(data loss [0-9.]+ \+ penalty Infinity\) at step 1; the parameters were not updated/.test((e as Error).message),
  );
  model.parameters().forEach((p, i) => assert.deepEqual(p.toTypedArray(), before[i]));
  assert.equal(opt.stepCount, 0);
});

test('memory: a penalty adds no wasm memory per step (pinned constant, temporaries as without it)', async () => {
  await loadWasm({ threads: 1 });
  nb.setBackend('wasm');
  try {
    const wasm = nb.getBackend() as WasmBackend;
    /** Growth of pinned and resident-temporary bytes over 20 steps after 2 warm-up steps. */
    const growth = (withPenalty: boolean) => {
      const model = nb.mlp([8, 16, 4], { rng: new nb.Rng(3) });
      const opt = new nb.SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
      const penalty = withPenalty ? [nb.weightDecay(model, 1e-3), nb.l1Penalty(model, 1e-4)] : [];
      const x = nb.randn([32, 8], { rng: new nb.Rng(4) }), y = nb.randint(0, 4, [32], { rng: new nb.Rng(5) });
      for (let s = 0; s < 2; s++) nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty });
      const m0 = wasm.memoryStats();
      let first = NaN, last = NaN;
      for (let s = 0; s < 20; s++) {
        const r = nb.trainStep(model, nb.crossEntropy, opt, x, y, { penalty });
        if (s === 0) first = r.loss;
        last = r.loss;
      }
      assert.ok(last < first, `training works: ${first} → ${last}`);
      const m1 = wasm.memoryStats();
      return { pinned: m1.pinnedBytes - m0.pinnedBytes, temp: m1.tempBytes - m0.tempBytes };
    };
    const plain = growth(false), penalized = growth(true);
    assert.equal(penalized.pinned, 0, 'no pinned growth');
    // the returned outputs stay resident until collected, the same with or without a penalty
    assert.equal(penalized.temp, plain.temp);
  } finally {
    nb.setBackend('js');
  }
});
