import { variance, zeros, ArgumentError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('var', {
  inputs: ['x'],
  fn: ([x], a) => variance(x, a.dim ?? undefined, { correction: a.correction, keepdim: a.keepdim }),
  torch: 'torch.var(x, dim, unbiased=correction == 1, keepdim=keepdim)',
  tol: { float32: 'reduction' },
  cases: [
    { name: 'all', inputs: [[3, 4]], args: { dim: null, correction: 1, keepdim: false }, torch: 'torch.var(x)' },
    { name: 'scalar, population', inputs: [[]], args: { dim: null, correction: 0, keepdim: false }, torch: 'torch.var(x, unbiased=False)' },
    { name: 'scalar, dim 0, population', inputs: [[]], args: { dim: 0, correction: 0, keepdim: false } },
    { name: 'size-1 dim, population', inputs: [[1, 5]], args: { dim: 0, correction: 0, keepdim: false } },
    { name: 'dim 1 keepdim', inputs: [[3, 4, 2]], args: { dim: 1, correction: 1, keepdim: true } },
    { name: 'non-adjacent dims', inputs: [[2, 3, 4]], args: { dim: [0, 2], correction: 1, keepdim: false } },
    { name: 'zero-size dim', inputs: [[0, 3]], args: { dim: 1, correction: 1, keepdim: false } },
    { name: 'odd size', inputs: [ODD], args: { dim: 1, correction: 1, keepdim: false } },
  ],
  errors: [
    {
      name: 'dim out of range',
      run: () => variance(zeros([2, 3]), 2),
      throws: ArgumentError,
      message: 'var: dim 2 is out of range for a tensor of rank 2',
    },
  ],
});
