// Bad arguments of modules, initializers and losses (concepts §1, §3, §4, §6): forward names the
// module; a refused call leaves the parameters as they were.
import {
  Module, Parameter, Linear, Sequential, LeakyReLU, ELU, GELU, Maxout, ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Identity, init,
  mseLoss, MSELoss, CrossEntropyLoss, entropy, crossEntropyOf, zeros, tensor, Rng, ArgumentError, DTypeError,
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
  'Module.namedParameters': [r(() => lin().namedParameters(1 as never), ArgumentError, "Linear.namedParameters: prefix must be a string; got 1 (number)")],
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
    r(() => new Sequential(lin(), ReLU as never), ArgumentError, "Sequential: modules[1] must be a Module; got class ReLU\nhint: construct it: new ReLU()"),
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
  'init.calculateGain': [r(() => init.calculateGain('gelu' as never), ArgumentError, "calculateGain: nonlinearity must be 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu' or 'conv2d'; got 'gelu' (string)")],
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
  'init.kaimingUniform_': [r(() => init.kaimingUniform_(zeros([2, 2]), { nonlinearity: 'gelu' } as never), ArgumentError, "kaimingUniform_: nonlinearity must be 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu' or 'conv2d'; got 'gelu' (string)")],
  'init.heNormal_': [r(() => init.heNormal_(zeros([2, 2]), { rng: 1 } as never), ArgumentError, "heNormal_: rng must be an Rng; got 1 (number)")],
  mseLoss: [
    r(() => mseLoss(zeros([2]), [1, 2] as never), ArgumentError, "mseLoss: target must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
    r(() => mseLoss(zeros([2]), zeros([2]), { reduction: 'avg' as never }), ArgumentError, "mseLoss: reduction must be 'mean', 'sum' or 'none'; got 'avg' (string)"),
    r(() => mseLoss(zeros([4, 5]), zeros([4, 1])), ShapeError, "mseLoss: input and target must have the same shape; got input [4, 5] and target [4, 1]"),
  ],
  MSELoss: [r(() => new MSELoss({ reduction: 'mean_squared' as never }), ArgumentError, "MSELoss: reduction must be 'mean', 'sum' or 'none'; got 'mean_squared' (string)")],
  'MSELoss.forward': [fwd("MSELoss.forward: target must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", new MSELoss(), zeros([2]), [1, 2])],
  CrossEntropyLoss: [r(() => new CrossEntropyLoss({ ignoreIndex: -100 } as never), ArgumentError, "CrossEntropyLoss: unknown option 'ignoreIndex' (options: reduction)")],
  'CrossEntropyLoss.forward': [fwd("CrossEntropyLoss.forward: target must be a Tensor; got [0, 1] (array)\nhint: make it a tensor first: tensor([0, 1], { dtype: 'int32' })", new CrossEntropyLoss(), zeros([2, 3]), [0, 1])],
  entropy: [r(() => entropy([0.5, 0.5] as never), ArgumentError, "entropy: p must be a Tensor; got [0.5, 0.5] (array)\nhint: make it a tensor first: tensor([0.5, 0.5])"), r(() => entropy(tensor([0.5, 0.5]), { base: 1 }), ArgumentError, "entropy: base must be 'e' or a positive number other than 1; got 1 (number)")],
  crossEntropyOf: [r(() => crossEntropyOf(tensor([1, 0]), tensor([0.5, 0.5]), { dim: 1 }), ArgumentError, "crossEntropyOf: dim 1 is out of range for a tensor of rank 1")],
};

const internal = 'protected: called by the module itself';
export const reasons: Record<string, string> = {
  Module: 'abstract base class; its constructor takes no arguments (subclasses have rows)',
  'Module.namedChildren': 'takes no arguments', 'Module.parameters': 'takes no arguments',
  'Module.eval': 'takes no arguments', 'Module.stateDict': 'takes no arguments', 'Module.toString': 'takes no arguments',
  'Module.ownParameters': internal, 'Module.ownBuffers': internal, 'Module.extraRepr': internal,
  'Linear.extraRepr': internal, 'Softmax.extraRepr': internal, 'LeakyReLU.extraRepr': internal,
  'ELU.extraRepr': internal, 'GELU.extraRepr': internal, 'Maxout.extraRepr': internal, 'LogSoftmax.extraRepr': internal,
  'Sequential.namedChildren': 'takes no arguments',
  ReLU: 'takes no arguments', Sigmoid: 'takes no arguments', Tanh: 'takes no arguments', Identity: 'takes no arguments',
  isParameter: 'takes any value and answers true or false',
  init: 'a namespace: its members have rows as init.*',
};
