// Bad arguments of modules, initializers and losses (concepts §1, §3, §4, §6): forward names the
// module; a refused call leaves the parameters as they were.
import {
  Module, Parameter, Buffer, BatchNorm1d, Dropout, dropout, GaussianNoise, WeightNoise, Linear, Sequential, LeakyReLU, ELU, GELU, Maxout, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Identity, init,
  mseLoss, MSELoss, CrossEntropyLoss, nllLoss, NLLLoss, l1Loss, L1Loss, binaryCrossEntropy, BCELoss,
  binaryCrossEntropyWithLogits, BCEWithLogitsLoss, multiMarginLoss, MultiMarginLoss, multiclassHingeLoss,
  MulticlassHingeLoss, entropy, distributionCrossEntropy, klDivergence, zeros, tensor, Rng, ArgumentError, DTypeError,
  ShapeError, CheckpointError,
} from '../../../src/index.js';
import { r, type Row, type Rows } from './types.js';

const lin = () => new Linear(2, 3, { rng: new Rng(0) });
const values = (m: Module) => m.parameters().map((p) => p.tolist());
type Fwd = (...a: unknown[]) => unknown;
/** m.forward(...args) must be refused with `message`, the parameters untouched. */
const fwd = (message: string, m: Module, ...args: unknown[]): Row =>
  r(() => (m.forward as Fwd)(...args), ArgumentError, message, () => values(m));

