// crossEntropy vs torch.nn.functional.cross_entropy: class indices and probabilities, every
// reduction, class weights, ignoreIndex, label smoothing, [N, C, d…] and unbatched [C] inputs;
// the fused path's second-order gradients; CrossEntropyLoss equals the function.
import { crossEntropy, CrossEntropyLoss, tensor, zeros, ArgumentError, DTypeError, ShapeError } from '../index.js';
import { testOp, ODD, type InputSpec, type OpCase } from '../../test/helpers/test-op.js';

const labels = (shape: number[], c: number): InputSpec => ({ shape, kind: 'int', domain: { low: 0, high: c } });
const fixed = (values: number[]): InputSpec => ({ shape: [values.length], kind: 'int', values });
const probs = (shape: number[]): InputSpec => ({ shape, domain: { low: 0, high: 1 } });
const weight = (c: number, grad = false): InputSpec => ({ shape: [c], domain: { low: 0.2, high: 2 }, grad });
const TORCH = 'F.cross_entropy(input, target, reduction=reduction, label_smoothing=labelSmoothing, ignore_index=ignoreIndex)';
const TORCH_W = 'F.cross_entropy(input, target, weight=weight, reduction=reduction, label_smoothing=labelSmoothing, ignore_index=ignoreIndex)';

/** A case with every option spelt out (the torch expression names them all). */
function xcase(name: string, inputs: OpCase['inputs'], args: Record<string, unknown> = {}, extra: Partial<OpCase> = {}): OpCase {
  return {
    name, inputs, args: { reduction: 'mean', labelSmoothing: 0, ignoreIndex: -100, ...args },
    torch: inputs.length === 3 ? TORCH_W : TORCH, ...extra,
  };
}

