// Bad arguments of the Tensor methods (concepts §2): each forwards to its op, so the messages name the
// op; the PyTorch habits (varargs shapes, x.sum({ dim }), x.data) either work or say what to write.
import { zeros, tensor, ArgumentError, DTypeError, MemoryError, ShapeError } from '../../../src/index.js';
import { r, type Row, type Rows } from './types.js';

type AnyTensor = Record<string, (...a: unknown[]) => unknown>;
/** x.name(...args) on a fresh zeros([2, 3]). */
const m = (name: string, ...args: unknown[]) => () => (zeros([2, 3]) as unknown as AnyTensor)[name](...args);
const arrayOperand = (name: string, message: string): Row[] => [r(m(name, [1, 2]), ArgumentError, message)];
const disposed = () => {
  const d = zeros([2]);
  d.dispose();
  return d;
};

const target = zeros([2, 3]);
const kept = () => target.tolist();
const leaf = tensor([1, 2], { requiresGrad: true });

export const rows: Rows = {
  'Tensor.add_': [
    r(() => target.add_([1, 2] as never), ArgumentError, "Tensor.add_: other must be a Tensor or a number; got [1, 2] (array)", kept),
    r(() => target.add_(zeros([4])), ShapeError, "Tensor.add_: shapes cannot be broadcast together; got self [2, 3] and other [4] (dimension -1: 3 vs 4)", kept),
    r(() => target.add_(zeros([3, 3])), ShapeError, "Tensor.add_: shapes cannot be broadcast together; got self [2, 3] and other [3, 3] (dimension -2: 2 vs 3)", kept),
    r(() => target.add_(zeros([2, 3]), { alpha: '2' } as never), ArgumentError, "Tensor.add_: alpha must be a finite number; got '2' (string)", kept),
    r(() => leaf.add_(1), ArgumentError, "Tensor.add_: an in-place op is not recorded for backward, so it may not touch a tensor that requires grad while grad is enabled; got self tensor [2] float32 requiresGrad\nhint: wrap the update in noGrad(() => …) (as optimizers and initializers do), or use the out-of-place op", () => leaf.tolist()),
  ],
  'Tensor.sub_': [r(() => target.sub_(zeros([1, 3]), { beta: 1 } as never), ArgumentError, "Tensor.sub_: unknown option 'beta' (options: alpha)", kept)],
  'Tensor.mul_': [r(() => zeros([2], { dtype: 'int32' }).mul_(0.5), DTypeError, "Tensor.mul_: other must be an integer for an int32 tensor; got other 0.5 and self int32")],
  'Tensor.div_': [r(() => zeros([2], { dtype: 'int32' }).div_(2), DTypeError, "Tensor.div_: self must be a floating-point tensor (true division); got self int32")],
  'Tensor.fill_': [r(() => target.fill_('1' as never), ArgumentError, "Tensor.fill_: value must be a number; got '1' (string)", kept)],
  'Tensor.copy_': [r(() => target.copy_([1, 2, 3] as never), ArgumentError, "Tensor.copy_: src must be a Tensor; got [1, 2, 3] (array)\nhint: make it a tensor first: tensor([1, 2, 3])", kept), r(() => target.copy_(zeros([3, 2])), ShapeError, "Tensor.copy_: shapes cannot be broadcast together; got self [2, 3] and src [3, 2] (dimension -2: 2 vs 3)", kept)],
  'Tensor.add': [...arrayOperand('add', "add: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), r(m('add', '1'), ArgumentError, "add: b must be a Tensor or a number; got '1' (string)"), r(m('add', zeros([4])), ShapeError, "add: shapes cannot be broadcast together; got a [2, 3] and b [4] (dimension -1: 3 vs 4)")],
  'Tensor.sub': arrayOperand('sub', "sub: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.mul': arrayOperand('mul', "mul: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.div': arrayOperand('div', "div: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  'Tensor.pow': arrayOperand('pow', "pow: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.maximum': arrayOperand('maximum', "maximum: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.minimum': arrayOperand('minimum', "minimum: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  'Tensor.eq': arrayOperand('eq', "eq: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.ne': arrayOperand('ne', "ne: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.lt': arrayOperand('lt', "lt: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  'Tensor.le': arrayOperand('le', "le: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.gt': arrayOperand('gt', "gt: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"), 'Tensor.ge': arrayOperand('ge', "ge: b must be a Tensor or a number; got [1, 2] (array)\nhint: make it a tensor first: tensor([1, 2])"),
  'Tensor.matmul': [r(m('matmul', [[1], [2], [3]]), ArgumentError, "matmul: b must be a Tensor; got [[1], [2], [3]] (array)\nhint: make it a tensor first: tensor([[1], [2], [3]])")],
  'Tensor.clamp': [r(m('clamp', '0'), ArgumentError, "clamp: min must be a number (not NaN); got '0' (string)")],
  'Tensor.sum': [r(m('sum', { dim: 1 }), ArgumentError, "sum: dims must be an integer or an array of integers; got { dim: 1 } (object)\nhint: pass the dim itself: x.sum(1)"), r(m('sum', 1, { keepdim: true }), ArgumentError, "sum: keepdim must be true or false; got { keepdim: true } (object)\nhint: keepdim is positional: x.sum(dims, true)")],
  'Tensor.mean': [r(m('mean', { dim: [0, 1] }), ArgumentError, "mean: dims must be an integer or an array of integers; got { dim: [0, 1] } (object)\nhint: pass the dim itself: x.mean([0, 1])")],
  'Tensor.var': [r(m('var', 1, true), ArgumentError, "var: options must be an object; got true (boolean)\nhint: write x.var(dims, { keepdim: true })")],
  'Tensor.max': [r(m('max', '1'), ArgumentError, "max: dims must be an integer or an array of integers; got '1' (string)")],
  'Tensor.min': [r(m('min', 0, null), ArgumentError, "min: keepdim must be true or false; got null")],
  'Tensor.argmax': [r(m('argmax', { dim: 1 }), ArgumentError, "argmax: dim must be an integer; got { dim: 1 } (object)\nhint: pass the dim itself: x.argmax(1)")],
  'Tensor.argmin': [r(m('argmin', 5), ArgumentError, "argmin: dim 5 is out of range for a tensor of rank 2")],
  'Tensor.reshape': [r(m('reshape', 4, 2), ShapeError, "reshape: the new shape must have as many elements as x; got x [2, 3] and shape [4, 2] (6 elements)"), r(m('reshape', '6'), ArgumentError, "reshape: shape must be an array of integers (−1 infers one size); got '6' (string)")],
  'Tensor.view': [r(m('view', [6], 1), ArgumentError, "reshape: shape must be an array of integers (−1 infers one size); got [[6], 1] (array)")],
  'Tensor.flatten': [r(m('flatten', 0, 5), ArgumentError, "flatten: dim 5 is out of range for a tensor of rank 2")],
  'Tensor.unsqueeze': [r(m('unsqueeze'), ArgumentError, "unsqueeze: dim must be an integer; got undefined")],
  'Tensor.squeeze': [r(m('squeeze', 0.5), ArgumentError, "squeeze: dim must be an integer; got 0.5 (number)")],
  'Tensor.permute': [r(m('permute', 0, 2), ArgumentError, "permute: dims must be a permutation of the tensor's axes; got x [2, 3] and dims [0, 2]")],
  'Tensor.transpose': [r(m('transpose', 0), ArgumentError, "transpose: dim1 must be an integer; got undefined")],
  'Tensor.expand': [r(m('expand', 3, 3), ShapeError, "expand: shapes cannot be broadcast together; got x [2, 3] and shape [3, 3] (dimension -2: 2 vs 3)")],
  'Tensor.slice': [r(m('slice', 0, 0, 1, -1), ArgumentError, "slice: step must be a positive integer; got -1 (number)")],
  'Tensor.softmax': [r(m('softmax', 'last'), ArgumentError, "softmax: dim must be an integer; got 'last' (string)")],
  'Tensor.logSoftmax': [r(m('logSoftmax', 2), ArgumentError, "logSoftmax: dim 2 is out of range for a tensor of rank 2")],
  'Tensor.to': [r(m('to', 'cpu'), DTypeError, "cast: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'cpu' (string)\nhint: nabla has no devices: to() converts the dtype; setBackend chooses where new tensors live"), r(m('to', 'float16'), DTypeError, "cast: dtype must be 'float32', 'float64', 'int32' or 'uint8'; got 'float16' (string)\nhint: nabla has no half precision; use 'float32'")],
  'Tensor.requiresGrad_': [
    r(m('requiresGrad_', 'yes'), ArgumentError, "requiresGrad_: on must be true or false; got 'yes' (string)"),
    r(() => tensor([1], { dtype: 'int32' }).requiresGrad_(), DTypeError, "requiresGrad_: only floating-point tensors can require grad; got dtype int32"),
  ],
  'Tensor.backward': [
    r(m('backward'), ArgumentError, "backward: the tensor does not require grad and has no gradFn; got tensor [2, 3]\nhint: set requiresGrad on the inputs (parameters do this) before computing the loss"),
    r(() => tensor([1, 2], { requiresGrad: true }).sum().backward(undefined, { retain_graph: true } as never), ArgumentError, "backward: unknown option 'retain_graph' (options: retainGraph, createGraph)\nhint: did you mean retainGraph?"),
    r(() => tensor([1, 2], { requiresGrad: true }).sum().backward([1] as never), ArgumentError, "backward: options must be an object; got [1] (array)"),
  ],
  'Tensor.item': [r(m('item'), ArgumentError, "item: only a one-element tensor converts to a number; got tensor [2, 3]")],
  'Tensor.toTypedArray': [r(() => disposed().toTypedArray(), MemoryError, "toTypedArray: this tensor was disposed and its memory released; got tensor [2]")],
  'Tensor.tolist': [r(() => disposed().tolist(), MemoryError, "toTypedArray: this tensor was disposed and its memory released; got tensor [2]")],
  'Tensor.dataSync': [r(() => disposed().dataSync(), MemoryError, "toTypedArray: this tensor was disposed and its memory released; got tensor [2]")],
  'Tensor.clone': [r(() => disposed().clone(), MemoryError, "clone: this tensor was disposed and its memory released; got tensor [2]")],
  'Tensor.detach': [r(() => disposed().detach(), MemoryError, "detach: this tensor was disposed and its memory released; got tensor [2]")],
  'Tensor.neg': [r(() => disposed().neg(), MemoryError, "neg: this tensor was disposed and its memory released; got tensor [2]")],
  // x.data is x.detach() (PyTorch's .data); assigning it is refused
  'Tensor.data (setter)': [r(() => { (zeros([1]) as unknown as { data: unknown }).data = [1]; }, ArgumentError, "Tensor.data: cannot be assigned; got [1] (array)\nhint: nabla builds new tensors instead of overwriting data; optimizers and nn.init update parameters in place")],
};

const noArgs = 'takes no arguments (a disposed tensor is refused by every op: rows under Tensor.neg and Tensor.clone)';
export const reasons: Record<string, string> = {
  'Tensor.zero_': noArgs,
  'Tensor.exp': noArgs, 'Tensor.log': noArgs, 'Tensor.sqrt': noArgs, 'Tensor.abs': noArgs,
  'Tensor.sign': noArgs, 'Tensor.reciprocal': noArgs, 'Tensor.relu': noArgs, 'Tensor.sigmoid': noArgs,
  'Tensor.tanh': noArgs, 'Tensor.t': noArgs, 'Tensor.float': noArgs, 'Tensor.double': noArgs, 'Tensor.int': noArgs,
  'Tensor.dispose': 'takes no arguments; disposing twice is a no-op (as documented)',
  'Tensor.toString': 'takes no arguments; prints a disposed tensor as <disposed>',
  'Tensor.describe': 'takes no arguments',
  'Tensor.assertAlive': 'internal liveness check behind every op and read (rows: Tensor.toTypedArray, Tensor.neg)',
  'Tensor.peekGrad': 'internal (autograd engine and zeroGrad)',
  'Tensor.deferGradZero': 'internal (zeroGrad)',
  'Tensor.claimGrad': 'internal (autograd engine)',
  'Tensor.fillPendingZero': 'private',
};
