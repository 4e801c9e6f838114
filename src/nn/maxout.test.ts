// Maxout layer: equals maxout(linear(x, weight, bias), k) (the op is tested against torch in
// src/ops/maxout.test.ts), parameter names and shapes, Linear's initialisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Maxout, Linear, maxout, linear, randn, tensor, zeros, Rng } from '../index.js';

test('Maxout equals the function with its own parameters, gradients included', () => {
  const m = new Maxout(4, 3, 2, { dtype: 'float64', rng: new Rng(1) });
  const x = randn([5, 4], { dtype: 'float64', rng: new Rng(2) });
  const y = m.forward(x);
  assert.deepEqual(y.shape, [5, 3]);
  const w = m.weight.detach().requiresGrad_();
  const b = m.bias!.detach().requiresGrad_();
  const z = maxout(linear(x, w, b), 2);
  assert.deepEqual(y.tolist(), z.tolist());
  const dy = randn([5, 3], { dtype: 'float64', rng: new Rng(3) });
  y.backward(dy);
  z.backward(dy);
  assert.deepEqual(m.weight.grad!.tolist(), w.grad!.tolist());
  assert.deepEqual(m.bias!.grad!.tolist(), b.grad!.tolist());
  // contiguous groups: unit i is the max of linear units 2i, 2i+1
  const lin = linear(x, w, b).tolist() as number[][];
  (y.tolist() as number[][]).forEach((row, n) => row.forEach((v, i) => assert.equal(v, Math.max(lin[n][2 * i], lin[n][2 * i + 1]))));
});

test('parameters: weight [out·k, in], bias [out·k], initialised as Linear(in, out·k)', () => {
  const m = new Maxout(4, 3, 2, { rng: new Rng(7) });
  const l = new Linear(4, 6, { rng: new Rng(7) });
  assert.deepEqual(m.namedParameters().map(([n, p]) => [n, p.shape]), [['weight', [6, 4]], ['bias', [6]]]);
  assert.deepEqual(m.weight.tolist(), l.weight.tolist());
  assert.deepEqual(m.bias!.tolist(), l.bias!.tolist());
  assert.equal(new Maxout(4, 3, 2, { bias: false }).bias, null);
  assert.equal(m.toString(), 'Maxout(in_features=4, out_features=3, k=2, bias=true)');
});

test('errors name the layer', () => {
  assert.throws(() => new Maxout(4, 3, 2).forward(zeros([1, 5])), { message: 'Maxout(4 → 3, k=2): last input dimension must be 4; got x [1, 5]' });
  assert.throws(() => new Maxout(4, 3, 0), { message: 'Maxout: k must be a positive integer; got 0 (number)' });
  assert.deepEqual(new Maxout(4, 3, 2).forward(tensor([1, 2, 3, 4])).shape, [3]); // unbatched, as Linear
});
