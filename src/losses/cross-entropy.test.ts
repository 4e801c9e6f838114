import { crossEntropy, CrossEntropyLoss, tensor, zeros, ArgumentError, DTypeError, ShapeError } from '../index.js';
import { testOp, ODD } from '../../test/helpers/test-op.js';

const labels = (n: number, c: number) => ({ shape: [n], kind: 'int' as const, domain: { low: 0, high: c } });
const probs = (n: number, c: number) => ({ shape: [n, c], domain: { low: 0, high: 1 } });

testOp('crossEntropy', {
  inputs: ['input', 'target'],
  fn: ([x, y], a) => crossEntropy(x, y, { reduction: a.reduction }),
  torch: 'F.cross_entropy(input, target, reduction=reduction)',
  tol: { float32: 'reduction' },
  domain: { low: -3, high: 3 },
  cases: [
    { name: 'mean', inputs: [[4, 3], labels(4, 3)], args: { reduction: 'mean' } },
    { name: 'sum', inputs: [[4, 3], labels(4, 3)], args: { reduction: 'sum' } },
    { name: 'none', inputs: [[4, 3], labels(4, 3)], args: { reduction: 'none' } },
    { name: 'size-1 batch', inputs: [[1, 5], labels(1, 5)], args: { reduction: 'mean' } },
    { name: 'zero-size batch, none', inputs: [[0, 3], labels(0, 3)], args: { reduction: 'none' } },
    { name: 'odd size', inputs: [ODD, labels(ODD[0], ODD[1])], args: { reduction: 'mean' } },
    { name: 'large logits', inputs: [[3, 4], labels(3, 4)], args: { reduction: 'mean' }, domain: { low: -60, high: 60 } },
    { name: 'probability targets, mean', inputs: [[4, 3], probs(4, 3)], args: { reduction: 'mean' } },
    { name: 'probability targets, sum', inputs: [[4, 3], probs(4, 3)], args: { reduction: 'sum' } },
    { name: 'probability targets, none', inputs: [[4, 3], probs(4, 3)], args: { reduction: 'none' } },
  ],
  errors: [
    {
      name: 'a class index out of range',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 3], { dtype: 'int32' })),
      throws: ArgumentError,
      message: 'crossEntropy: target values must lie in [0, 2] (target[1] = 3)',
    },
    {
      name: 'float class indices',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1])),
      throws: DTypeError,
      message: 'crossEntropy: class-index targets must be int32; got target float32\n' +
        'hint: for probability targets pass a float tensor of the input\'s shape',
    },
    {
      name: '1-d logits',
      run: () => crossEntropy(zeros([3]), tensor([0], { dtype: 'int32' })),
      throws: ShapeError,
      message: 'crossEntropy: input must be [N, C] logits; got input [3]',
    },
    {
      name: 'batch sizes differ',
      run: () => crossEntropy(zeros([2, 3]), tensor([0, 1, 2], { dtype: 'int32' })),
      throws: ShapeError,
      message: 'crossEntropy: target must be [N] with N the batch size of input; got input [2, 3] and target [3]',
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
