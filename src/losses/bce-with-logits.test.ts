// binaryCrossEntropyWithLogits vs torch.nn.functional.binary_cross_entropy_with_logits: every
// reduction, weight, posWeight (per class, broadcast), large logits (the stable form), gradients
// for input and target; BCEWithLogitsLoss equals the function.
import assert from 'node:assert/strict';
import {
  binaryCrossEntropyWithLogits, BCEWithLogitsLoss, binaryCrossEntropy, sigmoid, tensor, zeros, ArgumentError, ShapeError,
} from '../index.js';
import { testOp, ODD, type InputSpec, type OpCase } from '../../test/helpers/test-op.js';

const TORCH = 'F.binary_cross_entropy_with_logits(input, target, reduction=reduction)';
const positive = (shape: number[]): InputSpec => ({ shape, domain: { low: 0.2, high: 3 }, grad: false });
const each = (name: string, shape: number[]): OpCase[] => (['mean', 'sum', 'none'] as const)
  .map((reduction) => ({ name: `${name}, ${reduction}`, inputs: [shape, shape], args: { reduction } }));

testOp('binaryCrossEntropyWithLogits', {
  inputs: ['input', 'target', 'weight', 'posWeight'],
  fn: ([x, y, w, p], a) => binaryCrossEntropyWithLogits(x, y, {
    reduction: a.reduction, weight: a.weighted ? w : undefined, posWeight: a.weighted ? p : w,
  }),
  torch: TORCH,
  tol: { float32: 'reduction' },
  domain: { input: { low: -4, high: 4 }, target: { low: 0, high: 1 } },
  cases: [
    ...each('[4, 5]', [4, 5]),
    ...each('scalar', []),
    { name: 'zero-size, sum', inputs: [[0, 3], [0, 3]], args: { reduction: 'sum' } },
    { name: 'odd size, mean', inputs: [ODD, ODD], args: { reduction: 'mean' } },
    { name: 'large logits, none', inputs: [[3, 4], [3, 4]], args: { reduction: 'none' }, domain: { input: { low: -80, high: 80 } } },
    { name: 'hard 0/1 targets, mean', inputs: [[3, 4], { shape: [3, 4], kind: 'mask' }], args: { reduction: 'mean' } },
    {
      name: 'posWeight per class [C], mean', inputs: [[4, 3], [4, 3], positive([3])], args: { reduction: 'mean' },
      torch: 'F.binary_cross_entropy_with_logits(input, target, pos_weight=weight, reduction=reduction)',
    },
    {
      name: 'weight and posWeight, none', inputs: [[4, 3], [4, 3], positive([4, 1]), positive([3])], args: { reduction: 'none', weighted: true },
      torch: 'F.binary_cross_entropy_with_logits(input, target, weight=weight, pos_weight=posWeight, reduction=reduction)',
    },
    {
      name: 'weight and posWeight, sum', inputs: [[2, 3, 4], [2, 3, 4], positive([3, 4]), positive([4])], args: { reduction: 'sum', weighted: true },
      torch: 'F.binary_cross_entropy_with_logits(input, target, weight=weight, pos_weight=posWeight, reduction=reduction)',
    },
  ],
  errors: [
    {
      name: 'shapes differ',
      run: () => binaryCrossEntropyWithLogits(zeros([4, 1]), zeros([4])),
      throws: ShapeError,
      message: 'binaryCrossEntropyWithLogits: input and target must have the same shape; got input [4, 1] and target [4]',
    },
    {
      name: 'a posWeight that does not broadcast',
      run: () => binaryCrossEntropyWithLogits(zeros([4, 3]), zeros([4, 3]), { posWeight: zeros([2]) }),
      throws: ShapeError,
      message: 'binaryCrossEntropyWithLogits: shapes cannot be broadcast together; got input [4, 3] and posWeight [2] (dimension -1: 3 vs 2)',
    },
    {
      name: 'a posWeight that is not a tensor',
      run: () => binaryCrossEntropyWithLogits(zeros([4, 3]), zeros([4, 3]), { posWeight: 2 as never }),
      throws: ArgumentError,
      message: 'binaryCrossEntropyWithLogits: posWeight must be a Tensor; got 2 (number)\nhint: make it a tensor first: tensor(2)',
    },
    {
      name: 'the option spelt as in PyTorch',
      run: () => binaryCrossEntropyWithLogits(zeros([2]), zeros([2]), { pos_weight: zeros([2]) } as never),
      throws: ArgumentError,
      message: "binaryCrossEntropyWithLogits: unknown option 'pos_weight' (options: reduction, weight, posWeight)\nhint: did you mean posWeight?",
    },
  ],
  checks: {
    'BCEWithLogitsLoss equals binaryCrossEntropyWithLogits with the same options': () => {
      const x = tensor([[-1, 2], [0.5, 30]], { dtype: 'float64' });
      const y = tensor([[0, 1], [1, 0.25]], { dtype: 'float64' });
      const posWeight = tensor([3, 0.5], { dtype: 'float64' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual(new BCEWithLogitsLoss({ reduction, posWeight }).forward(x, y).tolist(),
          binaryCrossEntropyWithLogits(x, y, { reduction, posWeight }).tolist());
      }
    },
    'equals binaryCrossEntropy of the sigmoid where that is accurate; stays finite where it is not': () => {
      const x = tensor([-3, -0.5, 0.2, 4], { dtype: 'float64' });
      const y = tensor([0, 1, 0.3, 1], { dtype: 'float64' });
      const a = binaryCrossEntropyWithLogits(x, y).item(), b = binaryCrossEntropy(sigmoid(x), y).item();
      assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
      // σ(−800) underflows to 0, so the probability form would clamp at 100; the logit form gives 800
      assert.equal(binaryCrossEntropyWithLogits(tensor([-800], { dtype: 'float64' }), tensor([1], { dtype: 'float64' })).item(), 800);
    },
  },
});
