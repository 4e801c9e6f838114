// Module state beyond parameters (nn/buffer.ts, nn/module.ts): buffers found from fields by the
// same rule as parameters, under PyTorch's snake_case keys; saved and restored (int32 too) by
// stateDict/loadStateDict; kept alive across trainStep's allocation scope and updated in place on
// both backends; non-persistent buffers left out of stateDict; requiresGrad_(false) freezes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Module, Linear, Sequential, Buffer, Parameter, SGD, Adam, Rng, zeros, ones, tensor, noGrad, trainStep, mseLoss,
  CheckpointError, DTypeError, getBackend, setBackend, setDefaultDtype, getDefaultDtype, type Tensor,
} from '../index.js';
import { loadWasm } from '../backend/wasm/index.js';

await loadWasm({ threads: 2 });

/** Keeps a running mean of its inputs' column means and counts its training calls, in buffers. */
class RunningMean extends Module {
  readonly fc: Linear;
  readonly runningMean: Buffer;
  readonly numBatchesTracked: Buffer;
  readonly scratch: Buffer;
  constructor(backend: string) {
    super();
    this.fc = new Linear(3, 3, { rng: new Rng(1) });
    this.runningMean = new Buffer(zeros([3], { backend }));
    this.numBatchesTracked = new Buffer(zeros([], { dtype: 'int32', backend }));
    this.scratch = new Buffer(zeros([3], { backend }), { persistent: false });
  }
  forward(x: Tensor): Tensor {
    if (this.training) {
      noGrad(() => {
        this.runningMean.mul_(0.9).add_(x.mean(0), { alpha: 0.1 });
        this.numBatchesTracked.add_(1);
      });
    }
    return this.fc.forward(x);
  }
}

describe('buffers', () => {
  it('are found from fields, under snake_case keys, in stateDict after the parameters; non-persistent ones only in namedBuffers', () => {
    const m = new Sequential(new RunningMean('js'));
    assert.deepEqual(m.namedBuffers().map(([k]) => k), ['0.running_mean', '0.num_batches_tracked', '0.scratch']);
    assert.deepEqual([...m.stateDict().keys()], ['0.fc.weight', '0.fc.bias', '0.running_mean', '0.num_batches_tracked']);
    assert.equal(m.stateDict().get('0.num_batches_tracked')!.dtype, 'int32');
    assert.equal(m.buffers().length, 3);
    assert.ok(m.buffers().every((b) => b.longLived && !b.requiresGrad));
  });
  for (const backend of ['js', 'wasm']) {
    it(`survive 20 trainSteps on ${backend} and hold the exact running mean`, () => {
      setBackendFor(backend, () => {
        const m = new RunningMean(backend);
        const opt = new SGD(m.parameters(), { lr: 0.01 });
        let want = [0, 0, 0];
        for (let s = 0; s < 20; s++) {
          const x = tensor([[s, 1, -s], [s + 2, 3, 0]], { backend });
          const colMean = [s + 1, 2, -s / 2];
          want = want.map((w, i) => Math.fround(Math.fround(w * 0.9) + Math.fround(colMean[i] * 0.1)));
          trainStep(m, mseLoss, opt, x, zeros([2, 3], { backend }));
        }
        assert.equal(m.runningMean.storage.freed, false);
        const got = m.runningMean.tolist() as number[];
        got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= 1e-5 * Math.max(1, Math.abs(want[i])), `${g} vs ${want[i]}`));
        assert.equal(m.numBatchesTracked.item(), 20);
        m.eval().forward(tensor([[100, 100, 100]], { backend }));
        assert.equal(m.numBatchesTracked.item(), 20, 'eval leaves the buffers alone');
      });
    });
  }
  it('loadStateDict restores buffers in place (same memory), int32 included; a bad entry changes nothing', () => {
    const a = new RunningMean('js');
    noGrad(() => {
      a.runningMean.copy_(tensor([1, 2, 3]));
      a.numBatchesTracked.fill_(7);
    });
    const b = new RunningMean('js');
    const storage = b.runningMean.storage;
    b.loadStateDict(a.stateDict());
    assert.equal(b.runningMean.storage, storage);
    assert.deepEqual(b.runningMean.tolist(), [1, 2, 3]);
    assert.equal(b.numBatchesTracked.item(), 7);
    const bad = new Map(a.stateDict());
    bad.set('running_mean', { shape: [3], dtype: 'float32', data: Float32Array.of(9, 9, 9) });
    bad.set('num_batches_tracked', { shape: [2], dtype: 'int32', data: Int32Array.of(1, 2) });
    assert.throws(() => b.loadStateDict(bad), CheckpointError);
    assert.deepEqual(b.runningMean.tolist(), [1, 2, 3]);
  });
});

