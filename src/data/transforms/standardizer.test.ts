import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor, zeros } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { Standardizer } from './standardizer.js';

function close(t: Tensor, expected: number[], atol = 1e-6) {
  const got = Array.from(t.toTypedArray());
  assert.equal(got.length, expected.length);
  got.forEach((g, i) =>
    assert.ok(Math.abs(g - expected[i]) <= atol, `[${i}] ${g} vs ${expected[i]}`),
  );
}

// Hand-computed: column 0 = 1, 3, 5 → μ 3, σ² = (4 + 0 + 4)/3; column 1 = 10, 10, 40 → μ 20,
// σ² = (100 + 100 + 400)/3 = 200; column 2 is constant 7 → σ 0.
const xTrain = tensor(
  [
    [1, 10, 7],
    [3, 10, 7],
    [5, 40, 7],
  ],
  { dtype: 'float64' },
);

test('Standardizer: statistics per feature (population σ)', () => {
  const s = new Standardizer().fit(xTrain);
  close(s.mean!, [3, 20, 7], 1e-12);
  close(s.std!, [Math.sqrt(8 / 3), Math.sqrt(200), 0], 1e-12);
});

test('Standardizer: transform gives z-scores; a constant feature becomes 0', () => {
  const z = new Standardizer().fitTransform(xTrain);
  const a = 2 / Math.sqrt(8 / 3),
    b = 10 / Math.sqrt(200);
  close(z, [-a, -b, 0, 0, -b, 0, a, 2 * b, 0], 1e-12);
});

test('Standardizer: test data uses the training statistics only', () => {
  const s = new Standardizer().fit(xTrain);
  const z = s.transform(tensor([[3, 20 + Math.sqrt(200), 8]], { dtype: 'float64' }));
  close(z, [0, 1, 1], 1e-12);
  close(s.mean!, [3, 20, 7], 1e-12); // unchanged by transforming other data
  close(s.inverseTransform(z), [3, 20 + Math.sqrt(200), 8], 1e-12);
});

test('Standardizer: float32 and int32 input', () => {
  const z = new Standardizer().fitTransform(tensor([[1], [3]], { dtype: 'int32' }));
  assert.equal(z.dtype, 'float32');
  close(z, [-1, 1]);
});

test('Standardizer: errors', () => {
  assert.throws(() => new Standardizer().transform(xTrain), {
    name: 'ArgumentError',
    message: 'Standardizer: call fit(xTrain) before transforming',
  });
  assert.throws(() => new Standardizer().fit(xTrain).transform(tensor([[1, 2]])), {
    name: 'ShapeError',
    message: 'Standardizer: x must be [N, 3] as fitted; got x [1, 2]',
  });
  assert.throws(() => new Standardizer().fit(zeros([0, 2])), {
    name: 'ArgumentError',
    message: 'Standardizer: fit needs at least one sample along dim 0; got x [0, 2]',
  });
});
