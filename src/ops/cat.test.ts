import { cat, stack, tensor, zeros, ShapeError, ArgumentError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('cat', {
  inputs: ['a', 'b', 'c'],
  fn: (xs, a) => cat(xs, a.dim),
  torch: 'torch.cat([a, b], dim)',
  cases: [
    { name: 'dim 0', inputs: [[2, 3], [4, 3]], args: { dim: 0 } },
    { name: 'size-1 dims, three tensors', inputs: [[1, 3], [1, 3], [1, 3]], args: { dim: 0 }, torch: 'torch.cat([a, b, c], dim)' },
    { name: 'last dim', inputs: [[2, 3, 1], [2, 3, 4]], args: { dim: -1 } },
    { name: 'zero-size piece', inputs: [[0, 3], [2, 3]], args: { dim: 0 } },
    { name: 'odd size', inputs: [ODD, [ODD[0], 5]], args: { dim: 1 } },
    { name: 'stack', inputs: [[2, 3], [2, 3]], fn: ([a, b]) => stack([a, b], 1), torch: 'torch.stack([a, b], 1)' },
    { name: 'stack scalars', inputs: [[], []], fn: ([a, b]) => stack([a, b]), torch: 'torch.stack([a, b])' },
    { name: 'stack at the end', inputs: [[2, 3], [2, 3]], fn: ([a, b]) => stack([a, b], -1), torch: 'torch.stack([a, b], -1)' },
  ],
  errors: [
    {
      name: 'other dims differ',
      run: () => cat([zeros([2, 3]), zeros([2, 4])], 0),
      throws: ShapeError,
      message: 'cat: tensors must match in every dim except 0; got tensors[0] [2, 3] and tensors[1] [2, 4]',
    },
    {
      name: 'zero-dimensional tensors',
      run: () => cat([tensor(1), tensor(2)]),
      throws: ShapeError,
      message: 'cat: zero-dimensional tensors cannot be concatenated; got tensors[0] []\nhint: stack joins them along a new dim',
    },
    {
      name: 'no tensors',
      run: () => cat([]),
      throws: ArgumentError,
      message: 'cat: tensors must hold at least one Tensor; got [] (array)',
    },
    {
      name: 'stack of different shapes',
      run: () => stack([zeros([2, 3]), zeros([2, 4])]),
      throws: ShapeError,
      message: 'stack: all tensors must have the same shape; got tensors[0] [2, 3] and tensors[1] [2, 4]',
    },
  ],
});
