// mseLoss vs torch.nn.functional.mse_loss: every reduction, gradients for input and target;
// the notes' sum of squares; MSELoss equals the function.
import assert from 'node:assert/strict';
import { mseLoss, MSELoss, tensor, zeros, ArgumentError, DTypeError, ShapeError } from '../index.js';
import { testOp, ODD, type OpCase } from '../../test/helpers/test-op.js';

const each = (name: string, shape: number[]): OpCase[] => (['mean', 'sum', 'none'] as const)
  .map((reduction) => ({ name: `${name}, ${reduction}`, inputs: [shape, shape], args: { reduction } }));

testOp('mseLoss', {
  inputs: ['input', 'target'],
  fn: ([x, y], a) => mseLoss(x, y, { reduction: a.reduction }),
  torch: 'F.mse_loss(input, target, reduction=reduction)',
  tol: { float32: 'reduction' },
  cases: [
    ...each('[4, 5]', [4, 5]),
    ...each('scalar', []),
    ...each('[2, 3, 2]', [2, 3, 2]),
    { name: 'zero-size, sum', inputs: [[0, 3], [0, 3]], args: { reduction: 'sum' } },
    { name: 'odd size, mean', inputs: [ODD, ODD], args: { reduction: 'mean' } },
  ],
  errors: [
    {
      name: 'shapes differ',
      run: () => mseLoss(zeros([4, 5]), zeros([4, 1])),
      throws: ShapeError,
      message: 'mseLoss: input and target must have the same shape; got input [4, 5] and target [4, 1]',
    },
    {
      name: 'an int target',
      run: () => mseLoss(zeros([2]), zeros([2], { dtype: 'int32' })),
      throws: DTypeError,
      message: 'mseLoss: target must be a floating-point tensor; got target int32',
    },
    {
      name: 'an unknown reduction',
      run: () => mseLoss(zeros([2]), zeros([2]), { reduction: 'avg' as 'mean' }),
      throws: ArgumentError,
      message: "mseLoss: reduction must be 'mean', 'sum' or 'none'; got 'avg' (string)",
    },
  ],
  checks: {
    "the default is the mean; the notes' sum of squares is reduction 'sum'": () => {
      const x = tensor([1, 2, 3], { dtype: 'float64' });
      const y = tensor([0, 0, 1], { dtype: 'float64' });
      assert.equal(mseLoss(x, y).item(), 3); // (1 + 4 + 4) / 3
      assert.equal(mseLoss(x, y, { reduction: 'sum' }).item(), 9);
    },
    'MSELoss equals mseLoss with the same options': () => {
      const x = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
      const y = tensor([[0, 2.5], [1, 1]], { dtype: 'float64' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual(new MSELoss({ reduction }).forward(x, y).tolist(), mseLoss(x, y, { reduction }).tolist());
      }
    },
  },
});
