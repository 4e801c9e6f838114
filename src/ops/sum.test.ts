import { sum, zeros, ArgumentError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('sum', {
  inputs: ['x'],
  fn: ([x], a) => sum(x, a.dim ?? undefined, a.keepdim),
  torch: 'torch.sum(x, dim, keepdim=keepdim)',
  tol: { float32: 'reduction' },
  cases: [
    { name: 'all', inputs: [[3, 4]], args: { dim: null, keepdim: false }, torch: 'torch.sum(x)' },
    { name: 'scalar', inputs: [[]], args: { dim: null, keepdim: false }, torch: 'torch.sum(x)' },
    { name: 'scalar, dim -1 (a 0-d tensor wraps dims as rank 1)', inputs: [[]], args: { dim: -1, keepdim: false } },
    { name: 'scalar, dim [0] keepdim', inputs: [[]], args: { dim: [0], keepdim: true } },
    { name: 'size-1 dim', inputs: [[1, 5]], args: { dim: 0, keepdim: false } },
    { name: 'dim 1 keepdim', inputs: [[3, 4, 2]], args: { dim: 1, keepdim: true } },
    { name: 'negative dim', inputs: [[3, 4]], args: { dim: -1, keepdim: false } },
    { name: 'non-adjacent dims', inputs: [[2, 3, 4]], args: { dim: [0, 2], keepdim: false } },
    { name: 'all dims listed, keepdim', inputs: [[2, 3]], args: { dim: [0, 1], keepdim: true } },
    { name: 'zero-size dim', inputs: [[0, 3]], args: { dim: 1, keepdim: false } },
    { name: 'over a zero-size dim', inputs: [[0, 3]], args: { dim: 0, keepdim: false } },
    { name: 'odd size', inputs: [ODD], args: { dim: 0, keepdim: false } },
    { name: 'odd size, all', inputs: [ODD], args: { dim: null, keepdim: false }, torch: 'torch.sum(x)' },
  ],
  errors: [
    {
      name: 'dim out of range',
      run: () => sum(zeros([2, 3]), 2),
      throws: ArgumentError,
      message: 'sum: dim 2 is out of range for a tensor of rank 2',
    },
    {
      name: 'a dim listed twice',
      run: () => sum(zeros([2, 3]), [1, -1]),
      throws: ArgumentError,
      message: 'sum: dim -1 appears more than once',
    },
  ],
});
