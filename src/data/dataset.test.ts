import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromArray, tensor } from '../tensor/create.js';
import { TensorDataset } from './dataset.js';

const x = fromArray(Float32Array.from([0, 1, 10, 11, 20, 21]), [3, 2]);
const y = fromArray(Int32Array.from([7, 8, 9]), [3]);

test('TensorDataset: get(i) is row i of every tensor', () => {
  const ds = new TensorDataset(x, y);
  assert.equal(ds.length, 3);
  const [xi, yi] = ds.get(1);
  assert.deepEqual(xi.shape, [2]);
  assert.deepEqual(Array.from(xi.toTypedArray()), [10, 11]);
  assert.deepEqual(yi.shape, []);
  assert.equal(yi.dtype, 'int32');
  assert.equal(yi.item(), 8);
});

test('TensorDataset: getBatch keeps the order of the indices, repeats included', () => {
  const [xb, yb] = new TensorDataset(x, y).getBatch(Int32Array.from([2, 0, 2]));
  assert.deepEqual(xb.shape, [3, 2]);
  assert.deepEqual(Array.from(xb.toTypedArray()), [20, 21, 0, 1, 20, 21]);
  assert.deepEqual(Array.from(yb.toTypedArray()), [9, 7, 9]);
});

test('TensorDataset: errors', () => {
  assert.throws(() => new TensorDataset(x, tensor([1, 2])), {
    name: 'ShapeError',
    message:
      'TensorDataset: every tensor must have the same first dimension; got tensors[0] [3, 2] and tensors[1] [2]',
  });
  assert.throws(() => new TensorDataset(x, tensor(5)), {
    name: 'ShapeError',
    message: 'TensorDataset: every tensor needs a first dimension to index; got tensors[1] []',
  });
  assert.throws(() => new TensorDataset(), {
    name: 'ArgumentError',
    message: 'TensorDataset: needs at least one tensor',
  });
  assert.throws(() => new TensorDataset(x).get(3), {
    name: 'ArgumentError',
    message: 'TensorDataset.get: index must be an integer in [0, 2]; got 3 (number)',
  });
});
