// multiclassHingeLoss, the notes' multiclass SVM loss, against PyTorch through the identity
// Σ_{j≠y} max(0, s_j − s_y + Δ) = C · F.multi_margin_loss(s, y, margin=Δ); the notes' worked
// example; MulticlassHingeLoss equals the function.
import assert from 'node:assert/strict';
import { multiclassHingeLoss, MulticlassHingeLoss, multiMarginLoss, tensor, zeros, ArgumentError, ShapeError } from '../index.js';
import { testOp, type InputSpec } from '../../test/helpers/test-op.js';

const labels = (shape: number[], c: number): InputSpec => ({ shape, kind: 'int', domain: { low: 0, high: c } });
const each = (shape: number[], c: number, margin: number) => (['mean', 'sum', 'none'] as const).map((reduction) => ({
  name: `[${shape}] margin ${margin}, ${reduction}`, inputs: [shape, labels(shape.slice(0, -1), c)], args: { margin, reduction },
}));

testOp('multiclassHingeLoss', {
  inputs: ['input', 'target'],
  fn: ([x, y], a) => multiclassHingeLoss(x, y, { margin: a.margin, reduction: a.reduction }),
  // the notes' loss is torch's times C (torch divides each sample's sum by C)
  torch: 'F.multi_margin_loss(input, target, margin=margin, reduction=reduction) * input.shape[-1]',
  tol: { float32: 'reduction' },
  cases: [...each([5, 4], 4, 1), ...each([7, 3], 3, 2.5), ...each([6], 6, 1)],
  errors: [
    {
      name: 'a batch-size mismatch',
      run: () => multiclassHingeLoss(zeros([2, 3]), tensor([0], { dtype: 'int32' })),
      throws: ShapeError,
      message: "multiclassHingeLoss: target must be input's shape without the class axis 1, [2]; got input [2, 3] and target [1]",
    },
    {
      name: 'a margin that is not a number',
      run: () => multiclassHingeLoss(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { margin: '1' as never }),
      throws: ArgumentError,
      message: "multiclassHingeLoss: margin must be a finite number; got '1' (string)",
    },
  ],
  checks: {
    "the notes' cat example: s = [3.2, 5.1, −1.7], y = 0 gives 2.9": () => {
      const l = multiclassHingeLoss(tensor([[3.2, 5.1, -1.7]], { dtype: 'float64' }), tensor([0], { dtype: 'int32' }));
      assert.ok(Math.abs(l.item() - 2.9) < 1e-12, String(l.item()));
    },
    'C times multiMarginLoss on the same scores': () => {
      const s = tensor([[0.2, -1, 0.5, 2], [1, 0, -0.3, 0.1]], { dtype: 'float64' });
      const y = tensor([2, 0], { dtype: 'int32' });
      const a = multiclassHingeLoss(s, y, { margin: 0.8 }).item(), b = multiMarginLoss(s, y, { margin: 0.8 }).item();
      assert.ok(Math.abs(a - 4 * b) < 1e-12, `${a} vs 4 × ${b}`);
    },
    'MulticlassHingeLoss equals multiclassHingeLoss with the same options': () => {
      const s = tensor([[0.2, -1, 0.5], [1, 0, -0.3]], { dtype: 'float64' });
      const y = tensor([2, 0], { dtype: 'int32' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual(new MulticlassHingeLoss({ reduction, margin: 2 }).forward(s, y).tolist(),
          multiclassHingeLoss(s, y, { reduction, margin: 2 }).tolist());
      }
    },
  },
});
