// Sequential vs torch.nn.Sequential (testModule): an MLP 20-16-8-4 (Linear, ReLU, Linear, Sigmoid,
// Linear) and a nested one, with the state loaded by state_dict key; training steps, every
// parameter's gradient, gradcheck. Then the container's own behaviour.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sequential, Linear, ReLU, Sigmoid, zeros, type DType } from '../index.js';
import { testModule } from '../../test/helpers/test-module.js';

const mlp = (dtype: DType) => new Sequential(
  new Linear(20, 16, { dtype }), new ReLU(), new Linear(16, 8, { dtype }), new Sigmoid(), new Linear(8, 4, { dtype }),
);

testModule('Sequential', {
  cases: [
    {
      name: 'mlp 20-16-8-4 relu/sigmoid', module: mlp, inputs: [[5, 20]], steps: 3, lr: 0.05,
      torch: 'nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 8), nn.Sigmoid(), nn.Linear(8, 4))',
    },
    {
      name: 'nested', inputs: [[3, 3]],
      module: (dtype) => new Sequential(new Sequential(new Linear(3, 2, { dtype })), new ReLU(), new Linear(2, 1, { dtype })),
      torch: 'nn.Sequential(nn.Sequential(nn.Linear(3, 2)), nn.ReLU(), nn.Linear(2, 1))',
    },
  ],
});

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
