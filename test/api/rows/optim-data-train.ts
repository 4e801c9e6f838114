// Bad arguments of optimizers, data and training (concepts §6, §7): options typed and ranged, and a
// refused step, option or load leaves parameters, counters and positions as they were.
import {
  Optimizer, SGD, Adam, DataLoader, TensorDataset, Standardizer, minMaxScale, trainStep, evaluate, accuracy, mlp,
  Linear, Sequential, crossEntropy, zeros, tensor, weightDecay, ArgumentError, CheckpointError, ShapeError,
} from '../../../src/index.js';
import { r, type Rows } from './types.js';

const param = () => tensor([1, 2], { requiresGrad: true });
const model = () => new Sequential(new Linear(2, 2));
/** An optimizer over one parameter, with the snapshot a refused call must leave unchanged. */
function setup<O extends Optimizer>(make: (p: ReturnType<typeof param>[]) => O) {
  const w = param();
  const opt = make([w]);
  return { w, opt, state: () => [w.tolist(), opt.stepCount, opt.lr, opt.stateDict().steps] };
}
const data = () => new TensorDataset(zeros([5, 2]), tensor([0, 1, 0, 1, 0], { dtype: 'int32' }));

export const rows: Rows = {
  SGD: [
    r(() => new SGD([param()], { lr: '0.1' as never }), ArgumentError, "SGD: lr must be a finite number ≥ 0; got '0.1' (string)"),
    r(() => new SGD([param()], { lr: Infinity }), ArgumentError, "SGD: lr must be a finite number ≥ 0; got Infinity (number)"),
    r(() => new SGD([param()], 0.1 as never), ArgumentError, "SGD: options must be an object; got 0.1 (number)\nhint: write new SGD(params, { lr: 0.1 })"),
    r(() => new SGD([param()], { learning_rate: 0.1 } as never), ArgumentError, "SGD: unknown option 'learning_rate' (options: lr, momentum, dampening, nesterov, weightDecay)"),
    r(() => new SGD([param()], { lr: 0.1, dampening: 2 }), ArgumentError, "SGD: dampening must be a finite number in [0, 1]; got 2 (number)"),
    r(() => new SGD(model().parameters as never, { lr: 0.1 }), ArgumentError, "SGD: params must be an iterable of parameters (tensors that require grad); got function parameters\nhint: call it: model.parameters()"),
    r(() => new SGD(model() as never, { lr: 0.1 }), ArgumentError, "SGD: params must be an iterable of parameters (tensors that require grad); got Sequential object\nhint: pass model.parameters()"),
    r(() => new SGD([param(), [1, 2]] as never, { lr: 0.1 }), ArgumentError, "SGD: params[1] must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  ],
  Adam: [
    r(() => new Adam([param()], { lr: '0.1' as never }), ArgumentError, "Adam: lr must be a finite number ≥ 0; got '0.1' (string)"),
    r(() => new Adam([param()], { lr: Infinity }), ArgumentError, "Adam: lr must be a finite number ≥ 0; got Infinity (number)"),
    r(() => new Adam([param()], { betas: [0.9] as never }), ArgumentError, "Adam: betas must be a pair [beta1, beta2]; got [0.9] (array)"),
    r(() => new Adam([param()], { betas: [0.9, 1] }), ArgumentError, "Adam: betas[1] must be a finite number in [0, 1); got 1 (number)"),
    r(() => new Adam([param()], { weight_decay: 0.1 } as never), ArgumentError, "Adam: unknown option 'weight_decay' (options: lr, betas, eps, weightDecay)\nhint: did you mean weightDecay?"),
    r(() => new Adam(param() as never), ArgumentError, "Adam: params must be an iterable of parameters (tensors that require grad); got Tensor [2] float32\nhint: pass a list: new Adam([w], …)"),
    r(() => new Adam([]), ArgumentError, "Adam: got an empty parameter list"),
  ],
  'SGD.step': (() => {
    const s = setup((p) => new SGD(p, { lr: 0.1 }));
    s.w.grad = zeros([3]);
    return [r(() => s.opt.step(), ArgumentError, "SGD.step: a gradient must match its parameter in shape, dtype and backend; got param [2] and grad [3]", s.state)];
  })(),
  'Adam.step': (() => {
    const a = tensor([1, 2], { requiresGrad: true }), b = tensor([3], { requiresGrad: true });
    const opt = new Adam([a, b]);
    a.grad = tensor([1, 1]);
    b.grad = zeros([2]); // the second parameter's gradient is wrong: the first must not move either
    const state = () => [a.tolist(), b.tolist(), opt.stepCount];
    const closure = setup((p) => new Adam(p));
    return [
      r(() => opt.step(), ArgumentError, "Adam.step: a gradient must match its parameter in shape, dtype and backend; got param [1] and grad [2]", state),
      r(() => (closure.opt.step as (f: unknown) => void)(() => 1), ArgumentError, "Adam.step: takes no arguments (closures are not supported); got function (anonymous)", closure.state),
    ];
  })(),
  'Optimizer.zeroGrad': [r(() => new SGD([param()], { lr: 0.1 }).zeroGrad('all' as never), ArgumentError, "SGD.zeroGrad: options must be an object; got 'all' (string)")],
  'Optimizer.loadStateDict': (() => {
    const s = setup((p) => new Adam(p, { lr: 0.1 }));
    const good = s.opt.stateDict();
    return [
      r(() => s.opt.loadStateDict(undefined as never), ArgumentError, "Adam.loadStateDict: state must be an object from stateDict(); got undefined", s.state),
      r(() => s.opt.loadStateDict({ ...good, steps: 'x' } as never), ArgumentError, "Adam.loadStateDict: state must hold step, steps, state and options as stateDict() returns them; got { step: 0, steps: 'x', state: [{}], options: { lr: 0.1, betas: […], eps: 1e-8, weightDecay: 0 } } (object)", s.state),
      r(() => s.opt.loadStateDict({ ...good, options: { ...good.options, lr: -1 } }), ArgumentError, "Adam: lr must be a finite number ≥ 0; got -1 (number)", s.state),
      r(() => s.opt.loadStateDict({ ...good, state: [] }), CheckpointError, "Adam: optimizer state has a different number of parameters (state 0, optimizer 1)", s.state),
    ];
  })(),
  'Optimizer.lr (setter)': (() => {
    const s = setup((p) => new SGD(p, { lr: 0.1 }));
    return [r(() => { s.opt.lr = NaN; }, ArgumentError, "SGD.lr: lr must be a finite number ≥ 0; got NaN (number)", s.state)];
  })(),
  TensorDataset: [
    r(() => new TensorDataset([zeros([2]), zeros([2])] as never), ArgumentError, "TensorDataset: tensors[0] must be a Tensor; got [Tensor [2] float32, Tensor [2] float32] (array)\nhint: pass the tensors as separate arguments: new TensorDataset(x, y)"),
    r(() => new TensorDataset(zeros([2]), zeros([3])), ShapeError, "TensorDataset: every tensor must have the same first dimension; got tensors[0] [2] and tensors[1] [3]"),
  ],
  'TensorDataset.get': [r(() => data().get(5), ArgumentError, "TensorDataset.get: index must be an integer in [0, 4]; got 5 (number)"), r(() => data().get('0' as never), ArgumentError, "TensorDataset.get: index must be an integer in [0, 4]; got '0' (string)")],
  'TensorDataset.getBatch': [r(() => data().getBatch(0 as never), ArgumentError, "TensorDataset.getBatch: indices must be an Int32Array or an array of integers; got 0 (number)")],
  DataLoader: [
    r(() => new DataLoader(data(), { batch_size: 2 } as never), ArgumentError, "DataLoader: unknown option 'batch_size' (options: batchSize, shuffle, seed, dropLast, transform)\nhint: did you mean batchSize?"),
    r(() => new DataLoader(data(), { batchSize: 0 }), ArgumentError, "DataLoader: batchSize must be a positive integer; got 0 (number)"),
    r(() => new DataLoader(data(), { shuffle: 1 as never }), ArgumentError, "DataLoader: shuffle must be true or false; got 1 (number)"),
    r(() => new DataLoader(data(), { seed: 0.5 }), ArgumentError, "DataLoader: seed must be an integer; got 0.5 (number)"),
    r(() => new DataLoader(zeros([5, 2]) as never), ArgumentError, "DataLoader: dataset must have a length and a get(i) (a TensorDataset, say); got Tensor [5, 2] float32\nhint: wrap tensors in a dataset: new TensorDataset(x, y)"),
  ],
  'DataLoader.loadStateDict': (() => {
    const loader = new DataLoader(data(), { batchSize: 2, shuffle: true, seed: 1 });
    const good = loader.stateDict();
    return [
      r(() => loader.loadStateDict(null as never), ArgumentError, "DataLoader.loadStateDict: state must be an object from stateDict(); got null", () => loader.stateDict()),
      r(() => loader.loadStateDict({ ...good, rng: { s: [1], spare: null } } as never), ArgumentError, "DataLoader.loadStateDict: state must be an object from stateDict(); got { epoch: 0, position: 0, rng: { s: […], spare: null }, datasetLength: 5, … } (object)", () => loader.stateDict()),
      r(() => loader.loadStateDict({ ...good, batchSize: 3 }), CheckpointError, "DataLoader: the saved state is for a different dataset or batching (saved: 5 samples, batchSize 3, shuffle true, dropLast false; this loader: 5 samples, batchSize 2, shuffle true, dropLast false)", () => loader.stateDict()),
    ];
  })(),
  'Standardizer.fit': [r(() => new Standardizer().fit([[1, 2]] as never), ArgumentError, "Standardizer.fit: x must be a Tensor; got [[1, 2]] (array)\nhint: make it a tensor first: tensor([[1, 2]])")],
  'Standardizer.transform': [r(() => new Standardizer().transform(zeros([2, 2])), ArgumentError, "Standardizer: call fit(xTrain) before transforming")],
  'Standardizer.fitTransform': [r(() => new Standardizer().fitTransform(undefined as never), ArgumentError, "Standardizer.fitTransform: x must be a Tensor; got undefined")],
  'Standardizer.inverseTransform': [r(() => new Standardizer().fit(zeros([2, 2])).inverseTransform(zeros([2, 3])), ShapeError, "Standardizer: x must be [N, 2] as fitted; got x [2, 3]")],
  minMaxScale: [
    r(() => minMaxScale(zeros([2, 2]), { min: '0' } as never), ArgumentError, "minMaxScale: min must be a finite number; got '0' (string)"),
    r(() => minMaxScale(zeros([2, 2]), { min: 1, max: 0 }), ArgumentError, "minMaxScale: max must be ≥ min (1); got 0 (number)"),
    r(() => minMaxScale(zeros([2, 2]), { feature_range: [0, 1] } as never), ArgumentError, "minMaxScale: unknown option 'feature_range' (options: min, max)"),
  ],
  trainStep: (() => {
    const m = model();
    const opt = new SGD(m.parameters(), { lr: 0.1 });
    const x = zeros([2, 2]), y = tensor([0, 1], { dtype: 'int32' });
    const state = () => [m.parameters().map((p) => p.tolist()), opt.stepCount];
    return [
      r(() => trainStep(m, crossEntropy, SGD as never, x, y), ArgumentError, "trainStep: optimizer must be an Optimizer (SGD, Adam, …); got class SGD\nhint: construct it: new SGD(model.parameters(), { lr })", state),
      r(() => trainStep(m, crossEntropy, opt, [[1, 0]] as never, y), ArgumentError, "trainStep: x must be a Tensor; got [[1, 0]] (array)\nhint: make it a tensor first: tensor([[1, 0]])", state),
      r(() => trainStep(Linear as never, crossEntropy, opt, x, y), ArgumentError, "trainStep: model must be a Module; got class Linear\nhint: construct it: new Linear(…)", state),
      r(() => trainStep(m, 'crossEntropy' as never, opt, x, y), ArgumentError, "trainStep: lossFn must be a function; got 'crossEntropy' (string)", state),
      r(() => trainStep(m, crossEntropy, opt, x, y, { penalties: [] } as never), ArgumentError, "trainStep: unknown option 'penalties' (options: penalty)", state),
      r(() => trainStep(m, crossEntropy, opt, x, y, { penalty: 0.01 } as never), ArgumentError, "trainStep: penalty must be a Penalty (l1Penalty, l2Penalty, elasticNet, weightDecay); got 0.01 (number)\nhint: make one: { penalty: l2Penalty(model, 0.01) }", state),
      r(() => trainStep(m, crossEntropy, opt, x, y, { penalty: weightDecay } as never), ArgumentError, "trainStep: penalty must be a Penalty (l1Penalty, l2Penalty, elasticNet, weightDecay); got function weightDecay\nhint: call it: { penalty: weightDecay(model, λ) }", state),
      r(() => trainStep(m, crossEntropy, opt, x, y, { penalty: [weightDecay(m, 0.1), 'l2'] } as never), ArgumentError, "trainStep: penalty[1] must be a Penalty (l1Penalty, l2Penalty, elasticNet, weightDecay); got 'l2' (string)", state),
      r(() => trainStep(m, crossEntropy, opt, x, y, 0.01 as never), ArgumentError, "trainStep: options must be an object; got 0.01 (number)", state),
    ];
  })(),
  evaluate: [
    r(() => evaluate(model(), zeros([2, 2]) as never), ArgumentError, "evaluate: batches must be an iterable of [x, y] (a DataLoader, say); got Tensor [2, 2] float32"),
    r(() => evaluate(model(), [[zeros([2, 2])]] as never), ArgumentError, "evaluate: every batch must be [x, y]; got [Tensor [2, 2] float32] (array)"),
  ],
  accuracy: [
    r(() => accuracy(zeros([2, 3]), [0, 1] as never), ArgumentError, "accuracy: labels must be a Tensor; got [0, 1] (array)\nhint: make it a tensor first: tensor([0, 1], { dtype: 'int32' })"),
    r(() => accuracy(zeros([2, 3]), tensor([0, 1, 2], { dtype: 'int32' })), ShapeError, "accuracy: logits must be [N, C] and labels [N]; got logits [2, 3] and labels [3]"),
  ],
  mlp: [
    r(() => mlp([784]), ArgumentError, "mlp: sizes must be an array of at least 2 layer sizes; got [784] (array)\nhint: e.g. mlp([784, 256, 10])"),
    r(() => mlp([784, 0, 10]), ArgumentError, "mlp: sizes[1] must be a positive integer; got 0 (number)"),
    r(() => mlp([4, 2], { init: 'xavier' as never }), ArgumentError, "mlp: init must be 'he' or 'default'; got 'xavier' (string)"),
  ],
};

const internal = 'protected: called by the optimizer itself with checked values';
export const reasons: Record<string, string> = {
  Optimizer: 'abstract base class (SGD and Adam have rows)',
  'Optimizer.stateDict': 'takes no arguments', 'Optimizer.buffer': internal, 'Optimizer.hasBuffer': internal,
  'Optimizer.nextStep': internal, 'Optimizer.gradients': internal, 'Optimizer.gradOf': internal,
  'SGD.options': internal, 'SGD.loadOptions': internal, 'Adam.options': internal, 'Adam.loadOptions': internal,
  'DataLoader.stateDict': 'takes no arguments',
  'DataLoader.orderOfEpoch': 'private', 'DataLoader.nextEpoch': 'private', 'DataLoader.fetch': 'private',
  Standardizer: 'its constructor takes no arguments (fit has rows)',
  'Standardizer.fitted': 'private',
};
