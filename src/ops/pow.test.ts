import { pow, zeros, ShapeError } from '../index.js';
import { testOp, binaryCases } from '../../test/helpers/test-op.js';

testOp('pow', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => pow(a, b),
  torch: 'torch.pow(a, b)',
  domain: { a: { low: 0.3, high: 2 }, b: { low: -2, high: 2 } },
  cases: [
    ...binaryCases(),
    { name: 'number exponent', inputs: [[2, 3]], fn: ([a]) => pow(a, 2), torch: 'a ** 2' },
    {
      name: 'negative base, integer exponent',
      inputs: [[3, 4]],
      domain: { low: -2, high: 2 },
      fn: ([a]) => pow(a, 3),
      torch: 'a ** 3',
    },
  ],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => pow(zeros([2, 2]), zeros([3, 1, 3])),
      throws: ShapeError,
      message: 'pow: shapes cannot be broadcast together; got a [2, 2] and b [3, 1, 3] (dimension -1: 2 vs 3)',
    },
  ],
});