export const rows: Rows = {
  BatchNorm1d: [
    r(() => new BatchNorm1d(0), ArgumentError, "BatchNorm1d: numFeatures must be a positive integer; got 0 (number)"),
    r(() => new BatchNorm1d(3, { momentum: 2 }), ArgumentError, "BatchNorm1d: momentum must be a finite number in [0, 1]; got 2 (number)"),
    r(() => new BatchNorm1d(3, { eps: -1 }), ArgumentError, "BatchNorm1d: eps must be a finite number ≥ 0; got -1 (number)"),
    r(() => new BatchNorm1d(3, { affine: 'yes' } as never), ArgumentError, "BatchNorm1d: affine must be true or false; got 'yes' (string)"),
    r(() => new BatchNorm1d(3, { dtype: 'int32' }), ArgumentError, "BatchNorm1d: dtype must be 'float32' or 'float64'; got 'int32' (string)"),
    r(() => new BatchNorm1d(3, { track_running_stats: false } as never), ArgumentError, "BatchNorm1d: unknown option 'track_running_stats' (options: eps, momentum, affine, trackRunningStats, dtype)\nhint: did you mean trackRunningStats?"),
  ],
  'BatchNormBase.forward': (() => {
    const bn = new BatchNorm1d(3);
    const state = () => [bn.runningMean!.tolist(), bn.numBatchesTracked!.tolist()];
    return [
      r(() => bn.forward(zeros([4, 5])), ShapeError, "BatchNorm1d.forward: input must be [N, C] or [N, C, L] with C = numFeatures (3); got input [4, 5]", state),
      r(() => bn.forward(zeros([1, 3])), ShapeError, "BatchNorm1d.forward: training needs more than one value per channel; got input [1, 3]\nhint: use a batch of 2 or more, or call model.eval()", state),
      r(() => bn.forward([[1, 2, 3]] as never), ArgumentError, "BatchNorm1d.forward: input must be a Tensor; got [[1, 2, 3]] (array)\nhint: make it a tensor first: tensor([[1, 2, 3]])", state),
      r(() => bn.forward(zeros([2, 3], { dtype: 'float64' })), DTypeError, "BatchNorm1d.forward: input must have the layer's dtype float32; got input float64 and parameters float32\nhint: convert the input: x.to('float32'), or make the layer with { dtype: 'float64' }", state),
    ];
  })(),
  Dropout: [r(() => new Dropout(1.5), ArgumentError, "Dropout: p must be a finite number in [0, 1]; got 1.5 (number)"), r(() => new Dropout(0.5, { rng: 1 } as never), ArgumentError, "Dropout: rng must be an Rng; got 1 (number)")],
  'Dropout.forward': [r(() => new Dropout().forward([1, 2] as never), ArgumentError, "Dropout.forward: input must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])")],
  dropout: [
    r(() => dropout(zeros([2]), -0.5), ArgumentError, "dropout: p must be a finite number in [0, 1]; got -0.5 (number)"),
    r(() => dropout(zeros([2]), 0.5, 'yes' as never), ArgumentError, "dropout: training must be true or false; got 'yes' (string)"),
    r(() => dropout(zeros([2], { dtype: 'int32' }), 0.5), DTypeError, "dropout: x must be a floating-point tensor; got x int32"),
    r(() => dropout([1, 2] as never), ArgumentError, "dropout: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  ],
  GaussianNoise: [r(() => new GaussianNoise(-1), ArgumentError, "GaussianNoise: std must be a finite number ≥ 0; got -1 (number)")],
  'GaussianNoise.forward': [r(() => new GaussianNoise(1).forward(null as never), ArgumentError, "GaussianNoise.forward: input must be a Tensor; got null")],
  WeightNoise: [r(() => new WeightNoise(Linear as never, 0.1), ArgumentError, "WeightNoise: module must be a Module; got class Linear\nhint: construct it: new Linear(…)"), r(() => new WeightNoise(lin(), Number.NaN), ArgumentError, "WeightNoise: std must be a finite number ≥ 0; got NaN (number)")],
  'WeightNoise.forward': [r(() => new WeightNoise(lin(), 0.1).forward(zeros([1, 5])), ShapeError, "Linear(2 → 3): last input dimension must be 2; got x [1, 5]")],
  Buffer: [r(() => new Buffer([1, 2] as never), ArgumentError, "Buffer: data must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => new Buffer(zeros([2]), { persistent: 1 } as never), ArgumentError, "Buffer: persistent must be true or false; got 1 (number)")],
  'Module.requiresGrad_': [r(() => lin().requiresGrad_('no' as never), ArgumentError, "Linear.requiresGrad_: on must be true or false; got 'no' (string)")],
  'Module.namedParameters': [r(() => lin().namedParameters(1 as never), ArgumentError, "Linear.namedParameters: prefix must be a string; got 1 (number)")],
  'Module.namedModules': [r(() => lin().namedModules(2 as never), ArgumentError, "Linear.namedModules: prefix must be a string; got 2 (number)")],
  'Module.namedBuffers': [r(() => lin().namedBuffers(null as never), ArgumentError, "Linear.namedBuffers: prefix must be a string; got null")],
  'Module.train': [r(() => lin().train('eval' as never), ArgumentError, "Linear.train: on must be true or false; got 'eval' (string)\nhint: write model.eval()")],
  'Module.zeroGrad': [r(() => lin().zeroGrad(true as never), ArgumentError, "Linear.zeroGrad: options must be an object; got true (boolean)\nhint: write zeroGrad({ setToNone: true })"), r(() => lin().zeroGrad({ set_to_none: true } as never), ArgumentError, "Linear.zeroGrad: unknown option 'set_to_none' (options: setToNone)\nhint: did you mean setToNone?")],
  'Module.loadStateDict': (() => {
    const m = lin();
    const obj = Object.fromEntries(m.stateDict());
    return [
      r(() => m.loadStateDict(obj as never), ArgumentError, "Linear.loadStateDict: state must be a Map from stateDict(); got { weight: { shape: […], dtype: 'float32', data: Float32Array(6) }, bias: { shape: […], dtype: 'float32', data: Float32Array(3) } } (object)\nhint: a plain object converts with new Map(Object.entries(obj))", () => values(m)),
      r(() => m.loadStateDict(new Map([['weight', [1, 2]]]) as never), ArgumentError, "Linear.loadStateDict: state 'weight' must be a Tensor or { shape, data }; got [1, 2] (array)", () => values(m)),
      r(() => m.loadStateDict(new Map([['weight', zeros([3, 2])]])), CheckpointError, "Linear: state dict keys do not match the model (missing: [bias]; unexpected: [])", () => values(m)),
    ];
  })(),
  Parameter: [r(() => new Parameter([1, 2] as never), ArgumentError, "Parameter: data must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => new Parameter(zeros([2]), 1 as never), ArgumentError, "Parameter: requiresGrad must be true or false; got 1 (number)"), r(() => new Parameter(zeros([2], { dtype: 'int32' })), DTypeError, 'Parameter: only floating-point tensors can require grad; got dtype int32')],
  Linear: [
    r(() => new Linear(0, 3), ArgumentError, "Linear: inFeatures must be a positive integer; got 0 (number)"),
    r(() => new Linear(2.5, 3), ArgumentError, "Linear: inFeatures must be a positive integer; got 2.5 (number)"),
    r(() => new Linear(2, 3, { bias: 'no' as never }), ArgumentError, "Linear: bias must be true or false; got 'no' (string)"),
    r(() => new Linear(2, 3, { dtype: 'int32' }), DTypeError, "Linear: parameters must be floating-point; got dtype int32"),
    r(() => new Linear(2, 3, { init: 'he' } as never), ArgumentError, "Linear: unknown option 'init' (options: bias, dtype, rng)"),
  ],
  'Linear.forward': [fwd("Linear.forward: input must be a Tensor; got [[1, 2]] (array)\nhint: make it a tensor first: tensor([[1, 2]])", lin(), [[1, 2]]), fwd("Linear.forward: input must be a Tensor; got undefined", lin()), r(() => lin().forward(zeros([1, 3])), ShapeError, "Linear(2 → 3): last input dimension must be 2; got x [1, 3]")],
  Sequential: [
    r(() => new Sequential(lin(), ReLU as never), ArgumentError, "Sequential: modules[1] must be a Module; got class ReLU\nhint: construct it: new ReLU(…)"),
    r(() => new Sequential([lin()] as never), ArgumentError, "Sequential: modules[0] must be a Module; got [Linear object] (array)\nhint: pass the modules as separate arguments: new Sequential(a, b, …)"),
  ],
  'Sequential.forward': [fwd("Sequential.forward: input must be a Tensor; got 'x' (string)", new Sequential(lin(), new ReLU()), 'x')],
  'Sequential.at': [r(() => new Sequential(lin()).at(1), ArgumentError, "Sequential.at: i must lie in [-1, 0]; got 1 (number)")],
  'ReLU.forward': [fwd("ReLU.forward: input must be a Tensor; got [1, -1] (array)\nhint: make it a tensor first: tensor([1, -1])", new ReLU(), [1, -1])],
  'Sigmoid.forward': [fwd("Sigmoid.forward: input must be a Tensor; got 0 (number)\nhint: make it a tensor first: tensor(0)", new Sigmoid(), 0)],
  'Tanh.forward': [fwd("Tanh.forward: input must be a Tensor; got null", new Tanh(), null)],
  Softmax: [r(() => new Softmax('last' as never), ArgumentError, "Softmax: dim must be an integer; got 'last' (string)")],
  'Softmax.forward': [fwd("Softmax.forward: input must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", new Softmax(), [1, 2])],
  LogSoftmax: [r(() => new LogSoftmax(0.5), ArgumentError, "LogSoftmax: dim must be an integer; got 0.5 (number)")],
  'LogSoftmax.forward': [fwd("LogSoftmax.forward: input must be a Tensor; got undefined", new LogSoftmax())],
  LeakyReLU: [r(() => new LeakyReLU('0.2' as never), ArgumentError, "LeakyReLU: negativeSlope must be a finite number; got '0.2' (string)")],
  'LeakyReLU.forward': [fwd("LeakyReLU.forward: input must be a Tensor; got [1, -1] (array)\nhint: make it a tensor first: tensor([1, -1])", new LeakyReLU(), [1, -1])],
  ELU: [r(() => new ELU(NaN), ArgumentError, "ELU: alpha must be a finite number; got NaN (number)")],
  'ELU.forward': [fwd("ELU.forward: input must be a Tensor; got null", new ELU(), null)],
  GELU: [r(() => new GELU({ approximate: 'erf' as never }), ArgumentError, "GELU: approximate must be 'none' or 'tanh'; got 'erf' (string)"), r(() => new GELU('tanh' as never), ArgumentError, "GELU: options must be an object; got 'tanh' (string)")],
  'GELU.forward': [fwd("GELU.forward: input must be a Tensor; got 1 (number)\nhint: make it a tensor first: tensor(1)", new GELU(), 1)],
  Maxout: [
    r(() => new Maxout(4, 3, 0), ArgumentError, "Maxout: k must be a positive integer; got 0 (number)"),
    r(() => new Maxout(4, 0, 2), ArgumentError, "Maxout: outFeatures must be a positive integer; got 0 (number)"),
    r(() => new Maxout(4, 3, 2, { dtype: 'int32' }), DTypeError, "Maxout: parameters must be floating-point; got dtype int32"),
    r(() => new Maxout(4, 3, 2, { pieces: 2 } as never), ArgumentError, "Maxout: unknown option 'pieces' (options: bias, dtype, rng)"),
  ],
  'Maxout.forward': (() => {
    const m = new Maxout(2, 3, 2, { rng: new Rng(0) });
    return [fwd("Maxout.forward: input must be a Tensor; got [[1, 2]] (array)\nhint: make it a tensor first: tensor([[1, 2]])", m, [[1, 2]]), r(() => m.forward(zeros([1, 3])), ShapeError, "Maxout(2 → 3, k=2): last input dimension must be 2; got x [1, 3]", () => values(m))];
  })(),
  Flatten: [r(() => new Flatten('1' as never), ArgumentError, "Flatten: startDim must be an integer; got '1' (string)")],
  'Flatten.forward': [fwd("Flatten.forward: input must be a Tensor; got [[1, 2]] (array)\nhint: make it a tensor first: tensor([[1, 2]])", new Flatten(), [[1, 2]])],
  'Identity.forward': [fwd("Identity.forward: input must be a Tensor; got [1] (array)\nhint: make it a tensor first: tensor([1])", new Identity(), [1])],
  'init.fans': [r(() => init.fans(zeros([2, 2]) as never, zeros([2, 2])), ArgumentError, "fans: op (the name errors use) must be a string; got Tensor [2, 2] float32\nhint: e.g. init.fans('myInit', w)"), r(() => init.fans('f', zeros([3])), ArgumentError, "f: fan in and fan out need a tensor with at least 2 dims; got tensor [3]")],
  'init.calculateGain': [r(() => init.calculateGain('gelu' as never), ArgumentError, "calculateGain: nonlinearity must be 'linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'sigmoid', 'tanh', 'relu', 'leaky_relu' or 'selu'; got 'gelu' (string)")],
  'init.constant_': [r(() => init.constant_([1, 2] as never, 0), ArgumentError, "constant_: t must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => init.constant_(zeros([2]), '1' as never), ArgumentError, "constant_: value must be a number; got '1' (string)")],
  'init.zeros_': [r(() => init.zeros_(undefined as never), ArgumentError, "zeros_: t must be a Tensor; got undefined")],
  'init.ones_': [r(() => init.ones_({ shape: [2] } as never), ArgumentError, "ones_: t must be a Tensor; got { shape: [2] } (object)")],
  'init.uniform_': (() => {
    const w = zeros([2, 2]);
    return [r(() => init.uniform_(w, 1, 0), ArgumentError, "uniform_: high must be a finite number ≥ low (1); got 0 (number)", () => w.tolist())];
  })(),
  'init.normal_': [r(() => init.normal_(zeros([2], { dtype: 'int32' })), DTypeError, "normal_: t must be a floating-point tensor; got t int32"), r(() => init.normal_(zeros([2]), 0, -1), ArgumentError, "normal_: std must be a finite number ≥ 0; got -1 (number)")],
  'init.lecunNormal_': [r(() => init.lecunNormal_(zeros([2]), { seed: 1 } as never), ArgumentError, "lecunNormal_: unknown option 'seed' (options: rng)")],
  'init.xavierUniform_': [r(() => init.xavierUniform_(zeros([2, 2]), { gain: 'relu' } as never), ArgumentError, "xavierUniform_: gain must be a finite number ≥ 0; got 'relu' (string)")],
  'init.xavierNormal_': [r(() => init.xavierNormal_(zeros([4])), ArgumentError, "xavierNormal_: fan in and fan out need a tensor with at least 2 dims; got tensor [4]")],
  'init.kaimingNormal_': [r(() => init.kaimingNormal_(zeros([2, 2]), { mode: 'fan_in' } as never), ArgumentError, "kaimingNormal_: mode must be 'fanIn' or 'fanOut'; got 'fan_in' (string)\nhint: write 'fanIn'")],
  'init.kaimingUniform_': [r(() => init.kaimingUniform_(zeros([2, 2]), { nonlinearity: 'gelu' } as never), ArgumentError, "kaimingUniform_: nonlinearity must be 'linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'sigmoid', 'tanh', 'relu', 'leaky_relu' or 'selu'; got 'gelu' (string)")],
  'init.heNormal_': [r(() => init.heNormal_(zeros([2, 2]), { rng: 1 } as never), ArgumentError, "heNormal_: rng must be an Rng; got 1 (number)")],
  'init.lecunUniform_': [r(() => init.lecunUniform_(zeros([3])), ArgumentError, "lecunUniform_: fan in and fan out need a tensor with at least 2 dims; got tensor [3]"), r(() => init.lecunUniform_(zeros([2, 2], { dtype: 'int32' })), DTypeError, "lecunUniform_: t must be a floating-point tensor; got t int32")],
  'init.orthogonal_': (() => {
    const w = zeros([2, 3]);
    return [
      r(() => init.orthogonal_(zeros([4])), ArgumentError, "orthogonal_: t must have at least 2 dims (rows, then columns flattened); got t [4]"),
      r(() => init.orthogonal_(w, { gain: NaN }), ArgumentError, "orthogonal_: gain must be a finite number ≥ 0; got NaN (number)", () => w.tolist()),
      r(() => init.orthogonal_(w, { rng: 3 } as never), ArgumentError, "orthogonal_: rng must be an Rng; got 3 (number)", () => w.tolist()),
    ];
  })(),
  'init.orthogonalFrom': [r(() => init.orthogonalFrom([[1, 0], [0, 1]] as never), ArgumentError, "orthogonalFrom: matrix must be a Tensor; got [[1, 0], [0, 1]] (array)\nhint: make it a tensor first: tensor([[1, 0], [0, 1]])"), r(() => init.orthogonalFrom(zeros([3])), ArgumentError, "orthogonalFrom: matrix must have at least 2 dims (rows, then columns flattened); got matrix [3]"), r(() => init.orthogonalFrom(zeros([2, 2]), { gain: -2 }), ArgumentError, "orthogonalFrom: gain must be a finite number ≥ 0; got -2 (number)")],
  'init.lsuv': (() => {
    const m = new Sequential(new Linear(4, 3, { rng: new Rng(0) }), new ReLU(), new Linear(3, 2, { rng: new Rng(0) }));
    return [
      r(() => init.lsuv(Linear as never, zeros([2, 4])), ArgumentError, "lsuv: model must be a Module; got class Linear\nhint: construct it: new Linear(…)"),
      r(() => init.lsuv(m, [[1, 2, 3, 4]] as never), ArgumentError, "lsuv: batch must be a Tensor; got [[1, 2, 3, 4]] (array)\nhint: make it a tensor first: tensor([[1, 2, 3, 4]])", () => values(m)),
      r(() => init.lsuv(m, zeros([2, 4]), { tol: -0.1 }), ArgumentError, "lsuv: tol must be a finite number > 0; got -0.1 (number)", () => values(m)),
      r(() => init.lsuv(m, zeros([2, 4]), { maxIter: -1 }), ArgumentError, "lsuv: maxIter must be a non-negative integer; got -1 (number)", () => values(m)),
      r(() => init.lsuv(m, zeros([2, 4]), { max_iter: 5 } as never), ArgumentError, "lsuv: unknown option 'max_iter' (options: tol, maxIter, rng)\nhint: did you mean maxIter?", () => values(m)),
      r(() => init.lsuv(m, zeros([2, 5])), ShapeError, "Linear(4 → 3): last input dimension must be 4; got x [2, 5]", () => values(m)),
      r(() => init.lsuv(new Sequential(new ReLU()), zeros([2, 4])), ArgumentError, "lsuv: model must contain a layer with a weight Parameter of at least 2 dims (Linear); got Sequential object"),
    ];
  })(),
  mseLoss: [
    r(() => mseLoss(zeros([2]), [1, 2] as never), ArgumentError, "mseLoss: target must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
    r(() => mseLoss(zeros([2]), zeros([2]), { reduction: 'avg' as never }), ArgumentError, "mseLoss: reduction must be 'mean', 'sum' or 'none'; got 'avg' (string)"),
    r(() => mseLoss(zeros([4, 5]), zeros([4, 1])), ShapeError, "mseLoss: input and target must have the same shape; got input [4, 5] and target [4, 1]"),
  ],
  MSELoss: [r(() => new MSELoss({ reduction: 'mean_squared' as never }), ArgumentError, "MSELoss: reduction must be 'mean', 'sum' or 'none'; got 'mean_squared' (string)")],
  'MSELoss.forward': [fwd("MSELoss.forward: target must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", new MSELoss(), zeros([2]), [1, 2])],
  CrossEntropyLoss: [
    r(() => new CrossEntropyLoss({ ignore_index: -100 } as never), ArgumentError, "CrossEntropyLoss: unknown option 'ignore_index' (options: reduction, weight, ignoreIndex, labelSmoothing)\nhint: did you mean ignoreIndex?"),
    r(() => new CrossEntropyLoss({ labelSmoothing: -0.1 }), ArgumentError, "CrossEntropyLoss: labelSmoothing must be a finite number in [0, 1]; got -0.1 (number)"),
  ],
  nllLoss: [
    r(() => nllLoss(zeros([2, 3]), [0, 1] as never), ArgumentError, "nllLoss: target must be a Tensor; got [0, 1] (array)\nhint: make it a tensor first: tensor([0, 1], { dtype: 'int32' })"),
    r(() => nllLoss(zeros([2, 3]), tensor([0, 3], { dtype: 'int32' })), ArgumentError, "nllLoss: target must hold class indices in [0, 2] or ignoreIndex -100; got target[1] = 3"),
    r(() => nllLoss(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { ignoreIndex: '-100' as never }), ArgumentError, "nllLoss: ignoreIndex must be an integer; got '-100' (string)"),
  ],
  l1Loss: [r(() => l1Loss(zeros([2]), zeros([3])), ShapeError, "l1Loss: input and target must have the same shape; got input [2] and target [3]"), r(() => l1Loss(zeros([2]), zeros([2]), { reduction: null as never }), ArgumentError, "l1Loss: reduction must be 'mean', 'sum' or 'none'; got null")],
  L1Loss: [r(() => new L1Loss({ reduce: false } as never), ArgumentError, "L1Loss: unknown option 'reduce' (options: reduction)")],
  'L1Loss.forward': [fwd("L1Loss.forward: target must be a Tensor; got 1 (number)\nhint: make it a tensor first: tensor(1)", new L1Loss(), zeros([2]), 1)],
  binaryCrossEntropy: [r(() => binaryCrossEntropy(tensor([2]), tensor([1])), ArgumentError, "binaryCrossEntropy: input must hold probabilities in [0, 1]; got input[0] = 2\nhint: for logits use binaryCrossEntropyWithLogits"), r(() => binaryCrossEntropy(zeros([2]), zeros([2]), { weight: 2 as never }), ArgumentError, "binaryCrossEntropy: weight must be a Tensor; got 2 (number)\nhint: make it a tensor first: tensor(2)")],
  BCELoss: [r(() => new BCELoss({ weight: zeros([2], { dtype: 'int32' }) }), DTypeError, "BCELoss: weight must be a floating-point tensor; got weight int32")],
  'BCELoss.forward': [fwd("BCELoss.forward: input must be a Tensor; got [0.5] (array)\nhint: make it a tensor first: tensor([0.5])", new BCELoss(), [0.5], tensor([1]))],
  binaryCrossEntropyWithLogits: [r(() => binaryCrossEntropyWithLogits(zeros([2, 3]), zeros([2, 3]), { weight: zeros([3, 3]) }), ShapeError, "binaryCrossEntropyWithLogits: shapes cannot be broadcast together; got input [2, 3] and weight [3, 3] (dimension -2: 2 vs 3)")],
  BCEWithLogitsLoss: [r(() => new BCEWithLogitsLoss({ posWeight: [2] as never }), ArgumentError, "BCEWithLogitsLoss: posWeight must be a Tensor; got [2] (array)\nhint: make it a tensor first: tensor([2])")],
  'BCEWithLogitsLoss.forward': [fwd("BCEWithLogitsLoss.forward: target must be a Tensor; got [1, 0] (array)\nhint: make it a tensor first: tensor([1, 0])", new BCEWithLogitsLoss(), zeros([2]), [1, 0])],
  multiMarginLoss: [r(() => multiMarginLoss(zeros([2, 3]), tensor([0, -1], { dtype: 'int32' })), ArgumentError, "multiMarginLoss: target must hold class indices in [0, 2]; got target[1] = -1"), r(() => multiMarginLoss(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { weight: zeros([2]) }), ShapeError, "multiMarginLoss: weight must be [C] = [3], one value per class; got weight [2]")],
  MultiMarginLoss: [r(() => new MultiMarginLoss({ margin: Infinity }), ArgumentError, "MultiMarginLoss: margin must be a finite number; got Infinity (number)")],
  'MultiMarginLoss.forward': [fwd("MultiMarginLoss.forward: target must be a Tensor; got [0, 1] (array)\nhint: make it a tensor first: tensor([0, 1], { dtype: 'int32' })", new MultiMarginLoss(), zeros([2, 3]), [0, 1])],
  multiclassHingeLoss: [r(() => multiclassHingeLoss(zeros([]), tensor(0, { dtype: 'int32' })), ShapeError, "multiclassHingeLoss: input must be [N, C] or [C] scores; got input []")],
  MulticlassHingeLoss: [r(() => new MulticlassHingeLoss({ delta: 1 } as never), ArgumentError, "MulticlassHingeLoss: unknown option 'delta' (options: reduction, margin)")],
  'MulticlassHingeLoss.forward': [fwd("MulticlassHingeLoss.forward: input must be a Tensor; got 'scores' (string)", new MulticlassHingeLoss(), 'scores', tensor([0], { dtype: 'int32' }))],
  NLLLoss: [r(() => new NLLLoss({ weight: [1, 2] as never }), ArgumentError, "NLLLoss: weight must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])")],
  'NLLLoss.forward': [fwd("NLLLoss.forward: input must be a Tensor; got [[0, 1]] (array)\nhint: make it a tensor first: tensor([[0, 1]])", new NLLLoss(), [[0, 1]], tensor([0], { dtype: 'int32' }))],
  'CrossEntropyLoss.forward': [fwd("CrossEntropyLoss.forward: target must be a Tensor; got [0, 1] (array)\nhint: make it a tensor first: tensor([0, 1], { dtype: 'int32' })", new CrossEntropyLoss(), zeros([2, 3]), [0, 1])],
  entropy: [r(() => entropy([0.5, 0.5] as never), ArgumentError, "entropy: p must be a Tensor; got [0.5, 0.5] (array)\nhint: make it a tensor first: tensor([0.5, 0.5])"), r(() => entropy(tensor([0.5, 0.5]), { base: 1 }), ArgumentError, "entropy: base must be 'e' or a positive number other than 1; got 1 (number)")],
  distributionCrossEntropy: [r(() => distributionCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0]), { dim: 1 }), ArgumentError, "distributionCrossEntropy: dim 1 is out of range for a tensor of rank 1"), r(() => distributionCrossEntropy(zeros([2, 3]), zeros([4])), ShapeError, "distributionCrossEntropy: shapes cannot be broadcast together; got input [2, 3] and target [4] (dimension -1: 3 vs 4)")],
  klDivergence: [r(() => klDivergence(tensor([0.5, 0.5]), [1, 0] as never), ArgumentError, "klDivergence: target must be a Tensor; got [1, 0] (array)\nhint: make it a tensor first: tensor([1, 0])"), r(() => klDivergence(zeros([]), zeros([])), ShapeError, "klDivergence: input and target must hold distributions (at least 1-D); got input [] and target []")],
};

const internal = 'protected: called by the module itself';
export const reasons: Record<string, string> = {
  Module: 'abstract base class; its constructor takes no arguments (subclasses have rows)',
  'Module.namedChildren': 'takes no arguments', 'Module.parameters': 'takes no arguments',
  'Module.eval': 'takes no arguments', 'Module.stateDict': 'takes no arguments', 'Module.toString': 'takes no arguments',
  'BatchNormBase': 'abstract base class: BatchNorm1d has its rows', 'BatchNormBase.track': internal,
  'BatchNormBase.extraRepr': internal, 'Dropout.extraRepr': internal, 'GaussianNoise.extraRepr': internal,
  'WeightNoise.extraRepr': internal,
  'Module.buffers': 'takes no arguments', 'Module.namedState': internal, isBuffer: 'takes any value and answers true or false',
  'Module.ownParameters': internal, 'Module.ownBuffers': internal, 'Module.extraRepr': internal,
  'Linear.extraRepr': internal, 'Softmax.extraRepr': internal, 'LeakyReLU.extraRepr': internal,
  'ELU.extraRepr': internal, 'GELU.extraRepr': internal, 'Maxout.extraRepr': internal, 'LogSoftmax.extraRepr': internal,
  'Sequential.namedChildren': 'takes no arguments',
  ReLU: 'takes no arguments', Sigmoid: 'takes no arguments', Tanh: 'takes no arguments', Identity: 'takes no arguments',
  isParameter: 'takes any value and answers true or false',
  init: 'a namespace: its members have rows as init.*',
};
