// BatchNorm1d against torch.nn.BatchNorm1d (testModule: outputs, input and parameter gradients
// over 3 training steps, the running statistics and num_batches_tracked after them, the eval
// output), gradcheck in training, and its argument and input errors.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BatchNorm1d, Sequential, Linear, zeros, ones, randn, tensor, Rng, ShapeError, ArgumentError, DTypeError, type Tensor } from '../index.js';
import { testModule } from '../../test/helpers/test-module.js';

const STATE = { running_var: { low: 0.5, high: 2 }, weight: { low: 0.5, high: 1.5 } };

testModule('BatchNorm1d', {
  state: STATE,
  cases: [
    { name: '[6, 3]', module: (dtype) => new BatchNorm1d(3, { dtype }), torch: 'nn.BatchNorm1d(3)', inputs: [[6, 3]], steps: 3 },
    { name: '[N, C, L]', module: (dtype) => new BatchNorm1d(4, { dtype }), torch: 'nn.BatchNorm1d(4)', inputs: [[3, 4, 5]], steps: 3 },
    { name: 'batch of two', module: (dtype) => new BatchNorm1d(5, { dtype }), torch: 'nn.BatchNorm1d(5)', inputs: [[2, 5]], steps: 3 },
    {
      name: 'eps and momentum', module: (dtype) => new BatchNorm1d(3, { eps: 1e-3, momentum: 0.3, dtype }),
      torch: 'nn.BatchNorm1d(3, eps=1e-3, momentum=0.3)', inputs: [[5, 3]], steps: 3,
    },
    {
      name: 'cumulative average (momentum null)', module: (dtype) => new BatchNorm1d(3, { momentum: null, dtype }),
      torch: 'nn.BatchNorm1d(3, momentum=None)', inputs: [[4, 3]], steps: 3,
    },
    {
      name: 'affine false', module: (dtype) => new BatchNorm1d(3, { affine: false, dtype }),
      torch: 'nn.BatchNorm1d(3, affine=False)', inputs: [[5, 3]], steps: 3,
    },
    {
      name: 'no running statistics', module: (dtype) => new BatchNorm1d(3, { trackRunningStats: false, dtype }),
      torch: 'nn.BatchNorm1d(3, track_running_stats=False)', inputs: [[5, 3]], steps: 3,
    },
  ],
  errors: [
    {
      name: 'feature count', run: () => new BatchNorm1d(3).forward(zeros([4, 5])), throws: ShapeError,
      message: 'BatchNorm1d.forward: input must be [N, C] or [N, C, L] with C = numFeatures (3); got input [4, 5]',
    },
    {
      name: 'rank', run: () => new BatchNorm1d(3).forward(zeros([3])), throws: ShapeError,
      message: 'BatchNorm1d.forward: input must be [N, C] or [N, C, L] with C = numFeatures (3); got input [3]',
    },
    {
      name: 'batch of one in training', run: () => new BatchNorm1d(3).forward(zeros([1, 3])), throws: ShapeError,
      message: 'BatchNorm1d.forward: training needs more than one value per channel; got input [1, 3]\nhint: use a batch of 2 or more, or call model.eval()',
    },
    {
      name: 'dtype', run: () => new BatchNorm1d(3).forward(zeros([2, 3], { dtype: 'float64' })), throws: DTypeError,
      message: "BatchNorm1d.forward: input must have the layer's dtype float32; got input float64 and parameters float32\nhint: convert the input: x.to('float32'), or make the layer with { dtype: 'float64' }",
    },
    {
      name: 'momentum', run: () => new BatchNorm1d(3, { momentum: 2 }), throws: ArgumentError,
      message: 'BatchNorm1d: momentum must be a finite number in [0, 1]; got 2 (number)',
    },
  ],
});

it('a batch of one is fine in evaluation; train()/eval() reach a BatchNorm1d inside a Sequential', () => {
  const bn = new BatchNorm1d(3);
  const model = new Sequential(new Linear(2, 3, { rng: new Rng(0) }), bn);
  model.eval();
  assert.equal(bn.training, false);
  assert.deepEqual(model.forward(ones([1, 2])).shape, [1, 3]);
  assert.equal(bn.numBatchesTracked!.item(), 0, 'evaluation does not count batches');
  model.train();
  assert.equal(bn.training, true);
  model.forward(randn([4, 2], { rng: new Rng(1) }));
  assert.equal(bn.numBatchesTracked!.item(), 1);
  assert.deepEqual([...model.stateDict().keys()], ['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked']);
  assert.equal(bn.toString(), 'BatchNorm1d(3, eps=0.00001, momentum=0.1, affine=true, track_running_stats=true)');
});

it('training output has per-channel mean 0 and biased variance 1 (before γ, β)', () => {
  const y = new BatchNorm1d(4, { dtype: 'float64' }).forward(randn([50, 4], { rng: new Rng(2), mean: 3, std: 2, dtype: 'float64' }));
  const m = y.mean(0).tolist() as number[];
  const v = y.var(0, { correction: 0 }).tolist() as number[];
  m.forEach((x) => assert.ok(Math.abs(x) < 1e-12));
  v.forEach((x) => assert.ok(Math.abs(x - 1) < 1e-5 && x < 1, `variance ${x}: σ²/(σ² + ε) with σ² ≈ 4`));
});

it('second derivatives through batch norm (createGraph) equal those of the composite formula', () => {
  const rng = new Rng(4);
  const x0 = randn([5, 3], { rng, dtype: 'float64' }).tolist() as number[][];
  const dy = randn([5, 3], { rng, dtype: 'float64' });
  const gradNorm = (f: (x: Tensor) => Tensor) => {
    const x = tensor(x0, { dtype: 'float64', requiresGrad: true });
    f(x).mul(dy).sum().backward({ createGraph: true });
    const g = x.grad!;
    x.grad = null;
    g.mul(g).sum().backward();
    return x.grad!.tolist() as number[][];
  };
  const bn = new BatchNorm1d(3, { dtype: 'float64', affine: false });
  const composite = (x: Tensor) => {
    const mu = x.mean(0, true), xc = x.sub(mu);
    return xc.div(xc.mul(xc).mean(0, true).add(1e-5).sqrt());
  };
  const a = gradNorm((x) => bn.forward(x)), b = gradNorm(composite);
  a.flat().forEach((v, i) => assert.ok(Math.abs(v - b.flat()[i]) <= 1e-9 * Math.max(1, Math.abs(v)), `${v} vs ${b.flat()[i]}`));
});
