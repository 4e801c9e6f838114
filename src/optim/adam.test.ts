// Adam vs torch.optim.Adam (defaults, weight decay, custom betas: 20-step trajectories of
// parameters, m, v and t), two steps by hand from the Kingma–Ba formula (concepts §6), option validation,
// and bit-exact resume from stateDict.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Adam, tensor, type AdamOptions } from '../index.js';
import { testOptim, testResume } from '../../test/helpers/optim.js';

testOptim('Adam', (params, options) => new Adam(params, options as AdamOptions));
testResume('Adam', (params, options) => new Adam(params, options as AdamOptions));

function near(actual: ArrayLike<number>, expected: number[], label: string) {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) <= 1e-15 + 1e-13 * Math.abs(e), `${label}[${i}] = ${actual[i]}, expected ${e}`));
}

test('Adam by hand: two steps of m, v, m̂, v̂ and θ (concepts §6, Kingma & Ba; β = (0.9, 0.999), ε = 1e-8)', () => {
  const theta = tensor([1, -2], { dtype: 'float64', requiresGrad: true });
  const opt = new Adam([theta], { lr: 0.1 });
  theta.grad = tensor([0.5, -0.25], { dtype: 'float64' });
  opt.step();
  // t = 1: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g², θ ← θ − 0.1·g/(|g| + ε)
  near(opt.stateDict().state[0].m, [0.05, -0.025], 'm₁');
  near(opt.stateDict().state[0].v, [0.00025, 0.0000625], 'v₁');
  const theta1 = [1 - (0.1 * 0.5) / (0.5 + 1e-8), -2 + (0.1 * 0.25) / (0.25 + 1e-8)];
  near(theta.toTypedArray(), theta1, 'θ₁');
  theta.grad = tensor([0.1, 0.3], { dtype: 'float64' });
  opt.step();
  // t = 2: m = 0.9·m₁ + 0.1·g = [0.055, 0.0075]; v = 0.999·v₁ + 0.001·g² = [0.00025975, 0.0001524375]
  // 1 − β₁² = 0.19, 1 − β₂² = 0.001999
  near(opt.stateDict().state[0].m, [0.055, 0.0075], 'm₂');
  near(opt.stateDict().state[0].v, [0.00025975, 0.0001524375], 'v₂');
  const theta2 = [
    theta1[0] - (0.1 * (0.055 / 0.19)) / (Math.sqrt(0.00025975 / 0.001999) + 1e-8),
    theta1[1] - (0.1 * (0.0075 / 0.19)) / (Math.sqrt(0.0001524375 / 0.001999) + 1e-8),
  ];
  near(theta.toTypedArray(), theta2, 'θ₂');
  assert.deepEqual(opt.stateDict().steps, [2]);
});

test('Adam keeps t per parameter: a parameter first updated at step 2 gets a first-step update', () => {
  const a = tensor([0], { dtype: 'float64', requiresGrad: true });
  const b = tensor([0], { dtype: 'float64', requiresGrad: true });
  const opt = new Adam([a, b], { lr: 0.01 });
  a.grad = tensor([1], { dtype: 'float64' });
  opt.step();
  b.grad = tensor([3], { dtype: 'float64' });
  opt.step();
  // b's first step: m̂/√v̂ = g/|g| = 1, so b = −0.01·3/(3 + ε)
  near(b.toTypedArray(), [-(0.01 * 3) / (3 + 1e-8)], 'b');
  assert.deepEqual(opt.stateDict().steps, [2, 1]);
});

test('Adam option validation names the option, its value and its type', () => {
  const p = () => [tensor([1, 2], { requiresGrad: true })];
  const bad: Array<[AdamOptions, string]> = [
    [{ lr: -1 }, 'Adam: lr must be a finite number ≥ 0; got -1 (number)'],
    [{ lr: '0.1' as unknown as number }, "Adam: lr must be a finite number ≥ 0; got '0.1' (string)"],
    [{ lr: Infinity }, 'Adam: lr must be a finite number ≥ 0; got Infinity (number)'],
    [{ eps: -1e-8 }, 'Adam: eps must be a finite number ≥ 0; got -1e-8 (number)'],
    [{ betas: [1, 0.999] }, 'Adam: betas[0] must be a finite number in [0, 1); got 1 (number)'],
    [{ betas: [0.9, -0.1] }, 'Adam: betas[1] must be a finite number in [0, 1); got -0.1 (number)'],
    [{ betas: [NaN, 0.999] }, 'Adam: betas[0] must be a finite number in [0, 1); got NaN (number)'],
    [{ weightDecay: -0.5 }, 'Adam: weightDecay must be a finite number ≥ 0; got -0.5 (number)'],
  ];
  for (const [opts, message] of bad) assert.throws(() => new Adam(p(), opts), { name: 'ArgumentError', message });
  assert.throws(() => new Adam([]), { name: 'ArgumentError', message: 'Adam: got an empty parameter list' });
});

test('Adam loadStateDict rejects a state of another shape and changes nothing', () => {
  const p = tensor([1, 2], { requiresGrad: true });
  const opt = new Adam([p], { lr: 0.1 });
  p.grad = tensor([1, 1]);
  opt.step();
  const before = opt.stateDict();
  const other = new Adam([tensor([1, 2, 3], { requiresGrad: true })]);
  other.params[0].grad = tensor([1, 1, 1]);
  other.step();
  assert.throws(() => opt.loadStateDict(other.stateDict()), {
    name: 'CheckpointError',
    message: "Adam: state 'm' of parameter 0 has 3 values, expected 2",
  });
  assert.throws(() => opt.loadStateDict({ ...before, options: { ...before.options, lr: -1 } }), {
    name: 'ArgumentError',
    message: 'Adam: lr must be a finite number ≥ 0; got -1 (number)',
  });
  assert.deepEqual(opt.stateDict(), before);
});
