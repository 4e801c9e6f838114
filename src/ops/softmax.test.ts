import { softmax, logSoftmax, zeros, ArgumentError, DTypeError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('softmax', {
  inputs: ['x'],
  fn: ([x], a) => softmax(x, a.dim),
  torch: 'torch.softmax(x, dim)',
  tol: { float32: 'reduction' },
  cases: [
    { name: 'scalar', inputs: [[]], args: { dim: -1 } },
    { name: 'size-1 dim', inputs: [[4, 1]], args: { dim: -1 } },
    { name: 'last dim', inputs: [[3, 5]], args: { dim: -1 } },
    { name: 'dim 0', inputs: [[3, 5]], args: { dim: 0 } },
    { name: 'middle dim', inputs: [[2, 4, 3]], args: { dim: 1 } },
    { name: 'zero-size dim', inputs: [[0, 5]], args: { dim: 1 } },
    { name: 'odd size', inputs: [ODD], args: { dim: 1 } },
    { name: 'large logits', inputs: [[3, 4]], args: { dim: -1 }, domain: { low: -80, high: 80 } },
    { name: 'scalar, dim 0', inputs: [[]], args: { dim: 0 } },
    { name: 'one element', inputs: [[1]], args: { dim: 0 } },
    { name: 'negative dim', inputs: [[2, 4, 3]], args: { dim: -2 } },
    { name: 'log, scalar', inputs: [[]], args: { dim: 0 }, fn: ([x], a) => logSoftmax(x, a.dim), torch: 'torch.log_softmax(x, dim)' },
    { name: 'log, negative dim', inputs: [[2, 4, 3]], args: { dim: -3 }, fn: ([x], a) => logSoftmax(x, a.dim), torch: 'torch.log_softmax(x, dim)' },
    {
      name: '-inf entries', inputs: [{ shape: [2, 3], values: [-Infinity, 1, 2, -Infinity, -Infinity, 0.5] }], args: { dim: 1 },
      noGradcheck: 'infinite inputs',
    },
    { name: 'log, last dim', inputs: [[3, 5]], args: { dim: -1 }, fn: ([x], a) => logSoftmax(x, a.dim), torch: 'torch.log_softmax(x, dim)' },
    { name: 'log, dim 0', inputs: [[3, 5]], args: { dim: 0 }, fn: ([x], a) => logSoftmax(x, a.dim), torch: 'torch.log_softmax(x, dim)' },
    { name: 'log, odd size', inputs: [ODD], args: { dim: 0 }, fn: ([x], a) => logSoftmax(x, a.dim), torch: 'torch.log_softmax(x, dim)' },
    {
      name: 'log, large logits',
      inputs: [[3, 4]],
      args: { dim: -1 },
      domain: { low: -80, high: 80 },
      fn: ([x], a) => logSoftmax(x, a.dim),
      torch: 'torch.log_softmax(x, dim)',
    },
  ],
  errors: [
    {
      name: 'dim out of range',
      run: () => softmax(zeros([2, 3]), 2),
      throws: ArgumentError,
      message: 'softmax: dim 2 is out of range for a tensor of rank 2',
    },
    {
      name: 'dim out of range, 0-d',
      run: () => logSoftmax(zeros([]), 1),
      throws: ArgumentError,
      message: 'logSoftmax: dim 1 is out of range for a tensor of rank 0',
    },
    {
      name: 'integer input',
      run: () => logSoftmax(zeros([2, 3], { dtype: 'int32' })),
      throws: DTypeError,
      message: 'logSoftmax: x must be a floating-point tensor; got x int32',
    },
  ],
});
