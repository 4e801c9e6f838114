// Noise injection (nn/noise.ts): Gaussian noise of the asked std over 10⁶ units in training and
// none in evaluation; weight noise perturbs the weights seen by each training forward (std
// measured), leaves the stored weights untouched, and passes the gradient to them unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GaussianNoise, WeightNoise, Linear, Sequential, ones, zeros, tensor, Rng, noGrad, ArgumentError } from '../index.js';
import { stats } from '../../test/helpers/stats.js';

describe('noise injection', () => {
  it('GaussianNoise adds N(0, σ²) in training (10⁶ draws, 5 standard errors) and nothing after eval()', () => {
    const layer = new GaussianNoise(0.3, { rng: new Rng(1) });
    const x = ones([1e6], { dtype: 'float64' });
    const s = stats(layer.forward(x).sub(1));
    assert.ok(Math.abs(s.mean) < 5 * 0.3 / 1e3, `mean ${s.mean}`);
    assert.ok(Math.abs(s.std - 0.3) < 5 * 0.3 / Math.sqrt(2e6), `std ${s.std}`);
    assert.equal(layer.eval().forward(x), x);
    assert.equal(layer.toString(), 'GaussianNoise(std=0.3)');
  });
  it('GaussianNoise passes the gradient through (dx = dy)', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true, dtype: 'float64' });
    new GaussianNoise(1, { rng: new Rng(2) }).forward(x).mul(tensor([4, 5, 6], { dtype: 'float64' })).sum().backward();
    assert.deepEqual(x.grad!.tolist(), [4, 5, 6]);
  });
  it('WeightNoise: each training forward sees W + ε (std measured), W itself is untouched, dW = the clean gradient', () => {
    const lin = new Linear(200, 500, { dtype: 'float64', bias: false, rng: new Rng(3) });
    const W = lin.weight.toTypedArray();
    const wrapped = new WeightNoise(lin, 0.05, { rng: new Rng(4) });
    const eye = tensor(Array.from({ length: 200 }, (_, i) => Array.from({ length: 200 }, (_, j) => (i === j ? 1 : 0))), { dtype: 'float64' });
    const seen = wrapped.forward(eye); // row i = (W + ε)ᵀ row i: the perturbed weights themselves
    const eps = Float64Array.from(seen.t().toTypedArray(), (v, i) => v - W[i]);
    const s = stats(tensor(Array.from(eps), { dtype: 'float64' }));
    assert.ok(Math.abs(s.std - 0.05) < 5 * 0.05 / Math.sqrt(2e5), `noise std ${s.std}`);
    assert.deepEqual(lin.weight.toTypedArray(), W, 'stored weights untouched');
    assert.equal(Object.getPrototypeOf(lin.weight).constructor.name, 'Parameter', 'the field holds the Parameter again');
    const x = ones([3, 200], { dtype: 'float64' });
    lin.zeroGrad();
    wrapped.forward(x).sum().backward();
    const clean = lin.weight.grad!.tolist();
    lin.zeroGrad();
    lin.forward(x).sum().backward();
    assert.deepEqual(clean, lin.weight.grad!.tolist(), 'd(sum)/dW does not depend on W: the same with and without noise');
    wrapped.eval();
    assert.deepEqual(noGrad(() => wrapped.forward(eye)).t().toTypedArray(), W, 'no noise after eval()');
  });
  it('WeightNoise state is the wrapped module\'s, under module.', () => {
    const m = new WeightNoise(new Sequential(new Linear(2, 2)), 0.1);
    assert.deepEqual([...m.stateDict().keys()], ['module.0.weight', 'module.0.bias']);
  });
  it('refuses a negative std, a non-module and unknown options', () => {
    assert.throws(() => new GaussianNoise(-1), (e: Error) => e instanceof ArgumentError && e.message === 'GaussianNoise: std must be a finite number ≥ 0; got -1 (number)');
    assert.throws(() => new WeightNoise(zeros([2]) as never, 0.1), (e: Error) => e instanceof ArgumentError && e.message.startsWith('WeightNoise: module must be a Module'));
    assert.throws(() => new WeightNoise(new Linear(2, 2), 0.1, { seed: 1 } as never), ArgumentError);
  });
});
