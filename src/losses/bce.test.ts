// binaryCrossEntropy vs torch.nn.functional.binary_cross_entropy: every reduction, weights,
// gradients for input and target, torch's log clamp at −100 at x = 0 and 1; BCELoss equals the
// function; probabilities outside [0, 1] are refused.
import assert from 'node:assert/strict';
import { binaryCrossEntropy, BCELoss, tensor, zeros, ArgumentError, ShapeError } from '../index.js';
import { testOp, ODD, type InputSpec, type OpCase } from '../../test/helpers/test-op.js';

const TORCH = 'F.binary_cross_entropy(input, target, reduction=reduction)';
const TORCH_W = 'F.binary_cross_entropy(input, target, weight=weight, reduction=reduction)';
const weight = (shape: number[]): InputSpec => ({ shape, domain: { low: 0.2, high: 2 }, grad: false });
const each = (name: string, shape: number[]): OpCase[] => (['mean', 'sum', 'none'] as const)
  .map((reduction) => ({ name: `${name}, ${reduction}`, inputs: [shape, shape], args: { reduction } }));

testOp('binaryCrossEntropy', {
  inputs: ['input', 'target', 'weight'],
  fn: ([x, y, w], a) => binaryCrossEntropy(x, y, { reduction: a.reduction, weight: w }),
  torch: TORCH,
  tol: { float32: 'reduction' },
  domain: { input: { low: 0.05, high: 0.95 }, target: { low: 0, high: 1 } },
  cases: [
    ...each('[4, 5]', [4, 5]),
    ...each('scalar', []),
    { name: 'zero-size, sum', inputs: [[0, 3], [0, 3]], args: { reduction: 'sum' } },
    { name: 'odd size, mean', inputs: [ODD, ODD], args: { reduction: 'mean' } },
    { name: 'hard 0/1 targets, mean', inputs: [[3, 4], { shape: [3, 4], kind: 'mask' }], args: { reduction: 'mean' } },
    { name: 'elementwise weight, mean', inputs: [[3, 4], [3, 4], weight([3, 4])], args: { reduction: 'mean' }, torch: TORCH_W },
    { name: 'broadcast weight [4], none', inputs: [[3, 4], [3, 4], weight([4])], args: { reduction: 'none' }, torch: TORCH_W },
    {
      // x = 0 or 1 exactly: each log is clamped at −100 (forward only: the gradients differ there)
      name: 'log clamped at -100, none',
      inputs: [
        { shape: [5], values: [0, 1, 0, 1, 0.5], grad: false },
        { shape: [5], values: [0, 1, 1, 0, 0.5], grad: false },
      ],
      args: { reduction: 'none' },
    },
  ],
  errors: [
    {
      name: 'an input probability above 1',
      run: () => binaryCrossEntropy(tensor([[0.5, 1.5]]), tensor([[1, 0]])),
      throws: ArgumentError,
      message: 'binaryCrossEntropy: input must hold probabilities in [0, 1]; got input[0, 1] = 1.5\n' +
        'hint: for logits use binaryCrossEntropyWithLogits',
    },
    {
      name: 'a negative target',
      run: () => binaryCrossEntropy(tensor([0.5, 0.5]), tensor([-1, 0])),
      throws: ArgumentError,
      message: 'binaryCrossEntropy: target must hold probabilities in [0, 1]; got target[0] = -1',
    },
    {
      name: 'a NaN input',
      run: () => binaryCrossEntropy(tensor([NaN]), tensor([1])),
      throws: ArgumentError,
      message: 'binaryCrossEntropy: input must hold probabilities in [0, 1]; got input[0] = NaN\n' +
        'hint: for logits use binaryCrossEntropyWithLogits',
    },
    {
      name: 'shapes differ',
      run: () => binaryCrossEntropy(zeros([2, 3]), zeros([3])),
      throws: ShapeError,
      message: 'binaryCrossEntropy: input and target must have the same shape; got input [2, 3] and target [3]',
    },
    {
      name: 'a weight that does not broadcast to the input',
      run: () => binaryCrossEntropy(zeros([2, 3]), zeros([2, 3]), { weight: zeros([2, 2, 3]) }),
      throws: ShapeError,
      message: "binaryCrossEntropy: weight must broadcast to input's shape; got input [2, 3] and weight [2, 2, 3]",
    },
    {
      name: 'an unknown reduction',
      run: () => binaryCrossEntropy(zeros([2]), zeros([2]), { reduction: 'mean ' as 'mean' }),
      throws: ArgumentError,
      message: "binaryCrossEntropy: reduction must be 'mean', 'sum' or 'none'; got 'mean ' (string)",
    },
  ],
  checks: {
    'BCELoss equals binaryCrossEntropy with the same options': () => {
      const x = tensor([[0.1, 0.7], [0.5, 0.99]], { dtype: 'float64' });
      const y = tensor([[0, 1], [1, 0.25]], { dtype: 'float64' });
      const weight = tensor([2, 0.5], { dtype: 'float64' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual(new BCELoss({ reduction, weight }).forward(x, y).tolist(),
          binaryCrossEntropy(x, y, { reduction, weight }).tolist());
      }
    },
    'the gradient stays finite at x = 0 and 1': () => {
      const x = tensor([0, 1, 0, 1], { dtype: 'float64', requiresGrad: true });
      binaryCrossEntropy(x, tensor([0, 1, 1, 0], { dtype: 'float64' }), { reduction: 'sum' }).backward();
      assert.ok([...x.grad!.toTypedArray()].every(Number.isFinite), String(x.grad!.tolist()));
    },
  },
});
