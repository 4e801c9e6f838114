import { where, zeros, ShapeError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

const cond = (shape: readonly number[]) => ({ shape, kind: 'mask' as const });

testOp('where', {
  inputs: ['cond', 'a', 'b'],
  fn: ([c, a, b]) => where(c, a, b),
  torch: 'torch.where(cond != 0, a, b)',
  cases: [
    { name: 'scalar', inputs: [cond([]), [], []] },
    { name: 'size-1 dim', inputs: [cond([1, 5]), [1, 5], [1, 5]] },
    { name: 'broadcast triple', inputs: [cond([3, 1, 4]), [1, 5, 1], [5, 4]] },
    { name: 'zero-size dim', inputs: [cond([0, 3]), [0, 3], [3]] },
    { name: 'odd size', inputs: [cond(ODD), ODD, ODD] },
    {
      name: 'number operands',
      inputs: [cond([4, 3]), [4, 3]],
      fn: ([c, a]) => where(c, a, -0.5),
      torch: 'torch.where(cond != 0, a, torch.tensor(-0.5, dtype=a.dtype))',
    },
  ],
  errors: [
    {
      name: 'shapes that do not broadcast',
      run: () => where(zeros([2]), zeros([3]), zeros([2])),
      throws: ShapeError,
      message: 'where: shapes cannot be broadcast together; got cond [2] and a [3] and b [2] (dimension -1: 2 vs 3)',
    },
  ],
});
