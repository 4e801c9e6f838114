// LeakyReLU, ELU, GELU modules: each equals its op (tested against torch in src/ops) and prints
// like torch.nn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LeakyReLU, ELU, GELU, leakyRelu, elu, gelu, tensor, type Module, type Tensor } from '../index.js';

const x = () => tensor([[-2, -0.5, 0.3], [1.5, -1e-3, 4]], { dtype: 'float64', requiresGrad: true });

function sameAsOp(m: Module & { forward(x: Tensor): Tensor }, op: (x: Tensor) => Tensor) {
  const a = x();
  const b = x();
  const ya = m.forward(a);
  const yb = op(b);
  assert.deepEqual(ya.tolist(), yb.tolist());
  const dy = tensor([[0.3, -1, 2], [0.5, 0.7, -0.2]], { dtype: 'float64' });
  ya.backward(dy);
  yb.backward(dy);
  assert.deepEqual(a.grad!.tolist(), b.grad!.tolist());
  assert.equal(m.parameters().length, 0);
}

test('modules equal their ops with their settings', () => {
  sameAsOp(new LeakyReLU(), (t) => leakyRelu(t, 0.01));
  sameAsOp(new LeakyReLU(0.2), (t) => leakyRelu(t, 0.2));
  sameAsOp(new ELU(), (t) => elu(t, 1));
  sameAsOp(new ELU(0.5), (t) => elu(t, 0.5));
  sameAsOp(new GELU(), (t) => gelu(t));
  sameAsOp(new GELU({ approximate: 'tanh' }), (t) => gelu(t, { approximate: 'tanh' }));
  // the settings change the values (the comparisons above could fail)
  assert.notDeepEqual(new GELU({ approximate: 'tanh' }).forward(x()).tolist(), new GELU().forward(x()).tolist());
  assert.notDeepEqual(new LeakyReLU(0.2).forward(x()).tolist(), new LeakyReLU().forward(x()).tolist());
});

test('print like torch.nn', () => {
  assert.equal(new LeakyReLU().toString(), 'LeakyReLU(negative_slope=0.01)');
  assert.equal(new LeakyReLU(0.2).toString(), 'LeakyReLU(negative_slope=0.2)');
  assert.equal(new ELU().toString(), 'ELU(alpha=1.0)');
  assert.equal(new GELU().toString(), "GELU(approximate='none')");
  assert.equal(new GELU({ approximate: 'tanh' }).toString(), "GELU(approximate='tanh')");
});
