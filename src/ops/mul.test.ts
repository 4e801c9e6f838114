import { mul, zeros, ShapeError } from '../index.js';
import { testOp, binaryCases } from '../../test/helpers/test-op.js';

testOp('mul', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => mul(a, b),
  torch: 'torch.mul(a, b)',
  cases: [...binaryCases(), { name: 'number operand', inputs: [[2, 3]], fn: ([a]) => mul(a, 1.5), torch: 'torch.mul(a, 1.5)' }],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => mul(zeros([2, 3]), zeros([2, 4])),
      throws: ShapeError,
      message: 'mul: shapes cannot be broadcast together; got a [2, 3] and b [2, 4] (dimension -1: 3 vs 4)',
    },
  ],
});
