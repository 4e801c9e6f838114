import assert from 'node:assert/strict';
import { tensor, zeros, ShapeError } from '../index.js';
import { reluBackward } from './relu-backward.js';
import { testOp } from '../../test/helpers/test-op.js';

const yDomain = { low: -2, high: 2, avoid: [0] };

testOp('reluBackward', {
  inputs: ['dy', 'y'],
  fn: ([dy, y]) => reluBackward(dy, y),
  torch: 'torch.ops.aten.threshold_backward(dy, y, 0.0)',
  cases: [
    { name: 'vector', inputs: [[7], { shape: [7], domain: yDomain, grad: false }] },
    { name: 'matrix, odd size', inputs: [[5, 13], { shape: [5, 13], domain: yDomain, grad: false }] },
    { name: 'y broadcast over rows', inputs: [[4, 6], { shape: [6], domain: yDomain, grad: false }] },
    { name: 'scalar', inputs: [[], { shape: [], values: [1.5], grad: false }] },
    { name: 'empty', inputs: [[0, 3], { shape: [0, 3], grad: false }] },
  ],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => reluBackward(zeros([2, 3]), zeros([3, 2])),
      throws: ShapeError,
      message: 'reluBackward: shapes cannot be broadcast together; got a [2, 3] and b [3, 2] (dimension -2: 2 vs 3)',
    },
  ],
  checks: {
    // torch.ops.aten.threshold_backward(tensor([inf, nan, 2, -inf]), tensor([0, -1, nan, 3]), 0)
    // = [0, 0, 2, -inf]: a gate, not a product with a mask (which would give nan, nan)
    'infinite and NaN gradients are gated, NaN outputs pass the gradient'() {
      const got = [...reluBackward(tensor([Infinity, NaN, 2, -Infinity]), tensor([0, -1, NaN, 3])).toTypedArray()];
      assert.deepEqual(got, [0, 0, 2, -Infinity]);
    },
  },
});
