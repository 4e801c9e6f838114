// crossEntropy / CrossEntropyLoss vs torch.nn.functional.cross_entropy: class-index and
// probability targets, mean/sum/none, random upstream gradients; error inputs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossEntropy, CrossEntropyLoss, tensor, zeros, ShapeError, DTypeError, ArgumentError, type DType } from '../index.js';
import { assertClose, loadFixture, toTensor, tolFor, type Enc } from '../../test/helpers/reference.js';

interface XentCase {
  name: string;
  loss: string;
  targetKind: 'index' | 'probability';
  reduction: 'mean' | 'sum' | 'none';
  dtype: DType;
  input: Enc;
  target: Enc;
  out: Enc;
  dy: Enc;
  dinput: Enc;
  dtarget?: Enc;
}

const cases = loadFixture<{ cases: XentCase[] }>('nn', 'losses').cases.filter((c) => c.loss === 'crossEntropy');
assert.ok(cases.length > 0);

for (const c of cases) {
  test(`${c.name} vs torch`, () => {
    const x = toTensor(c.input, c.dtype, { requiresGrad: true });
    const prob = c.targetKind === 'probability';
    const y = toTensor(c.target, prob ? c.dtype : 'int32', { requiresGrad: prob });
    const out = new CrossEntropyLoss({ reduction: c.reduction }).forward(x, y);
    const tol = tolFor(c.dtype, true); // log-sum-exp is a reduction
    assertClose(out, c.out, tol, 'loss');
    out.backward(toTensor(c.dy, c.dtype));
    assertClose(x.grad!, c.dinput, tol, 'dinput');
    if (c.dtarget) assertClose(y.grad!, c.dtarget, tol, 'dtarget');
  });
}

test('crossEntropy mean backward is the notes\' (p − y)/N', () => {
  // logits 0 everywhere: p = 1/C, so dx = (1/C − onehot)/N exactly in float64
  const x = zeros([2, 4], { dtype: 'float64', requiresGrad: true });
  const loss = crossEntropy(x, tensor([1, 3], { dtype: 'int32' }));
  assert.ok(Math.abs(loss.item() - Math.log(4)) < 1e-15);
  loss.backward();
  assert.deepEqual([...x.grad!.toTypedArray()], [0.125, -0.375, 0.125, 0.125, 0.125, 0.125, 0.125, -0.375]);
});

test('crossEntropy error inputs', () => {
  const cases: Array<[() => unknown, Function, string]> = [
    [() => crossEntropy(zeros([4]), tensor([0], { dtype: 'int32' })), ShapeError,
      'crossEntropy: input must be [N, C] logits; got input [4]'],
    [() => crossEntropy(zeros([4, 3]), tensor([0, 1, 2], { dtype: 'int32' })), ShapeError,
      'crossEntropy: target must be [N] with N the batch size of input; got input [4, 3] and target [3]'],
    [() => crossEntropy(zeros([2, 3]), tensor([0, 3], { dtype: 'int32' })), ArgumentError,
      'crossEntropy: target values must lie in [0, 2] (target[1] = 3)'],
    [() => crossEntropy(zeros([2, 3]), zeros([2])), DTypeError,
      'crossEntropy: class-index targets must be int32; got target float32\n' +
      'hint: for probability targets pass a float tensor of the input\'s shape'],
    [() => crossEntropy(zeros([2, 3]), zeros([2, 4])), ShapeError,
      'crossEntropy: probability targets must have the input\'s shape; got input [2, 3] and target [2, 4]'],
    [() => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { reduction: 'avg' as 'mean' }), ArgumentError,
      'crossEntropy: reduction must be \'mean\', \'sum\' or \'none\'; got \'avg\' (string)'],
    [() => crossEntropy(zeros([2, 3]), zeros([2, 3]), { reduction: 'avg' as 'mean' }), ArgumentError,
      'crossEntropy: reduction must be \'mean\', \'sum\' or \'none\'; got \'avg\' (string)'],
  ];
  for (const [fn, cls, message] of cases) {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof cls, `${message}: class`);
      assert.equal((e as Error).message, message);
      return true;
    });
  }
});
