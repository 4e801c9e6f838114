import { maxout, linear, zeros, ArgumentError, ShapeError } from '../index.js';
import { disposedInputError, testOp } from '../../test/helpers/test-op.js';

testOp('maxout', {
  inputs: ['x', 'w', 'b'],
  fn: ([x], a) => maxout(x, a.k, a.dim),
  torch: 'x.unflatten(dim, (-1, k)).amax(dim + 1 if dim >= 0 else dim)',
  cases: [
    { name: 'last dim', inputs: [[4, 6]], args: { k: 3, dim: -1 } },
    { name: 'k 1', inputs: [[2, 3]], args: { k: 1, dim: -1 } },
    { name: 'middle dim', inputs: [[2, 6, 3]], args: { k: 2, dim: 1 } },
    { name: 'whole dim', inputs: [[2, 5]], args: { k: 5, dim: 1 } },
    { name: 'zero-size batch', inputs: [[0, 4]], args: { k: 2, dim: -1 } },
    { name: 'odd size', inputs: [[19, 35]], args: { k: 5, dim: -1 } },
    {
      name: 'layer: linear then maxout',
      inputs: [[5, 4], [6, 4], [6]],
      args: { k: 2, dim: -1 },
      fn: ([x, w, b], a) => maxout(linear(x, w, b), a.k),
      torch: 'F.linear(x, w, b).view(x.shape[0], -1, k).max(-1).values',
    },
  ],
  errors: [
    disposedInputError('maxout', (x) => maxout(x, 1)),
    { name: 'k not a positive integer', run: () => maxout(zeros([2, 4]), 0), throws: ArgumentError, message: 'maxout: k must be a positive integer; got 0 (number)' },
    { name: 'size not divisible by k', run: () => maxout(zeros([2, 5]), 2), throws: ShapeError, message: 'maxout: size 5 of dim -1 must be divisible by k = 2; got x [2, 5]' },
    { name: 'dim out of range', run: () => maxout(zeros([2, 4]), 2, 2), throws: ArgumentError, message: 'maxout: dim 2 is out of range for a tensor of rank 2' },
  ],
});
