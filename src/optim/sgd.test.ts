// SGD vs torch.optim.SGD (plain, momentum, dampening, Nesterov, weight decay: 20-step
// trajectories of parameters and momentum buffers), one step by hand from the formula of concepts §6,
// option validation, and bit-exact resume from stateDict.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SGD, tensor, type SGDOptions } from '../index.js';
import { testOptim, testResume } from '../../test/helpers/optim.js';

testOptim('SGD', (params, options) => new SGD(params, options as unknown as SGDOptions));

test('SGD momentum by hand: the notes\' v ← αv − lr·g, θ ← θ + v (concepts §6)', () => {
  const theta = tensor([1, -2], { dtype: 'float64', requiresGrad: true });
  const opt = new SGD([theta], { lr: 0.1, momentum: 0.9 });
  theta.grad = tensor([0.5, 0.25], { dtype: 'float64' });
  opt.step(); // v = −0.1·[0.5, 0.25] = [−0.05, −0.025]; θ = [0.95, −2.025]
  assert.deepEqual([...theta.toTypedArray()], [0.95, -2.025]);
  theta.grad = tensor([-1, 0.5], { dtype: 'float64' });
  opt.step(); // v = 0.9·[−0.05, −0.025] − 0.1·[−1, 0.5] = [0.055, −0.0725]; θ = [1.005, −2.0975]
  const got = theta.toTypedArray();
  [1.005, -2.0975].forEach((e, i) => assert.ok(Math.abs(got[i] - e) < 1e-15, `θ[${i}] = ${got[i]}`));
});

test('SGD with weight decay by hand: g ← g + λθ', () => {
  const theta = tensor([2, -1], { dtype: 'float64', requiresGrad: true });
  const opt = new SGD([theta], { lr: 0.5, weightDecay: 0.25 });
  theta.grad = tensor([1, 1], { dtype: 'float64' });
  opt.step(); // g = [1 + 0.5, 1 − 0.25] = [1.5, 0.75]; θ = [2 − 0.75, −1 − 0.375]
  assert.deepEqual([...theta.toTypedArray()], [1.25, -1.375]);
});

test('SGD option validation names the option, its value and its type', () => {
  const p = () => [tensor([1, 2], { requiresGrad: true })];
  const bad: Array<[SGDOptions, string]> = [
    [{ lr: -0.1 }, 'SGD: lr must be a finite number ≥ 0; got -0.1 (number)'],
    [{ lr: NaN }, 'SGD: lr must be a finite number ≥ 0; got NaN (number)'],
    [{ lr: Infinity }, 'SGD: lr must be a finite number ≥ 0; got Infinity (number)'],
    [{} as SGDOptions, 'SGD: lr must be a finite number ≥ 0; got undefined\n' +
      'hint: SGD has no default learning rate (nor has PyTorch): new SGD(params, { lr: 0.01 })'],
    [{ lr: 0.1, momentum: -0.5 }, 'SGD: momentum must be a finite number ≥ 0; got -0.5 (number)'],
    [{ lr: 0.1, weightDecay: -1 }, 'SGD: weightDecay must be a finite number ≥ 0; got -1 (number)'],
    [{ lr: 0.1, nesterov: true }, 'SGD: Nesterov momentum requires a momentum and zero dampening (momentum = 0, dampening = 0)'],
    [{ lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 },
      'SGD: Nesterov momentum requires a momentum and zero dampening (momentum = 0.9, dampening = 0.1)'],
  ];
  for (const [opts, message] of bad) assert.throws(() => new SGD(p(), opts), { name: 'ArgumentError', message });
  assert.throws(() => new SGD([], { lr: 0.1 }), { name: 'ArgumentError', message: 'SGD: got an empty parameter list' });
});

test('a frozen parameter (requiresGrad false) is accepted and left alone, as torch.optim does', () => {
  const frozen = tensor([1, 2]), live = tensor([3], { requiresGrad: true });
  const opt = new SGD([frozen, live], { lr: 0.5, momentum: 0.9 });
  live.mul(live).sum().backward(); // d(live²) = 6
  opt.step();
  assert.deepEqual([...frozen.toTypedArray()], [1, 2]);
  assert.deepEqual([...live.toTypedArray()], [0]);
  assert.deepEqual(opt.stateDict().steps, [0, 1]);
  frozen.requiresGrad_(); // unfrozen: updated from the next step on
  opt.zeroGrad();
  frozen.sum().backward();
  opt.step();
  assert.deepEqual([...frozen.toTypedArray()], [0.5, 1.5]);
});

test('SGD skips a parameter without a gradient', () => {
  const a = tensor([1], { requiresGrad: true }), b = tensor([1], { requiresGrad: true });
  const opt = new SGD([a, b], { lr: 0.5, momentum: 0.9 });
  a.grad = tensor([1]);
  opt.step();
  assert.deepEqual([...a.toTypedArray()], [0.5]);
  assert.deepEqual([...b.toTypedArray()], [1]);
  assert.deepEqual(opt.stateDict().steps, [1, 0]);
});

testResume('SGD', (params, options) => new SGD(params, options as unknown as SGDOptions));
