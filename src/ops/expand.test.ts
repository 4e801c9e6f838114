import { expand, zeros, ShapeError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('expand', {
  inputs: ['x'],
  fn: ([x], a) => expand(x, a.shape),
  torch: 'x.expand(*shape)',
  tol: { float32: 'reduction' }, // the gradient sums over the expanded dims
  cases: [
    { name: 'scalar', inputs: [[]], args: { shape: [2, 3] } },
    { name: 'size-1 dim', inputs: [[3, 1]], args: { shape: [3, 4] } },
    { name: 'new leading dims', inputs: [[1, 4]], args: { shape: [2, 3, 4] } },
    { name: 'keep with -1', inputs: [[3, 1]], args: { shape: [-1, 5] } },
    { name: 'same shape', inputs: [[2, 3]], args: { shape: [2, 3] } },
    { name: 'zero-size dim', inputs: [[0, 1]], args: { shape: [0, 3] } },
    { name: 'odd size', inputs: [[ODD[0], 1]], args: { shape: [...ODD] } },
  ],
  errors: [
    {
      name: 'a dim that is not 1',
      run: () => expand(zeros([2, 3]), [4, 3]),
      throws: ShapeError,
      message: 'expand: shapes cannot be broadcast together; got x [2, 3] and shape [4, 3] (dimension -2: 2 vs 4)',
    },
  ],
});
