import { div, zeros, ShapeError } from '../index.js';
import { testOp, binaryCases } from '../../test/helpers/test-op.js';

testOp('div', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => div(a, b),
  torch: 'torch.div(a, b)',
  domain: { a: { low: -2, high: 2 }, b: { low: -2, high: 2, avoid: [0], margin: 0.25 } },
  cases: [
    ...binaryCases(),
    { name: 'number divisor', inputs: [[2, 3]], fn: ([a]) => div(a, 4), torch: 'a / 4' },
    { name: 'number dividend', inputs: [[], [2, 3]], fn: ([, b]) => div(3, b), torch: '3 / b' },
  ],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => div(zeros([3]), zeros([2])),
      throws: ShapeError,
      message: 'div: shapes cannot be broadcast together; got a [3] and b [2] (dimension -1: 3 vs 2)',
    },
  ],
});
