// constant_/zeros_/ones_, and the symmetry problem they cause (concepts §6): in an MLP whose weights
// start all equal, every hidden unit computes the same value and receives the same gradient, so
// training never tells them apart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randn, fromArray, Rng, init, Linear, Sigmoid, Sequential, SGD, mseLoss, trainStep, type Tensor } from '../../index.js';

test('constant_, zeros_, ones_ fill in place', () => {
  const t = randn([3, 4], { rng: new Rng(0) });
  assert.equal(init.constant_(t, 0.25), t);
  assert.deepEqual([...t.toTypedArray()], new Array(12).fill(0.25));
  assert.deepEqual([...init.zeros_(t).toTypedArray()], new Array(12).fill(0));
  assert.deepEqual([...init.ones_(t).toTypedArray()], new Array(12).fill(1));
});

/** Rows of a [rows, cols] tensor (as arrays). */
function rows(t: Tensor): number[][] {
  const a = [...t.toTypedArray()];
  const [r, c] = t.shape;
  return Array.from({ length: r }, (_, i) => a.slice(i * c, (i + 1) * c));
}
const columns = (t: Tensor) => rows(t.t());

function trainTinyMlp(initFn: (m: Sequential) => void): { model: Sequential; firstGrads: [Tensor, Tensor] } {
  const rng = new Rng(11);
  const model = new Sequential(new Linear(3, 4, { rng }), new Sigmoid(), new Linear(4, 2, { rng }));
  initFn(model);
  const x = randn([8, 3], { rng, dtype: 'float32' }), y = randn([8, 2], { rng });
  const opt = new SGD(model.parameters(), { lr: 0.5 });
  const copy = (g: Tensor) => fromArray(g.toTypedArray(), g.shape); // the grad buffer is reused next step
  let firstGrads: [Tensor, Tensor] | null = null;
  for (let step = 0; step < 10; step++) {
    trainStep(model, mseLoss, opt, x, y); // forward, loss, zeroGrad, backward, SGD step
    const [l1, , l2] = model.modules as [Linear, Sigmoid, Linear];
    if (step === 1) firstGrads = [copy(l1.weight.grad!), copy(l2.weight.grad!)];
  }
  return { model, firstGrads: firstGrads! };
}

test('zero init: the hidden units get identical gradients and stay identical after training', () => {
  const { model, firstGrads } = trainTinyMlp((m) => m.parameters().forEach((p) => init.zeros_(p)));
  const [dW1, dW2] = firstGrads;
  // step 2 (after one update made W2 non-zero): every hidden unit's gradient is the same
  const g1 = rows(dW1), g2 = columns(dW2);
  for (let j = 1; j < 4; j++) {
    assert.deepEqual(g1[j], g1[0], `dW1 row ${j} = row 0`);
    assert.deepEqual(g2[j], g2[0], `dW2 column ${j} = column 0`);
  }
  assert.ok(g1[0].some((v) => v !== 0), 'the gradient is not trivially zero');
  const [l1, , l2] = model.modules as [Linear, Sigmoid, Linear];
  const w1 = rows(l1.weight), w2 = columns(l2.weight);
  for (let j = 1; j < 4; j++) {
    assert.deepEqual(w1[j], w1[0], `after 10 steps W1 row ${j} = row 0`);
    assert.deepEqual(w2[j], w2[0], `after 10 steps W2 column ${j} = column 0`);
  }
  assert.ok(w1[0].some((v) => v !== 0), 'W1 did move');
});

test('constant init shows the same symmetry; random init breaks it', () => {
  const constant = trainTinyMlp((m) => m.parameters().forEach((p) => init.constant_(p, 0.3)));
  const w1 = rows((constant.model.modules[0] as Linear).weight);
  for (let j = 1; j < 4; j++) assert.deepEqual(w1[j], w1[0]);
  const random = trainTinyMlp(() => {});
  const r1 = rows((random.model.modules[0] as Linear).weight);
  assert.notDeepEqual(r1[1], r1[0]);
  const g = rows(random.firstGrads[0]);
  assert.notDeepEqual(g[1], g[0]);
});
