// testModule must be able to fail (STYLE §3.7 rule 1): against the committed Linear fixture, a
// wrong forward, a missing gradient, a skipped update and a stale case are all caught. Its buffer
// handling (running statistics, an int num_batches_tracked compared by value) is exercised by the
// BatchNorm1d table in src/nn/batch-norm.test.ts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fromArray, linear, Linear, mul, type Tensor } from '../../src/index.js';
import type { FloatDType } from '../../src/core/dtype.js';
import { moduleGradcheck, replayModuleCase, serializeModuleCase, type ModuleCase, type ModuleTestSpec } from './test-module.js';
import { loadModuleCase } from './module-fixture.js';

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
