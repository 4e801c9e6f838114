import { logsumexp, zeros, ArgumentError } from '../index.js';
import { disposedInputError, testOp, ODD } from '../../test/helpers/test-op.js';

const INF = Infinity;
testOp('logsumexp', {
  inputs: ['x'],
  fn: ([x], a) => logsumexp(x, a.dim, a.keepdim),
  torch: 'torch.logsumexp(x, dim, keepdim)',
  tol: { float32: 'reduction' },
  cases: [
    { name: 'scalar', inputs: [[]], args: { dim: 0, keepdim: false } },
    { name: 'size-1 dim', inputs: [[4, 1]], args: { dim: -1, keepdim: false } },
    { name: 'last dim', inputs: [[3, 5]], args: { dim: -1, keepdim: false } },
    { name: 'dim 0, keepdim', inputs: [[3, 5]], args: { dim: 0, keepdim: true } },
    { name: 'two dims', inputs: [[2, 4, 3]], args: { dim: [0, 2], keepdim: false } },
    { name: 'negative dim', inputs: [[2, 4, 3]], args: { dim: -2, keepdim: false } },
    { name: 'zero-size dim reduced', inputs: [[0, 3]], args: { dim: 0, keepdim: false } },
    { name: 'zero-size dim kept', inputs: [[0, 3]], args: { dim: 1, keepdim: false } },
    { name: 'odd size', inputs: [ODD], args: { dim: 1, keepdim: false } },
    { name: 'large values', inputs: [[3, 4]], args: { dim: -1, keepdim: false }, domain: { low: -800, high: 800 } },
    {
      name: 'infinities', inputs: [{ shape: [3, 2], values: [-INF, -INF, INF, 1, INF, -INF] }], args: { dim: 1, keepdim: false },
      noGradcheck: 'infinite inputs',
    },
  ],
  errors: [
    disposedInputError('logsumexp', (x) => logsumexp(x, 0)),
    { name: 'dim out of range', run: () => logsumexp(zeros([2, 3]), 2), throws: ArgumentError, message: 'logsumexp: dim 2 is out of range for a tensor of rank 2' },
    { name: 'dim missing', run: () => (logsumexp as (x: unknown) => unknown)(zeros([2, 3])), throws: ArgumentError, message: 'logsumexp: dim must be an integer or an array of integers; got undefined' },
  ],
});
