// Linear vs torch.nn.Linear (fixture: same weights, random upstream gradient), its default init,
// and its error inputs with pinned messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linear, Rng, zeros, ShapeError, ArgumentError, type DType } from '../index.js';
import { assertClose, loadFixture, toTensor, tolFor, type Enc } from '../../test/helpers/reference.js';

interface LinearCase {
  name: string;
  dtype: DType;
  inFeatures: number;
  outFeatures: number;
  bias: boolean;
  x: Enc;
  weight: Enc;
  biasValue?: Enc;
  y: Enc;
  dy: Enc;
  dx: Enc;
  dweight: Enc;
  dbias?: Enc;
  stateDictKeys: string[];
}

const fixture = loadFixture<{ cases: LinearCase[] }>('nn', 'linear');

for (const c of fixture.cases) {
  test(`Linear forward/backward vs torch: ${c.name}`, () => {
    const lin = new Linear(c.inFeatures, c.outFeatures, { bias: c.bias, dtype: c.dtype, rng: new Rng(0) });
    assert.deepEqual(lin.namedParameters().map(([k]) => k), c.stateDictKeys);
    const state = new Map<string, Enc>([['weight', c.weight]]);
    if (c.biasValue) state.set('bias', c.biasValue);
    lin.loadStateDict(state);
    const x = toTensor(c.x, c.dtype, { requiresGrad: true });
    const y = lin.forward(x);
    assertClose(y, c.y, tolFor(c.dtype, true), 'y');
    y.backward(toTensor(c.dy, c.dtype));
    assertClose(x.grad!, c.dx, tolFor(c.dtype, true), 'dx');
    assertClose(lin.weight.grad!, c.dweight, tolFor(c.dtype, true), 'dweight');
    if (c.dbias) assertClose(lin.bias!.grad!, c.dbias, tolFor(c.dtype, true), 'dbias');
    else assert.equal(lin.bias, null);
  });
}

test('Linear default init is U(−1/√D_in, 1/√D_in) for weight and bias, as torch.nn.Linear', () => {
  const lin = new Linear(400, 300, { rng: new Rng(7) });
  const bound = 1 / Math.sqrt(400);
  for (const [name, p] of lin.namedParameters()) {
    const a = p.toTypedArray();
    let sum = 0, sq = 0, lo = Infinity, hi = -Infinity;
    for (const v of a) {
      sum += v;
      sq += v * v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const mean = sum / a.length;
    const std = Math.sqrt(sq / a.length - mean * mean);
    assert.ok(lo >= -bound && hi <= bound, `${name} within ±${bound}: [${lo}, ${hi}]`);
    // a U(−b, b) sample has std b/√3; 120 000 weights pin it within 1 %, 300 biases within 15 %
    const rel = name === 'weight' ? 0.01 : 0.15;
    assert.ok(Math.abs(std / (bound / Math.sqrt(3)) - 1) < rel, `${name} std ${std}`);
    assert.ok(Math.abs(mean) < (name === 'weight' ? 3 : 4) * (bound / Math.sqrt(3)) / Math.sqrt(a.length), `${name} mean ${mean}`);
  }
});

test('Linear returns [N, 1] for one output, never a bare scalar', () => {
  assert.deepEqual(new Linear(5, 1).forward(zeros([3, 5])).shape, [3, 1]);
  assert.deepEqual(new Linear(5, 2).forward(zeros([5])).shape, [2]);
});

test('Linear error inputs', () => {
  assert.throws(() => new Linear(784, 256).forward(zeros([64, 1568])), (e: unknown) => {
    assert.ok(e instanceof ShapeError);
    assert.equal(e.message, 'Linear(784 → 256): last input dimension must be 784; got x [64, 1568]');
    return true;
  });
  assert.throws(() => new Linear(3, 8).forward(zeros([1, 3, 234, 13])), {
    name: 'ShapeError',
    message: 'Linear(3 → 8): last input dimension must be 3; got x [1, 3, 234, 13]',
  });
  // when flattening would fit, the hint says so
  assert.throws(() => new Linear(1568, 10).forward(zeros([2, 32, 7, 7])), {
    name: 'ShapeError',
    message: 'Linear(1568 → 10): last input dimension must be 1568; got x [2, 32, 7, 7]\n' +
      'hint: a Flatten before this layer yields 1568 = 32·7·7',
  });
  assert.throws(() => new Linear(4, 2).forward(zeros([])), {
    name: 'ShapeError',
    message: 'Linear(4 → 2): last input dimension must be 4; got x []',
  });
  assert.throws(() => new Linear(0, 3), (e: unknown) => {
    assert.ok(e instanceof ArgumentError);
    assert.equal(e.message, 'Linear: inFeatures must be a positive integer; got 0 (number)');
    return true;
  });
  assert.throws(() => new Linear(3, 2.5), {
    name: 'ArgumentError',
    message: 'Linear: outFeatures must be a positive integer; got 2.5 (number)',
  });
});

test('Linear prints like torch', () => {
  assert.equal(new Linear(784, 256).toString(), 'Linear(in_features=784, out_features=256, bias=true)');
});
