// mseLoss / MSELoss vs torch.nn.functional.mse_loss (mean, sum, none), with random upstream
// gradients, gradients for input and target, and the error inputs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mseLoss, MSELoss, tensor, zeros, ShapeError, type DType } from '../index.js';
import { assertClose, loadFixture, toTensor, tolFor, type Enc } from '../../test/helpers/reference.js';

interface MseCase {
  name: string;
  loss: string;
  reduction: 'mean' | 'sum' | 'none';
  dtype: DType;
  input: Enc;
  target: Enc;
  out: Enc;
  dy: Enc;
  dinput: Enc;
  dtarget: Enc;
}

const cases = loadFixture<{ cases: MseCase[] }>('nn', 'losses').cases.filter((c) => c.loss === 'mse');
assert.ok(cases.length > 0);

for (const c of cases) {
  test(`${c.name} vs torch`, () => {
    const x = toTensor(c.input, c.dtype, { requiresGrad: true });
    const y = toTensor(c.target, c.dtype, { requiresGrad: true });
    const out = new MSELoss({ reduction: c.reduction }).forward(x, y);
    const tol = tolFor(c.dtype, c.reduction !== 'none');
    assertClose(out, c.out, tol, 'loss');
    out.backward(toTensor(c.dy, c.dtype));
    assertClose(x.grad!, c.dinput, tol, 'dinput');
    assertClose(y.grad!, c.dtarget, tol, 'dtarget');
  });
}

test('mseLoss defaults to the mean; the notes\' sum of squares is reduction sum', () => {
  const x = tensor([1, 2, 3], { dtype: 'float64' });
  const y = tensor([0, 0, 1], { dtype: 'float64' });
  assert.equal(mseLoss(x, y).item(), 3); // (1 + 4 + 4) / 3
  assert.equal(mseLoss(x, y, { reduction: 'sum' }).item(), 9);
});

test('mseLoss error inputs', () => {
  assert.throws(() => mseLoss(zeros([4, 5]), zeros([4, 1])), (e: unknown) => {
    assert.ok(e instanceof ShapeError);
    assert.equal(e.message, 'mseLoss: input and target must have the same shape; got input [4, 5] and target [4, 1]');
    return true;
  });
  assert.throws(() => mseLoss(zeros([2]), zeros([2]), { reduction: 'avg' as 'mean' }), {
    name: 'ArgumentError',
    message: "mseLoss: reduction must be 'mean', 'sum' or 'none'; got 'avg' (string)",
  });
});
