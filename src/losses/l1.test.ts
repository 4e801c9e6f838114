// l1Loss vs torch.nn.functional.l1_loss: every reduction, gradients for input and target (away
// from x = y, where |·| has its kink); L1Loss equals the function.
import assert from 'node:assert/strict';
import { l1Loss, L1Loss, tensor, zeros, ArgumentError, ShapeError } from '../index.js';
import { testOp, ODD, type OpCase } from '../../test/helpers/test-op.js';

const each = (name: string, shape: number[]): OpCase[] => (['mean', 'sum', 'none'] as const)
  .map((reduction) => ({ name: `${name}, ${reduction}`, inputs: [shape, shape], args: { reduction } }));

testOp('l1Loss', {
  inputs: ['input', 'target'],
  fn: ([x, y], a) => l1Loss(x, y, { reduction: a.reduction }),
  torch: 'F.l1_loss(input, target, reduction=reduction)',
  tol: { float32: 'reduction' },
  // input in [0.1, 2], target in [−2, −0.1]: never equal, so no kink within gradcheck's step
  domain: { input: { low: 0.1, high: 2 }, target: { low: -2, high: -0.1 } },
  cases: [
    ...each('[4, 5]', [4, 5]),
    ...each('scalar', []),
    { name: '[2, 3, 2], mean', inputs: [[2, 3, 2], [2, 3, 2]], args: { reduction: 'mean' } },
    { name: 'mixed signs, none', inputs: [[3, 4], [3, 4]], args: { reduction: 'none' }, domain: { low: -2, high: 2, avoid: [0] } },
    { name: 'zero-size, sum', inputs: [[0, 3], [0, 3]], args: { reduction: 'sum' } },
    { name: 'odd size, mean', inputs: [ODD, ODD], args: { reduction: 'mean' } },
  ],
  errors: [
    {
      name: 'shapes differ',
      run: () => l1Loss(zeros([3]), zeros([3, 1])),
      throws: ShapeError,
      message: 'l1Loss: input and target must have the same shape; got input [3] and target [3, 1]',
    },
    {
      name: 'an unknown reduction',
      run: () => l1Loss(zeros([2]), zeros([2]), { reduction: 'max' as 'mean' }),
      throws: ArgumentError,
      message: "l1Loss: reduction must be 'mean', 'sum' or 'none'; got 'max' (string)",
    },
  ],
  checks: {
    'L1Loss equals l1Loss with the same options': () => {
      const x = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
      const y = tensor([[0, 2.5], [1, 1]], { dtype: 'float64' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual(new L1Loss({ reduction }).forward(x, y).tolist(), l1Loss(x, y, { reduction }).tolist());
      }
    },
  },
});
