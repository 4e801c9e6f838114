import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tensor } from '../../tensor/create.js';
import { max, min } from '../../ops/index.js';
import { minMaxScale } from './min-max-scale.js';

const values = (t: { toTypedArray(): ArrayLike<number> }) => Array.from(t.toTypedArray());

test('minMaxScale: a known range (pixels 0–255)', () => {
  const x = tensor([0, 51, 255], { dtype: 'int32' });
  const y = minMaxScale(x, { min: 0, max: 255 });
  assert.equal(y.dtype, 'float32');
  assert.deepEqual(values(y), [0, Math.fround(0.2), 1]);
});

test('minMaxScale: per feature over dim 0; a constant feature maps to 0', () => {
  const y = minMaxScale(
    tensor(
      [
        [1, -2, 5],
        [3, 6, 5],
        [2, 2, 5],
      ],
      { dtype: 'float64' },
    ),
  );
  assert.deepEqual(values(y), [0, 0, 0, 1, 1, 0, 0.5, 0.5, 0]);
});

test('minMaxScale: validation data scaled with the training range', () => {
  const xTrain = tensor(
    [
      [0, 10],
      [4, 20],
    ],
    { dtype: 'float64' },
  );
  const y = minMaxScale(tensor([[2, 25]], { dtype: 'float64' }), {
    min: min(xTrain, 0),
    max: max(xTrain, 0),
  });
  assert.deepEqual(values(y), [0.5, 1.5]);
});
