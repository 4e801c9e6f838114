// ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten and Identity vs torch.nn (testModule: forward,
// backward with a random upstream gradient, eval forward, gradcheck), then what the fixtures do not
// show (printing, no parameters, identities).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Identity, zeros, tensor } from '../index.js';
import { testModule, type ModuleCase } from '../../test/helpers/test-module.js';

const SHAPES = [[4, 5], [2, 3, 4], [1, 7]] as const;

/** One case per shape: parameterless modules need one step (there is nothing to update). */
function shapeCases(module: ModuleCase['module'], torch: string): ModuleCase[] {
  return SHAPES.map((shape) => ({ name: `[${shape.join(', ')}]`, module, torch, inputs: [shape] }));
}

// element-wise: the float32 `elementwise` row; softmax sums along a dim: the default `reduction` row
testModule('ReLU', {
  cases: shapeCases(() => new ReLU(), 'nn.ReLU()'), steps: 1, tol: { float32: 'elementwise' },
  domain: { low: -2, high: 2, avoid: [0] },
});
testModule('Sigmoid', { cases: shapeCases(() => new Sigmoid(), 'nn.Sigmoid()'), steps: 1, tol: { float32: 'elementwise' } });
testModule('Tanh', { cases: shapeCases(() => new Tanh(), 'nn.Tanh()'), steps: 1, tol: { float32: 'elementwise' } });
testModule('Softmax', {
  steps: 1,
  domain: { low: -4, high: 4 },
  cases: [
    ...shapeCases(() => new Softmax(-1), 'nn.Softmax(dim=-1)').map((c) => ({ ...c, name: `dim -1 ${c.name}` })),
    { name: 'dim 1 [4, 5]', module: () => new Softmax(1), torch: 'nn.Softmax(dim=1)', inputs: [[4, 5]] },
    { name: 'dim 1 [2, 3, 4]', module: () => new Softmax(1), torch: 'nn.Softmax(dim=1)', inputs: [[2, 3, 4]] },
    { name: 'dim 0 [2, 3, 4]', module: () => new Softmax(0), torch: 'nn.Softmax(dim=0)', inputs: [[2, 3, 4]] },
    { name: 'dim 0 [1, 7]', module: () => new Softmax(0), torch: 'nn.Softmax(dim=0)', inputs: [[1, 7]] },
  ],
});
testModule('LogSoftmax', {
  steps: 1,
  domain: { low: -4, high: 4 },
  cases: [
    { name: 'dim -1 [4, 5]', module: () => new LogSoftmax(), torch: 'nn.LogSoftmax(dim=-1)', inputs: [[4, 5]] },
    { name: 'dim 1 [2, 3, 4]', module: () => new LogSoftmax(1), torch: 'nn.LogSoftmax(dim=1)', inputs: [[2, 3, 4]] },
  ],
});
testModule('Flatten', {
  steps: 1,
  tol: { float32: 'elementwise' },
  cases: [
    { name: 'default [2, 3, 2, 2]', module: () => new Flatten(), torch: 'nn.Flatten()', inputs: [[2, 3, 2, 2]] },
    { name: '0..-1 [2, 3, 4]', module: () => new Flatten(0), torch: 'nn.Flatten(0)', inputs: [[2, 3, 4]] },
    { name: '1..2 [2, 3, 4, 2]', module: () => new Flatten(1, 2), torch: 'nn.Flatten(1, 2)', inputs: [[2, 3, 4, 2]] },
  ],
});
testModule('Identity', {
  steps: 1,
  tol: { float32: 'elementwise' },
  cases: [{ name: '[3, 4]', module: () => new Identity(), torch: 'nn.Identity()', inputs: [[3, 4]] }],
});

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
