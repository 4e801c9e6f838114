// Bad arguments of the functional ops (concepts §2–§4): non-tensors, plain-array operands, dims,
// shapes and options, each refused by name before anything is computed.
import {
  add, sub, mul, div, pow, maximum, minimum, eq, ne, lt, le, gt, ge, neg, exp, log, sqrt, abs, sign, reciprocal,
  relu, sigmoid, tanh, where, clamp, clip, sum, sumTo, mean, variance, max, min, argmax, argmin, reshape, flatten,
  unsqueeze, squeeze, permute, transpose, t, expand, slice, narrow, cat, stack, matmul, linear, softmax, logSoftmax,
  crossEntropy, cast, indexSelect, clone, detach, erf, leakyRelu, elu, gelu, logsumexp, maxout, zeros, tensor, ArgumentError, DTypeError, ShapeError,
} from '../../../src/index.js';
import { r, type Rows } from './types.js';

const x = () => zeros([2, 3]);
type Binary = (a: unknown, b: unknown) => unknown;
/** f(x, [1, 2]) and f('a', x): messages `m1`, `m2`. */
const binary = (f: unknown, m1: string, m2: string) => [
  r(() => (f as Binary)(x(), [1, 2]), ArgumentError, m1),
  r(() => (f as Binary)('a', x()), ArgumentError, m2),
];
type Unary = (a: unknown) => unknown;
/** f([1, 2]): message `m`. */
const unary = (f: unknown, m: string) => [r(() => (f as Unary)([1, 2]), ArgumentError, m)];

