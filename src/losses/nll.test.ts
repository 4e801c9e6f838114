// nllLoss vs torch.nn.functional.nll_loss on log-probabilities: every reduction, class weights,
// ignoreIndex, [N, C, d…] and unbatched inputs; NLLLoss equals the function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nllLoss, NLLLoss, logSoftmax, crossEntropy, tensor, zeros, ArgumentError, DTypeError, ShapeError } from '../index.js';
import { testOp, type InputSpec, type OpCase } from '../../test/helpers/test-op.js';

const labels = (shape: number[], c: number): InputSpec => ({ shape, kind: 'int', domain: { low: 0, high: c } });
const fixed = (values: number[]): InputSpec => ({ shape: [values.length], kind: 'int', values });
const weight = (c: number): InputSpec => ({ shape: [c], domain: { low: 0.2, high: 2 }, grad: false });
const TORCH = 'F.nll_loss(input, target, reduction=reduction, ignore_index=ignoreIndex)';
const TORCH_W = 'F.nll_loss(input, target, weight=weight, reduction=reduction, ignore_index=ignoreIndex)';

function nll(name: string, inputs: OpCase['inputs'], args: Record<string, unknown> = {}): OpCase {
  return { name, inputs, args: { reduction: 'mean', ignoreIndex: -100, ...args }, torch: inputs.length === 3 ? TORCH_W : TORCH };
}

testOp('nllLoss', {
  inputs: ['input', 'target', 'weight'],
  fn: ([x, y, w], a) => nllLoss(x, y, { reduction: a.reduction, ignoreIndex: a.ignoreIndex, weight: w }),
  torch: TORCH,
  tol: { float32: 'reduction' },
  domain: { low: -4, high: 0 },
  cases: [
    nll('mean', [[4, 3], labels([4], 3)]),
    nll('sum', [[4, 3], labels([4], 3)], { reduction: 'sum' }),
    nll('none', [[4, 3], labels([4], 3)], { reduction: 'none' }),
    nll('unbatched [C]', [[5], labels([], 5)]),
    nll('zero-size batch, none', [[0, 3], labels([0], 3)], { reduction: 'none' }),
    nll('[N, C, d], mean', [[2, 4, 3], labels([2, 3], 4)]),
    nll('[N, C, d1, d2], sum', [[2, 3, 2, 2], labels([2, 2, 2], 3)], { reduction: 'sum' }),
    nll('class weights, mean', [[6, 4], labels([6], 4), weight(4)]),
    nll('class weights, none', [[6, 4], labels([6], 4), weight(4)], { reduction: 'none' }),
    nll('class weights, [N, C, d], mean', [[2, 4, 3], labels([2, 3], 4), weight(4)]),
    nll('ignoreIndex -100, mean', [[5, 3], fixed([0, -100, 2, 1, -100])]),
    nll('ignoreIndex 2 with weights, mean', [[5, 3], fixed([0, 2, 2, 1, 0]), weight(3)], { ignoreIndex: 2 }),
    nll('ignoreIndex with weights, none', [[5, 3], fixed([0, -100, 2, 1, 0]), weight(3)], { reduction: 'none' }),
  ],
  errors: [
    {
      name: 'a class index out of range',
      run: () => nllLoss(zeros([2, 3]), tensor([0, 5], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'nllLoss: target must hold class indices in [0, 2] or ignoreIndex -100; got target[1] = 5',
    },
    {
      name: 'float class indices',
      run: () => nllLoss(zeros([2, 3]), tensor([0, 1])),
      throws: DTypeError,
      message: "nllLoss: class-index targets must be int32; got target float32\nhint: cast them first: cast(target, 'int32')",
    },
    {
      name: 'a target of the wrong shape',
      run: () => nllLoss(zeros([2, 3]), tensor([[0], [1]], { dtype: 'int32' })),
      throws: ShapeError,
      message: "nllLoss: target must be input's shape without the class axis 1, [2]; got input [2, 3] and target [2, 1]",
    },
    {
      name: 'an unbatched input with a batched target',
      run: () => nllLoss(zeros([3]), tensor([0], { dtype: 'int32' })),
      throws: ShapeError,
      message: 'nllLoss: target must be a scalar class index for an unbatched input [C]; got input [3] and target [1]',
    },
    {
      name: 'an unknown reduction',
      run: () => nllLoss(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { reduction: 'batchmean' as 'mean' }),
      throws: ArgumentError,
      message: "nllLoss: reduction must be 'mean', 'sum' or 'none'; got 'batchmean' (string)",
    },
    {
      name: 'a weight that is not a tensor',
      run: () => nllLoss(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { weight: [1, 2, 3] as never }),
      throws: ArgumentError,
      message: 'nllLoss: weight must be a Tensor; got [1, 2, 3] (array)\nhint: make it a tensor first: tensor([1, 2, 3])',
    },
  ],
  checks: {
    'NLLLoss equals nllLoss with the same options': () => {
      const x = logSoftmax(tensor([[0.2, -1, 0.5], [1, 0, -0.3], [0, 0, 1]], { dtype: 'float64' }), 1);
      const y = tensor([2, -100, 1], { dtype: 'int32' });
      const weight = tensor([0.5, 2, 1], { dtype: 'float64' });
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        assert.deepEqual([...new NLLLoss({ reduction, weight }).forward(x, y).toTypedArray()],
          [...nllLoss(x, y, { reduction, weight }).toTypedArray()]);
      }
    },
    'nllLoss of logSoftmax is crossEntropy': () => {
      const s = tensor([[0.2, -1, 0.5], [1, 0, -0.3]], { dtype: 'float64' });
      const y = tensor([2, 0], { dtype: 'int32' });
      assert.ok(Math.abs(nllLoss(logSoftmax(s, 1), y).item() - crossEntropy(s, y).item()) < 1e-15);
    },
  },
});

test('nllLoss: every target ignored gives NaN under the mean, 0 under the sum (as torch)', () => {
  const x = zeros([2, 3], { dtype: 'float64' });
  const y = tensor([-100, -100], { dtype: 'int32' });
  assert.ok(Number.isNaN(nllLoss(x, y).item()));
  assert.equal(nllLoss(x, y, { reduction: 'sum' }).item(), 0);
});
