// testModule must be able to fail (STYLE §3.7 rule 1): against the committed Linear fixture, a
// wrong forward, a missing gradient, a skipped update and a stale case are all caught. And its
// buffer handling: a small batch norm (torch.nn.BatchNorm1d's train/eval rule, running statistics
// as buffers, an int num_batches_tracked) passes its own table, with int buffers compared by value.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  add, div, fromArray, linear, Linear, mean, Module, mul, noGrad, ones, Parameter, sqrt, sub, variance, zeros, type Tensor,
} from '../../src/index.js';
import type { FloatDType } from '../../src/core/dtype.js';
import { moduleGradcheck, replayModuleCase, serializeModuleCase, testModule, type ModuleCase, type ModuleTestSpec } from './test-module.js';
import { loadModuleCase } from './module-fixture.js';

/**
 * torch.nn.BatchNorm1d(n) on [N, n] inputs: batch statistics and running-statistics updates
 * (momentum 0.1, unbiased variance) in train mode, the running statistics in eval mode.
 */
class TinyBatchNorm extends Module {
  weight: Parameter;
  bias: Parameter;
  runningMean: Tensor;
  runningVar: Tensor;
  numBatchesTracked: Tensor;
  constructor(n: number, dtype: FloatDType) {
    super();
    this.weight = new Parameter(ones([n], { dtype }));
    this.bias = new Parameter(zeros([n], { dtype }));
    this.runningMean = zeros([n], { dtype });
    this.runningVar = ones([n], { dtype });
    this.numBatchesTracked = zeros([], { dtype: 'int32' });
  }
  protected override ownBuffers(): [string, Tensor][] {
    return [['running_mean', this.runningMean], ['running_var', this.runningVar], ['num_batches_tracked', this.numBatchesTracked]];
  }
  forward(x: Tensor): Tensor {
    let mu = this.runningMean, v = this.runningVar;
    if (this.training) {
      mu = mean(x, 0);
      v = variance(x, 0, { correction: 0 });
      const n = x.shape[0];
      noGrad(() => {
        const update = (t: Tensor, batch: Tensor) =>
          t.backend.write(t.storage, add(mul(t, 0.9), mul(batch, 0.1)).toTypedArray());
        update(this.runningMean, mu);
        update(this.runningVar, mul(v, n / (n - 1)));
        this.numBatchesTracked.backend.write(this.numBatchesTracked.storage, [this.numBatchesTracked.item() + 1]);
      });
    }
    return add(mul(div(sub(x, mu), sqrt(add(v, 1e-5))), this.weight), this.bias);
  }
}

testModule('TinyBatchNorm', {
  state: { running_var: { low: 0.5, high: 2 } },
  cases: [
    { name: '[6, 3]', module: (dtype) => new TinyBatchNorm(3, dtype), torch: 'nn.BatchNorm1d(3)', inputs: [[6, 3]], steps: 3 },
  ],
});

const LIN: ModuleTestSpec = {
  cases: [{ name: '2-d', module: (dtype) => new Linear(5, 3, { dtype }), torch: 'nn.Linear(5, 3)', inputs: [[4, 5]] }],
};
const c = serializeModuleCase(LIN, LIN.cases[0]);
const fx = loadModuleCase('Linear', c);
const replay = (make: ModuleCase['module'], dtype: FloatDType = 'float64') => replayModuleCase('Linear', c, fx, make, dtype);

it('passes the real Linear', () => {
  replay(LIN.cases[0].module);
  replay(LIN.cases[0].module, 'float32');
  moduleGradcheck('Linear', c, fx, LIN.cases[0].module);
});

it('fails a wrong forward', () => {
  class Off extends Linear {
    override forward(x: Tensor): Tensor {
      return mul(super.forward(x), 1 + 1e-7);
    }
  }
  assert.throws(() => replay((dtype) => new Off(5, 3, { dtype })), /Linear \/ 2-d \(float64, \w+\) step 1: output: element \d+ is/);
});

it('fails a parameter gradient that is lost', () => {
  class Detached extends Linear {
    override forward(x: Tensor): Tensor {
      const w = fromArray(this.weight.toTypedArray(), this.weight.shape, { dtype: this.weight.dtype });
      return linear(x, w, this.bias);
    }
  }
  assert.throws(() => replay((dtype) => new Detached(5, 3, { dtype })), /step 1: no gradient reached weight/);
});

it('fails a module whose training step differs (later steps see the updated parameters)', () => {
  /** Puts its first weight back before every forward: the update is lost. */
  class Frozen extends Linear {
    first: Float64Array | null = null;
    override forward(x: Tensor): Tensor {
      if (this.first) this.weight.backend.write(this.weight.storage, this.first);
      else this.first = Float64Array.from(this.weight.toTypedArray());
      return super.forward(x);
    }
  }
  assert.throws(() => replay((dtype) => new Frozen(5, 3, { dtype })), /step 2: output: element \d+ is/);
});

it('a changed case is stale, with the command that regenerates it', () => {
  const changed = serializeModuleCase(LIN, { ...LIN.cases[0], steps: 5 });
  assert.throws(() => loadModuleCase('Linear', changed),
    /fixture test\/fixtures\/modules\/Linear.json case "2-d" is stale \(the case changed\): run `npm run fixtures`/);
  assert.throws(() => loadModuleCase('Linear', { ...c, name: 'nope' }), /has no case "nope": run `npm run fixtures`/);
});
