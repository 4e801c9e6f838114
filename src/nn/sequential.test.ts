// Sequential vs torch.nn.Sequential: an MLP 20-16-8-4 (Linear, ReLU, Linear, Sigmoid, Linear) with
// the fixture's weights loaded by state_dict key; outputs and every parameter's gradient.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sequential, Linear, ReLU, Sigmoid, zeros, type DType } from '../index.js';
import { assertClose, loadFixture, toTensor, tolFor, type Enc } from '../../test/helpers/reference.js';

interface SequentialCase {
  name: string;
  dtype: DType;
  stateDict: Record<string, Enc>;
  stateDictKeys: string[];
  x: Enc;
  y: Enc;
  dy: Enc;
  dx: Enc;
  grads: Record<string, Enc>;
}

const mlp = (dtype: DType) => new Sequential(
  new Linear(20, 16, { dtype }), new ReLU(), new Linear(16, 8, { dtype }), new Sigmoid(), new Linear(8, 4, { dtype }),
);

for (const c of loadFixture<{ cases: SequentialCase[] }>('nn', 'sequential').cases) {
  test(`Sequential ${c.name} vs torch: state_dict keys, forward, backward`, () => {
    const model = mlp(c.dtype);
    assert.deepEqual(model.namedParameters().map(([k]) => k), c.stateDictKeys);
    assert.deepEqual([...model.stateDict().keys()], c.stateDictKeys);
    model.loadStateDict(new Map(Object.entries(c.stateDict)));
    const x = toTensor(c.x, c.dtype, { requiresGrad: true });
    const y = model.forward(x);
    const tol = tolFor(c.dtype, true);
    assertClose(y, c.y, tol, 'y');
    y.backward(toTensor(c.dy, c.dtype));
    assertClose(x.grad!, c.dx, tol, 'dx');
    for (const [k, p] of model.namedParameters()) assertClose(p.grad!, c.grads[k], tol, `d${k}`);
  });
}

test('Sequential: length, at (negative index), empty forward is the identity, nested paths', () => {
  const s = mlp('float32');
  assert.equal(s.length, 5);
  assert.ok(s.at(-1) instanceof Linear);
  assert.ok(s.at(1) instanceof ReLU);
  const x = zeros([2, 3]);
  assert.equal(new Sequential().forward(x), x);
  const outer = new Sequential(new Sequential(new Linear(3, 2)), new ReLU(), new Linear(2, 1));
  assert.deepEqual(outer.namedParameters().map(([k]) => k), ['0.0.weight', '0.0.bias', '2.weight', '2.bias']);
  assert.deepEqual(outer.forward(x).shape, [2, 1]);
});

test('Sequential prints its children like torch', () => {
  assert.equal(new Sequential(new Linear(3, 2), new ReLU()).toString(),
    'Sequential(\n  (0): Linear(in_features=3, out_features=2, bias=true)\n  (1): ReLU()\n)');
});