const C3 = { reduction: 'none' };
testOp('crossEntropy', {
  inputs: ['input', 'target', 'weight'],
  fn: ([x, y, w], a) => crossEntropy(x, y, { reduction: a.reduction, labelSmoothing: a.labelSmoothing, ignoreIndex: a.ignoreIndex, weight: w }),
  torch: TORCH,
  tol: { float32: 'reduction' },
  domain: { low: -3, high: 3 },
  cases: [
    xcase('mean', [[4, 3], labels([4], 3)]),
    xcase('sum', [[4, 3], labels([4], 3)], { reduction: 'sum' }),
    xcase('none', [[4, 3], labels([4], 3)], C3),
    xcase('size-1 batch', [[1, 5], labels([1], 5)]),
    xcase('zero-size batch, none', [[0, 3], labels([0], 3)], C3),
    xcase('odd size', [ODD, labels([ODD[0]], ODD[1])]),
    xcase('large logits', [[3, 4], labels([3], 4)], {}, { domain: { low: -60, high: 60 } }),
    xcase('unbatched [C]', [[5], labels([], 5)]),
    xcase('[N, C, d], mean', [[2, 4, 3], labels([2, 3], 4)]),
    xcase('[N, C, d1, d2], none', [[2, 3, 2, 2], labels([2, 2, 2], 3)], C3),
    xcase('class weights, mean', [[6, 4], labels([6], 4), weight(4)]),
    xcase('class weights, sum', [[6, 4], labels([6], 4), weight(4)], { reduction: 'sum' }),
    xcase('class weights, none', [[6, 4], labels([6], 4), weight(4)], C3),
    xcase('class weights, [N, C, d]', [[2, 4, 3], labels([2, 3], 4), weight(4)]),
    xcase('ignoreIndex -100, mean', [[5, 3], fixed([0, -100, 2, 1, -100])]),
    xcase('ignoreIndex -100, none', [[5, 3], fixed([0, -100, 2, 1, -100])], C3),
    xcase('ignoreIndex 1 with weights, mean', [[5, 3], fixed([0, 1, 2, 1, 2]), weight(3)], { ignoreIndex: 1 }),
    xcase('ignoreIndex, [N, C, d]', [[2, 3, 3], { shape: [2, 3], kind: 'int', values: [0, 2, -100, 1, -100, 2] }]),
    xcase('label smoothing, mean', [[4, 5], labels([4], 5)], { labelSmoothing: 0.1 }),
    xcase('label smoothing, none', [[4, 5], labels([4], 5)], { labelSmoothing: 0.25, reduction: 'none' }),
    xcase('label smoothing, weights and ignoreIndex, mean', [[5, 3], fixed([0, -100, 2, 1, 2]), weight(3)], { labelSmoothing: 0.2 }),
    xcase('label smoothing, weights and ignoreIndex, sum', [[5, 3], fixed([0, -100, 2, 1, 2]), weight(3)], { labelSmoothing: 0.2, reduction: 'sum' }),
    xcase('label smoothing, [N, C, d]', [[2, 4, 3], labels([2, 3], 4)], { labelSmoothing: 0.1 }),
    xcase('probability targets, mean', [[4, 3], probs([4, 3])]),
    xcase('probability targets, sum', [[4, 3], probs([4, 3])], { reduction: 'sum' }),
    xcase('probability targets, none', [[4, 3], probs([4, 3])], C3),
    xcase('probability targets, unbatched [C]', [[4], probs([4])]),
    xcase('probability targets, [N, C, d]', [[2, 4, 3], probs([2, 4, 3])]),
    xcase('probability targets, weights, mean', [[4, 3], probs([4, 3]), weight(3, true)]),
    xcase('probability targets, weights, none', [[4, 3], probs([4, 3]), weight(3, true)], C3),
    xcase('probability targets, label smoothing, sum', [[4, 3], probs([4, 3])], { labelSmoothing: 0.3, reduction: 'sum' }),
  ],
  errors: [
    {
      name: 'a class index out of range',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 3], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'crossEntropy: target must hold class indices in [0, 2] or ignoreIndex -100; got target[1] = 3',
    },
    {
      name: 'a negative class index that is not ignoreIndex',
      run: () => crossEntropy(zeros([2, 3, 2]), tensor([[0, 1], [-1, 2]], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'crossEntropy: target must hold class indices in [0, 2] or ignoreIndex -100; got target[1, 0] = -1',
    },
    {
      name: 'float class indices',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1])),
      throws: DTypeError,
      message: 'crossEntropy: class-index targets must be int32; got target float32\n' +
        'hint: for probability targets pass a float tensor of the input\'s shape',
    },
    {
      name: 'scalar logits',
      run: () => crossEntropy(zeros([]), tensor(0, { dtype: 'int32' })),
      throws: ShapeError,
      message: 'crossEntropy: input must be [N, C, d1, …] or [C] logits; got input []',
    },
    {
      name: 'batch sizes differ',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1, 2], { dtype: 'int32' })),
      throws: ShapeError,
      message: 'crossEntropy: target must be input\'s shape without the class axis 1, [2]; got input [2, 3] and target [3]',
    },
    {
      name: 'a [N, C, d] input with an [N] target',
      run: () => crossEntropy(zeros([2, 3, 4]), tensor([0, 1], { dtype: 'int32' })),
      throws: ShapeError,
      message: 'crossEntropy: target must be input\'s shape without the class axis 1, [2, 4]; got input [2, 3, 4] and target [2]',
    },
    {
      name: 'probability targets of another shape',
      run: () => crossEntropy(zeros([2, 3]), zeros([2, 4])),
      throws: ShapeError,
      message: 'crossEntropy: probability targets must have the input\'s shape; got input [2, 3] and target [2, 4]',
    },
    {
      name: 'an unknown reduction',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { reduction: 'avg' as 'mean' }),
      throws: ArgumentError,
      message: 'crossEntropy: reduction must be \'mean\', \'sum\' or \'none\'; got \'avg\' (string)',
    },
    {
      name: 'a weight that is not one per class',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { weight: zeros([4]) }),
      throws: ShapeError,
      message: 'crossEntropy: weight must be [C] = [3], one value per class; got weight [4]',
    },
    {
      name: 'label smoothing above 1',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { labelSmoothing: 1.5 }),
      throws: ArgumentError,
      message: 'crossEntropy: labelSmoothing must be a finite number in [0, 1]; got 1.5 (number)',
    },
    {
      name: 'a fractional ignoreIndex',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { ignoreIndex: 0.5 }),
      throws: ArgumentError,
      message: 'crossEntropy: ignoreIndex must be an integer; got 0.5 (number)',
    },
    {
      name: 'ignoreIndex with probability targets',
      run: () => crossEntropy(zeros([2, 3]), zeros([2, 3]), { ignoreIndex: 1 }),
      throws: ArgumentError,
      message: 'crossEntropy: ignoreIndex applies to class-index targets only, not to probability targets; got ignoreIndex 1',
    },
  ],
});

