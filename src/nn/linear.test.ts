// Linear vs torch.nn.Linear (testModule: same initial state, training steps with random upstream
// gradients, gradcheck), its default init, and its error inputs with pinned messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linear, Rng, zeros, ShapeError, ArgumentError } from '../index.js';
import { testModule } from '../../test/helpers/test-module.js';

testModule('Linear', {
  cases: [
    { name: '2-d', module: (dtype) => new Linear(5, 3, { dtype }), torch: 'nn.Linear(5, 3)', inputs: [[4, 5]] },
    { name: 'single row', module: (dtype) => new Linear(6, 4, { dtype }), torch: 'nn.Linear(6, 4)', inputs: [[1, 6]] },
    { name: '1-d input', module: (dtype) => new Linear(5, 2, { dtype }), torch: 'nn.Linear(5, 2)', inputs: [[5]] },
    { name: '3-d input', module: (dtype) => new Linear(5, 4, { dtype }), torch: 'nn.Linear(5, 4)', inputs: [[2, 3, 5]] },
    {
      name: 'no bias', module: (dtype) => new Linear(5, 3, { bias: false, dtype }),
      torch: 'nn.Linear(5, 3, bias=False)', inputs: [[4, 5]], steps: 3,
    },
    { name: 'odd sizes', module: (dtype) => new Linear(13, 11, { dtype }), torch: 'nn.Linear(13, 11)', inputs: [[7, 13]] },
    { name: 'one output', module: (dtype) => new Linear(4, 1, { dtype }), torch: 'nn.Linear(4, 1)', inputs: [[5, 4]] },
  ],
});

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
