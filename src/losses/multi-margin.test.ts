// multiMarginLoss vs torch.nn.functional.multi_margin_loss: p 1 and 2, margins, class weights,
// every reduction, unbatched [C]; MultiMarginLoss equals the function.
import assert from 'node:assert/strict';
import { multiMarginLoss, MultiMarginLoss, tensor, zeros, ArgumentError, DTypeError, ShapeError } from '../index.js';
import { testOp, ODD, type InputSpec, type OpCase } from '../../test/helpers/test-op.js';

const labels = (shape: number[], c: number): InputSpec => ({ shape, kind: 'int', domain: { low: 0, high: c } });
const weight = (c: number): InputSpec => ({ shape: [c], domain: { low: 0.2, high: 2 }, grad: false });
const TORCH = 'F.multi_margin_loss(input, target, p=p, margin=margin, reduction=reduction)';
const TORCH_W = 'F.multi_margin_loss(input, target, p=p, margin=margin, weight=weight, reduction=reduction)';

function mm(name: string, inputs: OpCase['inputs'], args: Record<string, unknown> = {}): OpCase {
  return { name, inputs, args: { p: 1, margin: 1, reduction: 'mean', ...args }, torch: inputs.length === 3 ? TORCH_W : TORCH };
}

testOp('multiMarginLoss', {
  inputs: ['input', 'target', 'weight'],
  fn: ([x, y, w], a) => multiMarginLoss(x, y, { p: a.p, margin: a.margin, reduction: a.reduction, weight: w }),
  torch: TORCH,
  tol: { float32: 'reduction' },
  // scores on a 0.25 grid would tie; uniform draws keep every margin term away from its kink
  domain: { low: -2, high: 2 },
  cases: [
    mm('mean', [[5, 4], labels([5], 4)]),
    mm('sum', [[5, 4], labels([5], 4)], { reduction: 'sum' }),
    mm('none', [[5, 4], labels([5], 4)], { reduction: 'none' }),
    mm('p 2', [[5, 4], labels([5], 4)], { p: 2 }),
    mm('margin 0.5, none', [[5, 4], labels([5], 4)], { margin: 0.5, reduction: 'none' }),
    mm('unbatched [C]', [[6], labels([], 6)]),
    mm('odd size', [ODD, labels([ODD[0]], ODD[1])]),
    mm('class weights, mean', [[6, 3], labels([6], 3), weight(3)]),
    mm('class weights, p 2, none', [[6, 3], labels([6], 3), weight(3)], { p: 2, reduction: 'none' }),
  ],
  errors: [
    {
      name: 'a class index out of range',
      run: () => multiMarginLoss(zeros([2, 3]), tensor([0, 3], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'multiMarginLoss: target must hold class indices in [0, 2]; got target[1] = 3',
    },
    {
      name: 'float class indices',
      run: () => multiMarginLoss(zeros([2, 3]), tensor([0, 1])),
      throws: DTypeError,
      message: "multiMarginLoss: class-index targets must be int32; got target float32\nhint: cast them first: cast(target, 'int32')",
    },
    {
      name: 'a 3-d input',
      run: () => multiMarginLoss(zeros([2, 3, 4]), tensor([[0, 1, 2, 0], [1, 1, 1, 1]], { dtype: 'int32' })),
      throws: ShapeError,
      message: 'multiMarginLoss: input must be [N, C] or [C] scores; got input [2, 3, 4]',
    },
    {
      name: 'p 3',
      run: () => multiMarginLoss(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { p: 3 as 1 }),
      throws: ArgumentError,
      message: 'multiMarginLoss: p must be 1 or 2; got 3 (number)',
    },
  ],
  checks: {
    'MultiMarginLoss equals multiMarginLoss with the same options': () => {
      const x = tensor([[0.2, -1, 0.5], [1, 0, -0.3]], { dtype: 'float64' });
      const y = tensor([2, 0], { dtype: 'int32' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual(new MultiMarginLoss({ reduction, p: 2, margin: 0.7 }).forward(x, y).tolist(),
          multiMarginLoss(x, y, { reduction, p: 2, margin: 0.7 }).tolist());
      }
    },
  },
});
