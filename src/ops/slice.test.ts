import { slice, narrow, zeros, ArgumentError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

testOp('slice', {
  inputs: ['x'],
  fn: ([x], a) => slice(x, a.dim, a.start, a.end, a.step),
  torch: 'x.narrow(dim, start, end - start)',
  cases: [
    { name: 'size-1 dim', inputs: [[1, 5]], args: { dim: 0, start: 0, end: 1, step: 1 }, torch: 'x[0:1]' },
    { name: 'inner dim', inputs: [[3, 6]], args: { dim: 1, start: 1, end: 4, step: 1 }, torch: 'x[:, 1:4]' },
    { name: 'step 2', inputs: [[7, 3]], args: { dim: 0, start: 1, end: 7, step: 2 }, torch: 'x[1:7:2]' },
    { name: 'negative indices', inputs: [[2, 8]], args: { dim: -1, start: -5, end: -1, step: 3 }, torch: 'x[:, -5:-1:3]' },
    { name: 'end past the size', inputs: [[4, 2]], args: { dim: 0, start: 2, end: 100, step: 1 }, torch: 'x[2:100]' },
    { name: 'empty result', inputs: [[4, 2]], args: { dim: 0, start: 3, end: 1, step: 1 }, torch: 'x[3:1]' },
    { name: 'zero-size dim', inputs: [[0, 5]], args: { dim: 1, start: 1, end: 3, step: 1 }, torch: 'x[:, 1:3]' },
    { name: 'odd size', inputs: [ODD], args: { dim: 1, start: 3, end: 30, step: 4 }, torch: 'x[:, 3:30:4]' },
    { name: 'narrow', inputs: [[3, 6]], fn: ([x]) => narrow(x, 1, 2, 3), torch: 'x.narrow(1, 2, 3)' },
  ],
  errors: [
    {
      name: 'step 0',
      run: () => slice(zeros([3]), 0, 0, 2, 0),
      throws: ArgumentError,
      message: 'slice: step must be a positive integer; got 0 (number)',
    },
    {
      name: 'a 0-d tensor',
      run: () => slice(zeros([]), -1, 0, 1),
      throws: ArgumentError,
      message: 'slice: x must have at least one dim; got x []',
    },
    {
      name: 'dim out of range',
      run: () => slice(zeros([3]), 1, 0, 2),
      throws: ArgumentError,
      message: 'slice: dim 1 is out of range for a tensor of rank 1',
    },
    {
      name: 'narrow past the end (PyTorch raises; slice would clamp)',
      run: () => narrow(zeros([2, 3]), 1, 2, 5),
      throws: ArgumentError,
      message: 'narrow: start + length must not exceed the size of dim 1 (3); got start 2 and length 5',
    },
    {
      name: 'narrow start outside the dim',
      run: () => narrow(zeros([2, 3]), 1, -4, 1),
      throws: ArgumentError,
      message: 'narrow: start must lie in [-3, 3] for dim 1 of size 3; got -4 (number)',
    },
  ],
});
