import { matmul, zeros, ShapeError } from '../index.js';
import { testOp } from '../../test/helpers/test-op.js';

testOp('matmul', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => matmul(a, b),
  torch: 'torch.matmul(a, b)',
  tol: { float32: 'reduction' },
  cases: [
    { name: '2-d', inputs: [[3, 4], [4, 5]] },
    { name: 'size-1 dims', inputs: [[1, 4], [4, 1]] },
    { name: 'batched', inputs: [[2, 3, 4], [2, 4, 5]] },
    { name: 'broadcast batch', inputs: [[2, 1, 3, 4], [3, 4, 2]] },
    { name: 'batched by a matrix', inputs: [[2, 3, 4], [4, 5]] },
    { name: 'matrix by batched', inputs: [[3, 4], [2, 4, 5]] },
    { name: '1-d by 1-d', inputs: [[4], [4]] },
    { name: '1-d by 2-d', inputs: [[4], [4, 3]] },
    { name: '2-d by 1-d', inputs: [[3, 4], [4]] },
    { name: '1-d by batched', inputs: [[4], [2, 4, 3]] },
    { name: 'batched by 1-d', inputs: [[2, 3, 4], [4]] },
    { name: 'zero-size rows', inputs: [[0, 3], [3, 4]] },
    { name: 'zero inner dim', inputs: [[2, 0], [0, 3]] },
    { name: 'odd size', inputs: [[45, 65], [65, 7]] },
  ],
  errors: [
    {
      name: 'inner dimensions differ',
      run: () => matmul(zeros([2, 3]), zeros([4, 5])),
      throws: ShapeError,
      message: 'matmul: inner dimensions must match; got a [2, 3] and b [4, 5] (3 ≠ 4)',
    },
    {
      name: 'inner dimensions differ, 1-d',
      run: () => matmul(zeros([3]), zeros([4])),
      throws: ShapeError,
      message: 'matmul: inner dimensions must match; got a [3] and b [4] (3 ≠ 4)',
    },
    {
      name: 'inner dimensions differ, 1-d by batched',
      run: () => matmul(zeros([3]), zeros([2, 4, 5])),
      throws: ShapeError,
      message: 'matmul: inner dimensions must match; got a [3] and b [2, 4, 5] (3 ≠ 4)',
    },
    {
      name: 'batch dims that do not broadcast',
      run: () => matmul(zeros([2, 2, 3]), zeros([3, 3, 4])),
      throws: ShapeError,
      message: 'matmul: batch dimensions must broadcast; got a [2, 2, 3] and b [3, 3, 4] (dimension -3: 2 vs 3)',
    },
    {
      name: 'a scalar',
      run: () => matmul(zeros([]), zeros([2])),
      throws: ShapeError,
      message: 'matmul: both arguments need at least 1 dimension; got a [] and b [2]',
    },
  ],
});