export const rows: Rows = {
  add: binary(add, "add: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "add: a must be a Tensor or a number; got 'a' (string)"), sub: binary(sub, "sub: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "sub: a must be a Tensor or a number; got 'a' (string)"), mul: binary(mul, "mul: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "mul: a must be a Tensor or a number; got 'a' (string)"), div: binary(div, "div: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "div: a must be a Tensor or a number; got 'a' (string)"), pow: binary(pow, "pow: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "pow: a must be a Tensor or a number; got 'a' (string)"),
  maximum: binary(maximum, "maximum: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "maximum: a must be a Tensor or a number; got 'a' (string)"), minimum: binary(minimum, "minimum: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "minimum: a must be a Tensor or a number; got 'a' (string)"),
  eq: binary(eq, "eq: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "eq: a must be a Tensor or a number; got 'a' (string)"), ne: binary(ne, "ne: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "ne: a must be a Tensor or a number; got 'a' (string)"), lt: binary(lt, "lt: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "lt: a must be a Tensor or a number; got 'a' (string)"), le: binary(le, "le: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "le: a must be a Tensor or a number; got 'a' (string)"), gt: binary(gt, "gt: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "gt: a must be a Tensor or a number; got 'a' (string)"), ge: binary(ge, "ge: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])", "ge: a must be a Tensor or a number; got 'a' (string)"),
  neg: unary(neg, "neg: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), exp: unary(exp, "exp: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), log: unary(log, "log: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), sqrt: unary(sqrt, "sqrt: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), abs: unary(abs, "abs: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), sign: unary(sign, "sign: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  reciprocal: unary(reciprocal, "reciprocal: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), relu: [...unary(relu, "relu: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => (relu as Unary)(undefined), ArgumentError, "relu: x must be a Tensor; got undefined")],
  sigmoid: unary(sigmoid, "sigmoid: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), tanh: [...unary(tanh, "tanh: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => (tanh as Unary)(3), ArgumentError, "tanh: x must be a Tensor; got 3 (number)\nhint: make it a tensor first: tensor(3)")],
  clone: unary(clone, "clone: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), detach: unary(detach, "detach: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), t: [...unary(t, "t: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => t(zeros([2, 3, 4])), ShapeError, "t: x must have at most 2 dimensions; got x [2, 3, 4]\nhint: transpose(x, -2, -1) swaps the last two dimensions of a batch")],
  where: [
    r(() => where([1, 0] as never, x(), 0), ArgumentError, "where: cond must be a Tensor; got [1, 0] (array)\nhint: make it a tensor first: tensor([1, 0])"),
    r(() => where(x(), x(), [0] as never), ArgumentError, "where: b must be a Tensor or a number; got [0] (array)\nhint: make it a tensor first: tensor([0])"),
  ],
  clamp: [r(() => clamp(x(), '0' as never), ArgumentError, "clamp: min must be a number (not NaN); got '0' (string)"), r(() => clamp(x(), 0, NaN), ArgumentError, "clamp: max must be a number (not NaN); got NaN (number)")],
  clip: [r(() => clip([1] as never, 0, 1), ArgumentError, "clamp: x must be a Tensor; got [1] (array)\nhint: make it a tensor first: tensor([1])")],
  sum: [
    r(() => sum(x(), { dim: 1 } as never), ArgumentError, "sum: dims must be an integer or an array of integers; got { dim: 1 } (object)\nhint: pass the dim itself: x.sum(1)"),
    r(() => sum(x(), 1, { keepdim: true } as never), ArgumentError, "sum: keepdim must be true or false; got { keepdim: true } (object)\nhint: keepdim is positional: x.sum(dims, true)"),
    r(() => sum(x(), 1.5), ArgumentError, "sum: dim must be an integer; got 1.5 (number)"),
    r(() => sum(x(), 2), ArgumentError, "sum: dim 2 is out of range for a tensor of rank 2"),
  ],
  sumTo: [r(() => sumTo(x(), 3 as never), ArgumentError, "sumTo: shape must be an array of non-negative integers; got 3 (number)\nhint: write [3] for a 1-D shape")],
  mean: [r(() => mean([1, 2] as never), ArgumentError, "mean: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => mean(x(), ['a'] as never), ArgumentError, "mean: dim must be an integer; got 'a' (string)")],
  variance: [
    r(() => variance(x(), 1, { unbiased: false } as never), ArgumentError, "var: unknown option 'unbiased' (options: correction, keepdim)"),
    r(() => variance(x(), 1, { correction: -1 }), ArgumentError, "var: correction must be a finite number ≥ 0; got -1 (number)"),
  ],
  max: [r(() => max(x(), 0, 'yes' as never), ArgumentError, "max: keepdim must be true or false; got 'yes' (string)")],
  min: [r(() => min(x(), { dim: 0 } as never), ArgumentError, "min: dims must be an integer or an array of integers; got { dim: 0 } (object)\nhint: pass the dim itself: x.min(0)")],
  argmax: [r(() => argmax(x(), { dim: 1 } as never), ArgumentError, "argmax: dim must be an integer; got { dim: 1 } (object)\nhint: pass the dim itself: x.argmax(1)"), r(() => argmax(x(), 2), ArgumentError, "argmax: dim 2 is out of range for a tensor of rank 2")],
  argmin: [r(() => argmin(x(), 0, 1 as never), ArgumentError, "argmin: keepdim must be true or false; got 1 (number)")],
  reshape: [
    r(() => reshape(x(), 6 as never), ArgumentError, "reshape: shape must be an array of integers (−1 infers one size); got 6 (number)\nhint: write reshape(x, [6]) or x.reshape(6)"),
    r(() => reshape(x(), [4, 2]), ShapeError, "reshape: the new shape must have as many elements as x; got x [2, 3] and shape [4, 2] (6 elements)"),
    r(() => reshape(x(), [-2, 3]), ArgumentError, "reshape: shape must be an array of integers (−1 infers one size); got [-2, 3] (array)"),
  ],
  flatten: [r(() => flatten(x(), 'a' as never), ArgumentError, "flatten: startDim must be an integer; got 'a' (string)")],
  unsqueeze: [r(() => unsqueeze(x(), 1.5), ArgumentError, "unsqueeze: dim must be an integer; got 1.5 (number)"), r(() => unsqueeze(x(), 3), ArgumentError, "unsqueeze: dim 3 is out of range [-3, 2]; got x [2, 3]")],
  squeeze: [
    r(() => squeeze(x(), '0' as never), ArgumentError, "squeeze: dim must be an integer; got '0' (string)"),
    r(() => squeeze(tensor(1), 7), ArgumentError, 'squeeze: dim 7 is out of range for a tensor of rank 0'),
  ],
  permute: [r(() => permute(x(), 1 as never), ArgumentError, "permute: dims must be an array of integers; got 1 (number)"), r(() => permute(x(), [0, 0]), ArgumentError, "permute: dims must be a permutation of the tensor's axes; got x [2, 3] and dims [0, 0]")],
  transpose: [r(() => transpose(x(), 0, 'x' as never), ArgumentError, "transpose: dim1 must be an integer; got 'x' (string)")],
  expand: [r(() => expand(x(), 4 as never), ArgumentError, "expand: shape must be an array of integers (−1 infers one size); got 4 (number)\nhint: write expand(x, [4]) or x.expand(4)"), r(() => expand(x(), [4, 3]), ShapeError, "expand: shapes cannot be broadcast together; got x [2, 3] and shape [4, 3] (dimension -2: 2 vs 4)")],
  slice: [
    r(() => slice(x(), 1, 0.5), ArgumentError, "slice: start must be an integer; got 0.5 (number)"),
    r(() => slice(x(), 1, 0, 2, 0), ArgumentError, "slice: step must be a positive integer; got 0 (number)"),
    r(() => slice(x(), 2), ArgumentError, "slice: dim 2 is out of range for a tensor of rank 2"),
  ],
  narrow: [
    r(() => narrow(x(), 1, 2, 5), ArgumentError, "narrow: start + length must not exceed the size of dim 1 (3); got start 2 and length 5"),
    r(() => narrow(x(), 1, 4, 0), ArgumentError, "narrow: start must lie in [-3, 3] for dim 1 of size 3; got 4 (number)"),
    r(() => narrow(x(), 1, 0, -1), ArgumentError, "narrow: length must be a non-negative integer; got -1 (number)"),
  ],
  cat: [
    r(() => cat(x() as never), ArgumentError, "cat: tensors must be an array of Tensors; got Tensor [2, 3] float32\nhint: wrap it in an array: cat([x, y])"),
    r(() => cat([x(), [1, 2]] as never), ArgumentError, "cat: tensors[1] must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
    r(() => cat([]), ArgumentError, "cat: tensors must hold at least one Tensor; got [] (array)"),
  ],
  stack: [r(() => stack([x(), x()], 3), ArgumentError, "stack: dim 3 is out of range [-3, 2]; got tensors[0] [2, 3]"), r(() => stack([x(), zeros([3])]), ShapeError, "stack: all tensors must have the same shape; got tensors[0] [2, 3] and tensors[1] [3]")],
  matmul: [r(() => matmul(x(), [[1], [2], [3]] as never), ArgumentError, "matmul: b must be a Tensor; got [[1], [2], [3]] (array)\nhint: make it a tensor first: tensor([[1], [2], [3]])"), r(() => matmul(x(), x()), ShapeError, "matmul: inner dimensions must match; got a [2, 3] and b [2, 3] (3 ≠ 2)")],
  linear: [r(() => linear(x(), [[1, 2, 3]] as never), ArgumentError, "linear: weight must be a Tensor; got [[1, 2, 3]] (array)\nhint: make it a tensor first: tensor([[1, 2, 3]])")],
  softmax: [r(() => softmax([1, 2] as never), ArgumentError, "softmax: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => softmax(x(), { dim: 1 } as never), ArgumentError, "softmax: dim must be an integer; got { dim: 1 } (object)\nhint: pass the dim itself: x.softmax(1)")],
  logSoftmax: [
    r(() => logSoftmax(tensor([1, 2], { dtype: 'int32' })), DTypeError, "logSoftmax: x must be a floating-point tensor; got x int32"),
    r(() => logSoftmax(tensor(1), -3), ArgumentError, 'logSoftmax: dim -3 is out of range for a tensor of rank 0'),
  ],
  crossEntropy: [
    r(() => crossEntropy(zeros([4, 3]), [0, 1, 2, 0] as never), ArgumentError, "crossEntropy: target must be a Tensor; got [0, 1, 2, 0] (array)\nhint: make it a tensor first: tensor([0, 1, 2, 0], { dtype: 'int32' })"),
    r(() => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { reduce: 'sum' } as never), ArgumentError, "crossEntropy: unknown option 'reduce' (options: reduction, weight, ignoreIndex, labelSmoothing)"),
    r(() => crossEntropy(zeros([2, 3]), tensor([0, 1], { dtype: 'int32' }), { reduction: 'avg' as never }), ArgumentError, "crossEntropy: reduction must be 'mean', 'sum' or 'none'; got 'avg' (string)"),
  ],
  cast: [r(() => cast(x(), 'int64' as never), DTypeError, "cast: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'int64' (string)\nhint: nabla has no int64; class labels and indices are 'int32'"), r(() => cast([1] as never, 'float32'), ArgumentError, "cast: x must be a Tensor; got [1] (array)\nhint: make it a tensor first: tensor([1])")],
  erf: unary(erf, "erf: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  leakyRelu: [...unary(leakyRelu, "leakyRelu: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => leakyRelu(x(), '0.1' as never), ArgumentError, "leakyRelu: negativeSlope must be a finite number; got '0.1' (string)"), r(() => leakyRelu(zeros([2], { dtype: 'int32' })), DTypeError, "leakyRelu: x must be a floating-point tensor; got x int32")],
  elu: [...unary(elu, "elu: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => elu(x(), Infinity), ArgumentError, "elu: alpha must be a finite number; got Infinity (number)"), r(() => elu(zeros([2], { dtype: 'int32' })), DTypeError, "elu: x must be a floating-point tensor; got x int32")],
  gelu: [...unary(gelu, "gelu: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => gelu(x(), { approximate: 'erf' as never }), ArgumentError, "gelu: approximate must be 'none' or 'tanh'; got 'erf' (string)"), r(() => gelu(x(), 'tanh' as never), ArgumentError, "gelu: options must be an object; got 'tanh' (string)"), r(() => gelu(zeros([2], { dtype: 'int32' })), DTypeError, "gelu: x must be a floating-point tensor; got x int32")],
  logsumexp: [r(() => logsumexp([1, 2] as never, 0), ArgumentError, "logsumexp: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => logsumexp(x(), 2), ArgumentError, "logsumexp: dim 2 is out of range for a tensor of rank 2"), r(() => logsumexp(x(), [0, 0]), ArgumentError, "logsumexp: dim 0 appears more than once"), r(() => logsumexp(x(), 1, 'yes' as never), ArgumentError, "logsumexp: keepdim must be true or false; got 'yes' (string)"), r(() => logsumexp(zeros([2], { dtype: 'int32' }), 0), DTypeError, "logsumexp: x must be a floating-point tensor; got x int32")],
  maxout: [r(() => maxout([1, 2] as never, 2), ArgumentError, "maxout: x must be a Tensor; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(() => maxout(x(), 1.5), ArgumentError, "maxout: k must be a positive integer; got 1.5 (number)"), r(() => maxout(x(), 2), ShapeError, "maxout: size 3 of dim -1 must be divisible by k = 2; got x [2, 3]"), r(() => maxout(x(), 1, -3), ArgumentError, "maxout: dim -3 is out of range for a tensor of rank 2")],
  indexSelect: [
    r(() => indexSelect(x(), 0, [0, 1] as never), ArgumentError, "indexSelect: index must be a Tensor; got [0, 1] (array)\nhint: make it a tensor first: tensor([0, 1], { dtype: 'int32' })"),
    r(() => indexSelect(x(), 0, tensor([0, 1])), DTypeError, "indexSelect: index must be int32; got index float32"),
  ],
};