import { test as plainTest } from 'node:test';
import plainAssert from 'node:assert/strict';
import { crossEntropy as xent, tensor as mk, logSoftmax as lsm, neg as ng, mean as mn, mul as ml, sum as sm } from '../index.js';

plainTest('crossEntropy: second-order gradients (createGraph) equal those of the composite loss', () => {
  const data = [[0.2, -1, 0.5], [1, 0, -0.3]];
  const y = mk([2, 0], { dtype: 'int32' });
  const onehot = mk([[0, 0, 1], [1, 0, 0]], { dtype: 'float64' });
  const grads = (fused: boolean) => {
    const x = mk(data, { dtype: 'float64', requiresGrad: true });
    const loss = fused ? xent(x, y) : mn(ng(sm(ml(onehot, lsm(x, -1)), -1)));
    loss.backward(undefined, { createGraph: true });
    const g1 = x.grad!;
    plainAssert.ok(g1.requiresGrad, 'the first-order gradient is recorded');
    const w = mk([[0.3, -0.7, 1.1], [0.5, 0.2, -0.4]], { dtype: 'float64' });
    x.grad = null;
    sm(ml(g1, w)).backward();
    return [Array.from(g1.toTypedArray()), Array.from(x.grad!.toTypedArray())];
  };
  const [f1, f2] = grads(true), [c1, c2] = grads(false);
  f1.forEach((v, i) => plainAssert.ok(Math.abs(v - c1[i]) < 1e-12, `first order ${i}`));
  f2.forEach((v, i) => plainAssert.ok(Math.abs(v - c2[i]) < 1e-12, `second order ${i}: ${v} vs ${c2[i]}`));
  plainAssert.ok(f2.some((v) => Math.abs(v) > 1e-3), 'a non-trivial second-order gradient');
});

plainTest('crossEntropy mean backward is the notes\' (p − y)/N', () => {
  // logits 0 everywhere: p = 1/C, so dx = (1/C − onehot)/N exactly in float64
  const x = zeros([2, 4], { dtype: 'float64', requiresGrad: true });
  const loss = crossEntropy(x, tensor([1, 3], { dtype: 'int32' }));
  plainAssert.ok(Math.abs(loss.item() - Math.log(4)) < 1e-15);
  loss.backward();
  plainAssert.deepEqual([...x.grad!.toTypedArray()], [0.125, -0.375, 0.125, 0.125, 0.125, 0.125, 0.125, -0.375]);
});

plainTest('CrossEntropyLoss equals crossEntropy with the same options', () => {
  const x = mk([[0.2, -1, 0.5], [1, 0, -0.3]], { dtype: 'float64' });
  const y = mk([2, 0], { dtype: 'int32' });
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    plainAssert.deepEqual([...new CrossEntropyLoss({ reduction }).forward(x, y).toTypedArray()],
      [...xent(x, y, { reduction }).toTypedArray()]);
  }
});