describe('frozen parameters and dtype', () => {
  it('requiresGrad_(false) freezes a module: no gradient, Adam leaves it, the rest trains', () => {
    const m = new Sequential(new Linear(2, 2, { rng: new Rng(0) }), new Linear(2, 1, { rng: new Rng(1) }));
    m.requiresGrad_(false);
    (m.namedChildren()[1][1] as Linear).requiresGrad_(true);
    const frozen = (m.namedChildren()[0][1] as Linear).weight;
    const before = frozen.tolist();
    const opt = new Adam(m.parameters(), { lr: 0.1 });
    for (let i = 0; i < 3; i++) trainStep(m, mseLoss, opt, ones([4, 2]), zeros([4, 1]));
    assert.deepEqual(frozen.tolist(), before);
    assert.equal(frozen.grad, null);
    assert.notDeepEqual((m.namedChildren()[1][1] as Linear).weight.tolist(), [[0, 0]]);
  });
  it('a layer made without a dtype follows setDefaultDtype; a float64 input to a float32 layer names both', () => {
    assert.equal(getDefaultDtype(), 'float32');
    setDefaultDtype('float64');
    try {
      assert.equal(new Linear(2, 2).weight.dtype, 'float64');
      assert.equal(zeros([1]).dtype, 'float64');
      assert.equal(new Parameter(zeros([2])).dtype, 'float64');
    } finally {
      setDefaultDtype('float32');
    }
    const lin = new Linear(2, 2);
    assert.throws(() => lin.forward(zeros([1, 2], { dtype: 'float64' })), (e: Error) =>
      e instanceof DTypeError && e.message === "Linear.forward: input must have the layer's dtype float32; got input float64 and parameters float32\nhint: convert the input: x.to('float32'), or make the layer with { dtype: 'float64' }");
  });
});

/** Runs fn with `name` as the default backend (the module's parameters are made there). */
function setBackendFor(name: string, fn: () => void): void {
  const prev = getBackend().name;
  setBackend(name);
  try {
    fn();
  } finally {
    setBackend(prev);
  }
}

describe('state keys', () => {
  it('snake_case from camelCase only after a lower-case letter or digit; two fields with one key are refused', () => {
    class Keys extends Module {
      W = new Parameter(zeros([1]));
      fcA = new Parameter(zeros([1]));
      layer2Bias = new Parameter(zeros([1]));
      forward(x: Tensor) { return x; }
    }
    assert.deepEqual([...new Keys().stateDict().keys()], ['W', 'fc_a', 'layer2_bias']);
    class Clash extends Module {
      fcA = new Parameter(zeros([1]));
      fc_a = new Parameter(zeros([1]));
      forward(x: Tensor) { return x; }
    }
    assert.throws(() => new Clash().stateDict(), CheckpointError);
  });
  it('a disposed tensor in the state is refused before anything is copied', () => {
    const m = new Linear(2, 1, { rng: new Rng(0) });
    const before = m.weight.tolist();
    const w = tensor([[5, 6]]);
    const b = tensor([7]);
    b.dispose();
    assert.throws(() => m.loadStateDict(new Map([['weight', w], ['bias', b]])));
    assert.deepEqual(m.weight.tolist(), before);
  });
});

describe('namedModules', () => {
  it('lists the module and everything below once, depth first, with torch paths (a shared child at its first path)', () => {
    const shared = new Linear(2, 2, { rng: new Rng(0) });
    const m = new Sequential(shared, new Sequential(new Linear(2, 2, { rng: new Rng(1) }), shared));
    assert.deepEqual(m.namedModules().map(([p, c]) => `${p}:${c.constructor.name}`), [':Sequential', '0:Linear', '1:Sequential', '1.0:Linear']);
  });
});
