// Weight penalties (concepts §5): values against their closed forms, gradients against the closed
// forms (exactly, float64) and by gradcheck, the default selection (weights, not biases), and
// weightDecay(λ) through trainStep against torch.optim.SGD(weight_decay=λ) from
// test/fixtures/regularize/weight-decay.json (tools/fixtures/regularize.py).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  l1Penalty, l2Penalty, elasticNet, weightDecay, isPenalty, gradcheck, fromArray, tensor, randn, manualSeed,
  setBackend, Sequential, Linear, ReLU, Module, Parameter, SGD, trainStep, crossEntropy, type Tensor,
} from '../index.js';
import { loadFixture, toTensor, type Enc } from '../../test/helpers/reference.js';

setBackend('js');

/** float64 weights away from 0 (the L1 kink), both signs, and a bias. */
function leaves() {
  manualSeed(5);
  const w = randn([3, 4], { dtype: 'float64' });
  const shifted = w.add(w.sign().mul(0.1)).detach(); // |w| ≥ 0.1
  const W = fromArray(shifted.toTypedArray(), [3, 4], { dtype: 'float64', requiresGrad: true });
  const v = fromArray([0.5, -1.25, 2], [3], { dtype: 'float64', requiresGrad: true });
  return { W, v, all: [...W.toTypedArray(), 0.5, -1.25, 2] };
}

