import { add, zeros, ShapeError } from '../index.js';
import { testOp, binaryCases } from '../../test/helpers/test-op.js';

testOp('add', {
  inputs: ['a', 'b'],
  fn: ([a, b]) => add(a, b),
  torch: 'torch.add(a, b)',
  cases: [...binaryCases(), { name: 'number operand', inputs: [[2, 3]], fn: ([a]) => add(a, 2.5), torch: 'a + 2.5' }],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => add(zeros([2, 3]), zeros([4])),
      throws: ShapeError,
      message: 'add: shapes cannot be broadcast together; got a [2, 3] and b [4] (dimension -1: 3 vs 4)',
    },
  ],
});
