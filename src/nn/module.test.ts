// Module: parameter discovery and PyTorch paths, train/eval, zeroGrad, stateDict/loadStateDict
// round trip and its error messages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Module, Linear, ReLU, Sequential, Parameter, Rng, randn, zeros, CheckpointError, type Tensor } from '../index.js';

class Block extends Module {
  readonly fc1: Linear;
  readonly act = new ReLU();
  readonly fc2: Linear;
  readonly scale = new Parameter(zeros([1]));
  constructor(rng: Rng) {
    super();
    this.fc1 = new Linear(4, 3, { rng });
    this.fc2 = new Linear(3, 2, { rng, bias: false });
  }
  forward(x: Tensor): Tensor {
    return this.fc2.forward(this.act.forward(this.fc1.forward(x))).add(this.scale);
  }
}

class Net extends Module {
  readonly blocks: Block[];
  readonly head: Sequential;
  readonly notAModule = { weight: new Parameter(zeros([1])) }; // plain objects are not traversed
  constructor(seed = 0) {
    super();
    const rng = new Rng(seed);
    this.blocks = [new Block(rng), new Block(rng)];
    this.head = new Sequential(new Linear(2, 2, { rng }), new ReLU());
  }
  forward(x: Tensor): Tensor {
    return this.head.forward(this.blocks[1].forward(this.blocks[0].forward(x).matmul(zeros([2, 4]))));
  }
}

const PATHS = [
  'blocks.0.scale', 'blocks.0.fc1.weight', 'blocks.0.fc1.bias', 'blocks.0.fc2.weight',
  'blocks.1.scale', 'blocks.1.fc1.weight', 'blocks.1.fc1.bias', 'blocks.1.fc2.weight',
  'head.0.weight', 'head.0.bias',
];

test('namedParameters gives PyTorch-style paths through fields, arrays of modules and Sequential', () => {
  const net = new Net();
  assert.deepEqual(net.namedParameters().map(([k]) => k), PATHS);
  assert.equal(net.parameters().length, PATHS.length);
  assert.ok(net.parameters().every((p) => p.requiresGrad));
  assert.deepEqual(net.namedChildren().map(([k]) => k), ['blocks.0', 'blocks.1', 'head']);
});

test('parameters() lists a shared (tied) parameter once, so an optimizer steps it once', () => {
  class Tied extends Module {
    readonly a: Linear;
    readonly b: Linear;
    constructor() {
      super();
      this.a = new Linear(2, 2);
      this.b = this.a;
    }
    forward(x: Tensor): Tensor {
      return this.b.forward(this.a.forward(x));
    }
  }
  const m = new Tied();
  assert.equal(m.parameters().length, 2);
  assert.deepEqual(m.namedParameters().map(([k]) => k), ['a.weight', 'a.bias', 'b.weight', 'b.bias']);
});

test('train() and eval() flip the flag on every submodule and return the module', () => {
  const net = new Net();
  const all = (m: Module): Module[] => [m, ...m.namedChildren().flatMap(([, c]) => all(c))];
  assert.ok(all(net).every((m) => m.training));
  assert.equal(net.eval(), net);
  assert.equal(all(net).length, 12);
  assert.ok(all(net).every((m) => !m.training));
  net.train();
  assert.ok(all(net).every((m) => m.training));
  net.head.eval();
  assert.ok(net.training && !net.head.at(0).training);
});

test('zeroGrad zeroes every gradient in place, keeping the buffers (torch set_to_none=False)', () => {
  const net = new Net();
  net.forward(randn([5, 4], { rng: new Rng(1) })).sum().backward();
  assert.ok(net.blocks[0].fc1.weight.grad !== null && net.head.at(0) instanceof Linear);
  const buffers = net.parameters().map((p) => p.grad);
  assert.ok(buffers.some((g) => g!.toTypedArray().some((v) => v !== 0)));
  net.zeroGrad();
  net.parameters().forEach((p, i) => {
    assert.equal(p.grad, buffers[i], 'same buffer');
    assert.ok(p.grad!.toTypedArray().every((v) => v === 0));
  });
  net.zeroGrad({ setToNone: true });
  assert.ok(net.parameters().every((p) => p.grad === null));
});

test('stateDict/loadStateDict round trip: copies, and a second model then computes the same', () => {
  const a = new Net(1), b = new Net(2);
  const x = randn([3, 4], { rng: new Rng(3) });
  const sd = a.stateDict();
  assert.deepEqual([...sd.keys()], PATHS);
  assert.deepEqual(sd.get('blocks.0.fc1.weight')!.shape, [3, 4]);
  assert.equal(sd.get('blocks.0.fc1.weight')!.dtype, 'float32');
  const before = a.blocks[0].fc1.weight.toTypedArray()[0];
  sd.get('blocks.0.fc1.weight')!.data[0] = 42; // the dict holds copies
  assert.equal(a.blocks[0].fc1.weight.toTypedArray()[0], before);
  sd.get('blocks.0.fc1.weight')!.data[0] = before;
  assert.notDeepEqual(b.forward(x).toTypedArray(), a.forward(x).toTypedArray());
  b.loadStateDict(sd);
  assert.deepEqual(b.forward(x).toTypedArray(), a.forward(x).toTypedArray());
  for (const [k, p] of b.namedParameters()) assert.deepEqual(p.toTypedArray(), sd.get(k)!.data, k);
});

test('loadStateDict error messages; a failed load changes nothing', () => {
  const net = new Net();
  const snapshot = () => net.parameters().map((p) => [...p.toTypedArray()]);
  const original = snapshot();
  const sd = new Net(5).stateDict();
  const missing = new Map(sd);
  missing.delete('head.0.bias');
  missing.set('head.1.bias', sd.get('head.0.bias')!);
  assert.throws(() => net.loadStateDict(missing), (e: unknown) => {
    assert.ok(e instanceof CheckpointError);
    assert.equal(e.message, 'Net: state dict keys do not match the model (missing: [head.0.bias]; unexpected: [head.1.bias])');
    return true;
  });
  const wrongShape = new Map(sd);
  wrongShape.set('blocks.1.fc1.weight', { shape: [4, 3], dtype: 'float32', data: new Float32Array(12) });
  assert.throws(() => net.loadStateDict(wrongShape), {
    name: 'CheckpointError',
    message: 'Net: shape mismatch for blocks.1.fc1.weight; got checkpoint [4, 3] and model [3, 4]',
  });
  const wrongLength = new Map(sd);
  wrongLength.set('head.0.bias', { shape: [2], dtype: 'float32', data: new Float32Array(3) });
  assert.throws(() => net.loadStateDict(wrongLength), {
    name: 'CheckpointError',
    message: 'Net: head.0.bias has 3 values, expected 2 for shape [2]',
  });
  assert.deepEqual(snapshot(), original);
});

test('toString nests children like torch', () => {
  assert.equal(new Net().head.toString(),
    'Sequential(\n  (0): Linear(in_features=2, out_features=2, bias=true)\n  (1): ReLU()\n)');
});