const close = (a: number, e: number, label: string, tol = 1e-12) =>
  assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${label}: ${a} vs ${e}`);

test('values: λΣ|w|, λΣw², λ₁Σ|w| + λ₂Σw², λ/2·Σw² over every given parameter', () => {
  const { W, v, all } = leaves();
  const L1 = all.reduce((s, x) => s + Math.abs(x), 0), L2 = all.reduce((s, x) => s + x * x, 0);
  close(l1Penalty([W, v], 0.3).value().item(), 0.3 * L1, 'l1');
  close(l2Penalty([W, v], 0.3).value().item(), 0.3 * L2, 'l2');
  close(elasticNet([W, v], { l1: 0.2, l2: 0.7 }).value().item(), 0.2 * L1 + 0.7 * L2, 'elastic net');
  close(weightDecay([W, v], 0.3).value().item(), 0.15 * L2, 'weight decay');
  assert.equal(weightDecay([W, v], 0).value().item(), 0);
  const p = weightDecay(W, 0.3);
  assert.ok(isPenalty(p) && !isPenalty({ value: () => W }));
  assert.deepEqual([p.kind, p.lambda, p.l1, p.l2, p.names], ['weightDecay', 0.3, 0, 0.15, ['[0]']]);
  assert.deepEqual(elasticNet(W, { l1: 0.2, l2: 0.7 }).lambda, { l1: 0.2, l2: 0.7 });
  assert.equal(l2Penalty(W, 1).value().shape.length, 0, 'a 0-d tensor');
});

/** The gradient a penalty gives the given leaves, each as a plain array. */
function gradOf(make: (ps: Tensor[]) => { value(): Tensor }, ps: Tensor[]): number[][] {
  for (const p of ps) p.grad = null;
  make(ps).value().backward();
  return ps.map((p) => [...p.grad!.toTypedArray()]);
}

test('gradients equal the closed forms exactly in float64: λw (weight decay), 2λw (L2), λ·sign(w) (L1)', () => {
  const { W, v } = leaves();
  const lam = 0.37;
  const w = [[...W.toTypedArray()], [...v.toTypedArray()]];
  assert.deepEqual(gradOf((ps) => weightDecay(ps, lam), [W, v]), w.map((a) => a.map((x) => lam * x)));
  assert.deepEqual(gradOf((ps) => l2Penalty(ps, lam), [W, v]), w.map((a) => a.map((x) => 2 * lam * x)));
  assert.deepEqual(gradOf((ps) => l1Penalty(ps, lam), [W, v]), w.map((a) => a.map((x) => lam * Math.sign(x))));
  const en = gradOf((ps) => elasticNet(ps, { l1: 0.2, l2: lam }), [W, v]);
  en.forEach((a, i) => a.forEach((g, j) => close(g, 0.2 * Math.sign(w[i][j]) + 2 * lam * w[i][j], `elastic net [${i}][${j}]`)));
  // at w = 0 the L1 subgradient is 0, as the abs op's
  const z = tensor([0, 1], { dtype: 'float64', requiresGrad: true });
  assert.deepEqual(gradOf((ps) => l1Penalty(ps, 0.5), [z]), [[0, 0.5]]);
});

test('gradcheck (float64) of each penalty', () => {
  const { W, v } = leaves();
  const makers: Array<[string, (ps: Tensor[]) => { value(): Tensor }]> = [
    ['l1', (ps) => l1Penalty(ps, 0.3)], ['l2', (ps) => l2Penalty(ps, 0.3)],
    ['elasticNet', (ps) => elasticNet(ps, { l1: 0.3, l2: 0.6 })], ['weightDecay', (ps) => weightDecay(ps, 0.3)],
  ];
  for (const [name, make] of makers) {
    const r = gradcheck((a, b) => make([a, b]).value(), [W, v]);
    assert.ok(r.ok, `${name}\n${r.summary}`);
  }
});

test('selection from a Module: weights (ndim ≥ 2) by default, biases out; include all or a predicate; tied once', () => {
  const m = new Sequential(new Linear(3, 2), new ReLU(), new Linear(2, 1));
  assert.deepEqual(l2Penalty(m, 0.1).names, ['0.weight', '2.weight']);
  assert.deepEqual(l2Penalty(m, 0.1, { include: 'weights' }).names, ['0.weight', '2.weight']);
  assert.deepEqual(l2Penalty(m, 0.1, { include: 'all' }).names, ['0.weight', '0.bias', '2.weight', '2.bias']);
  assert.deepEqual(l2Penalty(m, 0.1, { include: (n) => n.startsWith('2.') }).names, ['2.weight', '2.bias']);
  const p = weightDecay(m, 0.1);
  assert.equal(p.params[0], (m.modules[0] as Linear).weight);
  const w = m.parameters()[0], w2 = m.parameters()[2];
  close(p.value().item(), 0.05 * [...w.toTypedArray(), ...w2.toTypedArray()].reduce((s, x) => s + x * x, 0), 'value', 1e-6);
  // a norm layer's scale and shift are 1-D, so the default leaves them out
  class Norm extends Module {
    weight = new Parameter(tensor([1, 1]));
    bias = new Parameter(tensor([0, 0]));
    fc = new Linear(2, 2);
    forward(x: Tensor) {
      return this.fc.forward(x.mul(this.weight).add(this.bias));
    }
  }
  assert.deepEqual(l1Penalty(new Norm(), 0.1).names, ['fc.weight']);
  class Tied extends Module {
    a = new Linear(2, 2);
    b = this.a;
    forward(x: Tensor) {
      return this.b.forward(this.a.forward(x));
    }
  }
  assert.deepEqual(l2Penalty(new Tied(), 0.1).names, ['a.weight']);
});

interface WDCase {
  name: string;
  lr: number;
  lambda: number;
  momentum: number;
  include: 'weights' | 'all';
  x: Enc;
  y: Enc;
  initial: Record<string, Enc>;
  trajectory: Array<{ dataLoss: number; params: Record<string, Enc> }>;
}

for (const c of loadFixture<{ cases: WDCase[] }>('regularize', 'weight-decay').cases) {
  test(`${c.name}: trainStep with weightDecay(λ) = torch.optim.SGD(weight_decay=λ) to 1e-12 (float64)`, () => {
    const model = new Sequential(new Linear(4, 3, { dtype: 'float64' }), new ReLU(), new Linear(3, 2, { dtype: 'float64' }));
    model.loadStateDict(new Map(Object.entries(c.initial)));
    const opt = new SGD(model.parameters(), { lr: c.lr, momentum: c.momentum });
    const penalty = weightDecay(model, c.lambda, { include: c.include });
    const x = toTensor(c.x, 'float64'), y = toTensor(c.y, 'int32');
    c.trajectory.forEach((s, k) => {
      const r = trainStep(model, crossEntropy, opt, x, y, { penalty });
      close(r.dataLoss, s.dataLoss, `step ${k + 1} data loss`);
      assert.ok(r.penalty > 0);
      for (const [name, p] of model.namedParameters()) {
        p.toTypedArray().forEach((v, i) => close(v, s.params[name].data[i], `step ${k + 1} ${name}[${i}]`));
      }
    });
  });
}
