import { sub, zeros, ShapeError } from '../index.js';
import { testOp, binaryCases } from '../../test/helpers/test-op.js';

testOp('sub', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => sub(a, b),
  torch: 'torch.sub(a, b)',
  cases: [...binaryCases(), { name: 'number operand', inputs: [[2, 3]], fn: ([a]) => sub(a, 1.5), torch: 'torch.sub(a, 1.5)' }],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => sub(zeros([2, 3]), zeros([2, 4])),
      throws: ShapeError,
      message: 'sub: shapes cannot be broadcast together; got a [2, 3] and b [2, 4] (dimension -1: 3 vs 4)',
    },
  ],
});
