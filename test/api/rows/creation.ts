// Bad arguments of the tensor creators and the random generator (concepts §2).
import {
  tensor, fromArray, full, zeros, ones, zerosLike, onesLike, fullLike, arange, linspace, eye, rand, randn,
  randint, bernoulli, randperm, Tensor, Rng, manualSeed, globalRng, ArgumentError, DTypeError, ShapeError,
  BackendError, setDefaultDtype, getDefaultDtype,
} from '../../../src/index.js';
import { r, type Rows } from './types.js';

const t2 = () => zeros([2]);

export const rows: Rows = {
  setDefaultDtype: [r(() => setDefaultDtype('int32' as never), ArgumentError, "setDefaultDtype: dtype must be 'float32' or 'float64'; got 'int32' (string)", () => getDefaultDtype()), r(() => setDefaultDtype('f64' as never), ArgumentError, "setDefaultDtype: dtype must be 'float32' or 'float64'; got 'f64' (string)", () => getDefaultDtype())],
  tensor: [
    r(() => tensor(['a'] as never), ArgumentError, "tensor: element [0] must be a number; got 'a' (string)"),
    r(() => tensor([1, undefined] as never), ArgumentError, "tensor: element [1] must be a number; got undefined"),
    r(() => tensor([1, null] as never), ArgumentError, "tensor: element [1] must be a number; got null"),
    r(() => tensor(t2() as never), ArgumentError, "tensor: data must be a number, a boolean, a (nested) array of them or a typed array; got Tensor [2] float32\nhint: copy a tensor with x.clone() (x.detach() to leave the graph)"),
    r(() => tensor([t2(), t2()] as never), ArgumentError, "tensor: element [0] must be a number; got Tensor [2] float32\nhint: stack([a, b]) joins tensors; tensor() reads numbers only"),
    r(() => tensor([3e9], { dtype: 'int32' }), ArgumentError, "tensor: element [0] must be an integer in [-2147483648, 2147483647] for dtype int32; got 3000000000 (number)"),
    r(() => tensor([1.5], { dtype: 'int32' }), ArgumentError, "tensor: element [0] must be an integer in [-2147483648, 2147483647] for dtype int32; got 1.5 (number)"),
    r(() => tensor([[1, 2], [3]]), ShapeError, "tensor: nested arrays must be rectangular: element [1] should have length 2; got [3] (array)"),
    r(() => tensor([[1, 2], 3]), ShapeError, "tensor: nested arrays must be rectangular: element [1] should be an array of length 2; got 3 (number)"),
    r(() => tensor([[1, [2]], [3, 4]]), ShapeError, "tensor: nested arrays must be rectangular: element [0, 1] should be a number; got [2] (array)"),
    r(() => tensor([1], { dtype: 'int64' as never }), DTypeError, "tensor: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'int64' (string)\nhint: nabla has no int64; class labels and indices are 'int32'"),
    r(() => tensor([1], { dtype: 'float16' as never }), DTypeError, "tensor: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'float16' (string)\nhint: nabla has no half precision; use 'float32'"),
    r(() => tensor([1], 'int32' as never), ArgumentError, "tensor: options must be an object; got 'int32' (string)\nhint: write { dtype: 'int32' }"),
    r(() => tensor([1], { requires_grad: true } as never), ArgumentError, "tensor: unknown option 'requires_grad' (options: dtype, requiresGrad, backend, longLived)\nhint: did you mean requiresGrad?"),
    r(() => tensor([1], { dtype: 'int32', requiresGrad: true }), DTypeError, "tensor: only floating-point tensors can require grad; got dtype int32"),
    r(() => tensor(new Float32Array([1.5]), { dtype: 'int32' }), ArgumentError, 'tensor: data[0] must be an integer in [-2147483648, 2147483647] for dtype int32; got 1.5 (number)'),
    r(() => tensor('1' as never), ArgumentError, "tensor: data must be a number, a boolean, a (nested) array of them or a typed array; got '1' (string)"),
  ],
  fromArray: [
    r(() => fromArray([1, 'a'] as never, [2]), ArgumentError, "fromArray: data[1] must be a number; got 'a' (string)"),
    r(() => fromArray([1, 2, 3], [2, 2]), ArgumentError, "fromArray: data length must equal the shape's size 4; got shape [2, 2] (data has 3 elements)"),
    r(() => fromArray([1, 2], 2 as never), ArgumentError, "fromArray: shape must be an array of non-negative integers; got 2 (number)\nhint: write [2] for a 1-D shape"),
    r(() => fromArray(new Float32Array([3e9]), [1], { dtype: 'int32' }), ArgumentError, "fromArray: data[0] must be an integer in [-2147483648, 2147483647] for dtype int32; got 3000000000 (number)"),
    r(() => fromArray('12' as never, [2]), ArgumentError, "fromArray: data must be an array of numbers or a numeric typed array; got '12' (string)"),
  ],
  full: [
    r(() => full(3 as never, 1), ArgumentError, "full: shape must be an array of non-negative integers; got 3 (number)\nhint: write [3] for a 1-D shape"),
    r(() => full([2], '1' as never), ArgumentError, "full: value must be a number; got '1' (string)"),
    r(() => full([2], 300, { dtype: 'uint8' }), ArgumentError, "full: value must be an integer in [0, 255] for dtype uint8; got 300 (number)"),
  ],
  zeros: [
    r(() => zeros([2, -1]), ArgumentError, "zeros: shape must be an array of non-negative integers; got [2, -1] (array)"),
    r(() => zeros(2.5 as never), ArgumentError, "zeros: sizes must be non-negative integers; got 2.5 (number)"),
    r(() => (zeros as (...a: unknown[]) => unknown)(), ArgumentError, "zeros: shape must be an array of non-negative integers; got undefined"),
    r(() => zeros([2], { dtype: 'int64' as never }), DTypeError, "zeros: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'int64' (string)\nhint: nabla has no int64; class labels and indices are 'int32'"),
    r(() => zeros([2], { backend: 'gpu' }), BackendError, "zeros: unknown backend 'gpu' (available: js, wasm)"),
    r(() => (zeros as (...a: unknown[]) => unknown)([2], { dtype: 'float32' }, {}), ArgumentError, "zeros: takes a shape and an options object; got [[2], { dtype: 'float32' }, {}] (array)\nhint: e.g. zeros([2, 3], { dtype: 'float64' })"),
  ],
  ones: [
    r(() => ones('2' as never), ArgumentError, "ones: shape must be an array of non-negative integers; got '2' (string)"),
    r(() => ones([2], { requiresGrad: 'yes' as never }), ArgumentError, "ones: requiresGrad must be true or false; got 'yes' (string)"),
  ],
  zerosLike: [
    r(() => zerosLike([1, 2] as never), ArgumentError, "zerosLike: t must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
    r(() => zerosLike(zeros([2], { dtype: 'int32' }), { requiresGrad: true }), DTypeError, 'zerosLike: only floating-point tensors can require grad; got dtype int32'),
  ],
  onesLike: [r(() => onesLike(t2(), { dtype: 'bool' as never }), DTypeError, "onesLike: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'bool' (string)\nhint: nabla has no bool dtype; masks are 1/0 in 'uint8' or a float dtype")],
  fullLike: [r(() => fullLike(t2(), NaN as never, { dtype: 'int32' }), ArgumentError, "fullLike: value must be an integer in [-2147483648, 2147483647] for dtype int32; got NaN (number)")],
  arange: [
    r(() => arange(0, 5, 0), ArgumentError, "arange: step must not be 0; got 0 (number)"),
    r(() => arange('5' as never), ArgumentError, "arange: start must be a finite number; got '5' (string)"),
    r(() => arange(0, Infinity), ArgumentError, "arange: end must be a finite number; got Infinity (number)"),
    r(() => arange(3e9, 3e9 + 2, 1, { dtype: 'int32' }), ArgumentError, "arange: start must be an integer in [-2147483648, 2147483647] for dtype int32; got 3000000000 (number)"),
  ],
  linspace: [r(() => linspace(0, 1, 2.5), ArgumentError, "linspace: steps must be a non-negative integer; got 2.5 (number)")],
  eye: [r(() => eye(-1), ArgumentError, "eye: n must be a non-negative integer; got -1 (number)"), r(() => eye(2, 3 as never), ArgumentError, "eye: options must be an object; got 3 (number)")],
  rand: [
    r(() => rand(2, -3), ArgumentError, "rand: sizes must be non-negative integers; got [2, -3] (array)"),
    r(() => rand([2], { low: 1, high: 0 }), ArgumentError, "rand: high must be a finite number ≥ low (1); got 0 (number)"),
    r(() => rand([2], { seed: 1 } as never), ArgumentError, "rand: unknown option 'seed' (options: dtype, requiresGrad, backend, longLived, rng, low, high)"),
  ],
  randn: [
    r(() => randn([2], { std: -1 }), ArgumentError, "randn: std must be a finite number ≥ 0; got -1 (number)"),
    r(() => randn([2], { rng: 42 as never }), ArgumentError, "randn: rng must be an Rng; got 42 (number)"),
  ],
  randint: [
    r(() => randint(5, 5, [2]), ArgumentError, "randint: high must be greater than low (5); got 5 (number)"),
    r(() => randint(0, 10, 3 as never), ArgumentError, "randint: shape must be an array of non-negative integers; got 3 (number)\nhint: write [3] for a 1-D shape"),
    r(() => randint(0, 3e9, [2]), ArgumentError, "randint: high − 1 must be an integer in [-2147483648, 2147483647] for dtype int32; got 2999999999 (number)"),
    // the dtype (int32 by default) is known before anything is drawn: the generator does not move
    r(() => randint(0, 5, [3], { requiresGrad: true }), DTypeError, 'randint: only floating-point tensors can require grad; got dtype int32', () => globalRng.getState()),
  ],
  bernoulli: [r(() => bernoulli(1.5, [2]), ArgumentError, "bernoulli: p must be a finite number in [0, 1]; got 1.5 (number)"), r(() => bernoulli(0.5, 2 as never), ArgumentError, "bernoulli: shape must be an array of non-negative integers; got 2 (number)\nhint: write [2] for a 1-D shape")],
  randperm: [r(() => randperm(-1), ArgumentError, "randperm: n must be a non-negative integer; got -1 (number)")],
  Tensor: [r(() => new (Tensor as unknown as new (d: unknown) => unknown)([1, 2]), ArgumentError, "Tensor: the constructor is internal (it takes a backend storage); got [1, 2] (array)\nhint: make tensors with tensor([1, 2]), zeros([2, 3]), fromArray(data, shape), …")],
  Rng: [r(() => new Rng(1.5), ArgumentError, "Rng: seed must be an integer; got 1.5 (number)"), r(() => new Rng('7' as never), ArgumentError, "Rng: seed must be an integer; got '7' (string)")],
  'Rng.seed': [r(() => new Rng(0).seed(NaN), ArgumentError, "Rng.seed: seed must be an integer; got NaN (number)")],
  'Rng.uniform': [r(() => new Rng(0).uniform(1, 0), ArgumentError, "Rng.uniform: high must be a finite number ≥ low (1); got 0 (number)")],
  'Rng.normal': [r(() => new Rng(0).normal(0, -1), ArgumentError, "Rng.normal: std must be a finite number ≥ 0; got -1 (number)")],
  'Rng.int': [r(() => new Rng(0).int(0), ArgumentError, "Rng.int: n must be a positive integer; got 0 (number)")],
  'Rng.permutation': [r(() => new Rng(0).permutation(-2), ArgumentError, "Rng.permutation: n must be a non-negative integer; got -2 (number)")],
  'Rng.setState': (() => {
    const g = new Rng(3);
    return [r(() => g.setState({ s: [1, 2, 3] } as never), ArgumentError, "Rng.setState: state must be { s: [4 integers], spare: number | null } from getState(); got { s: [1, 2, 3] } (object)", () => g.getState())];
  })(),
  manualSeed: [r(() => manualSeed('42' as never), ArgumentError, "manualSeed: seed must be an integer; got '42' (string)", () => globalRng.getState())],
};

export const reasons: Record<string, string> = {
  getDefaultDtype: 'takes no arguments',
  'Rng.nextU32': 'takes no arguments',
  'Rng.random': 'takes no arguments',
  'Rng.getState': 'takes no arguments',
  globalRng: 'an Rng instance, not a function: its methods have rows under Rng.*',
};
