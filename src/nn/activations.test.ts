// ReLU, Sigmoid, Tanh and Softmax modules vs torch.nn (fixture: forward and backward with a
// random upstream gradient), and the shape-only modules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Identity, Module, zeros, tensor, type DType } from '../index.js';
import { assertClose, loadFixture, toTensor, tolFor, type Enc } from '../../test/helpers/reference.js';

interface ActivationCase {
  name: string;
  module: 'ReLU' | 'Sigmoid' | 'Tanh' | 'Softmax';
  dim: number | null;
  dtype: DType;
  x: Enc;
  y: Enc;
  dy: Enc;
  dx: Enc;
}

const make: Record<ActivationCase['module'], (dim: number | null) => Module> = {
  ReLU: () => new ReLU(),
  Sigmoid: () => new Sigmoid(),
  Tanh: () => new Tanh(),
  Softmax: (dim) => new Softmax(dim ?? -1),
};

for (const c of loadFixture<{ cases: ActivationCase[] }>('nn', 'activations').cases) {
  test(`${c.name} vs torch`, () => {
    const x = toTensor(c.x, c.dtype, { requiresGrad: true });
    const y = make[c.module](c.dim).forward(x);
    // softmax sums along a row: a reduction
    const tol = tolFor(c.dtype, c.module === 'Softmax');
    assertClose(y, c.y, tol, 'y');
    y.backward(toTensor(c.dy, c.dtype));
    assertClose(x.grad!, c.dx, tol, 'dx');
  });
}

test('activation modules have no parameters and print like torch', () => {
  for (const m of [new ReLU(), new Sigmoid(), new Tanh(), new Softmax(1)]) assert.equal(m.parameters().length, 0);
  assert.equal(new ReLU().toString(), 'ReLU()');
  assert.equal(new Softmax(1).toString(), 'Softmax(dim=1)');
  assert.equal(new LogSoftmax().toString(), 'LogSoftmax(dim=-1)');
});

test('LogSoftmax is log of Softmax; Flatten keeps the batch dim; Identity returns its input', () => {
  const x = tensor([[1, 2, 3], [0, -1, 5]], { dtype: 'float64' });
  const a = new LogSoftmax().forward(x).toTypedArray();
  const b = new Softmax().forward(x).toTypedArray();
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - Math.log(b[i])) < 1e-12);
  assert.deepEqual(new Flatten().forward(zeros([2, 32, 7, 7])).shape, [2, 1568]);
  assert.deepEqual(new Flatten(0).forward(zeros([2, 3, 4])).shape, [24]);
  const y = zeros([3]);
  assert.equal(new Identity().forward(y), y);
});
