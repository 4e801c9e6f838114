// Tensor methods mirror the functional ops (STYLE §3.4): each forwards to the one definition.

import type { DType } from '../core/dtype.js';
import { badArg, checkBool, checkGradDType, checkOptions } from '../core/check.js';
import { Tensor } from '../tensor/tensor.js';
import { backward, type BackwardOptions } from '../autograd/engine.js';
import type { TensorLike } from './operand.js';
import { add } from './add.js';
import { sub } from './sub.js';
import { mul } from './mul.js';
import { div } from './div.js';
import { pow } from './pow.js';
import { maximum } from './maximum.js';
import { minimum } from './minimum.js';
import { eq, ne, lt, le, gt, ge } from './compare.js';
import { neg } from './neg.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { sqrt } from './sqrt.js';
import { abs } from './abs.js';
import { sign } from './sign.js';
import { reciprocal } from './reciprocal.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { tanh } from './tanh.js';
import { clamp } from './clamp.js';
import { sum } from './sum.js';
import { mean } from './mean.js';
import { variance } from './var.js';
import { max, min } from './max.js';
import { argmax, argmin } from './argmax.js';
import { reshape, flatten, unsqueeze, squeeze } from './reshape.js';
import { permute, transpose, t } from './permute.js';
import { expand } from './expand.js';
import { slice } from './slice.js';
import { matmul } from './matmul.js';
import { softmax, logSoftmax } from './softmax.js';
import { cast } from './cast.js';
import { clone, detach } from './clone.js';
import { add_, copy_, div_, fill_, mul_, sub_ } from './inplace.js';

type Dims = number | readonly number[];

/** x.reshape(3, 4) as x.reshape([3, 4]): a number first means the sizes are separate arguments. */
function sizes(first: readonly number[] | number, more: number[]): readonly number[] {
  return typeof first === 'number' ? [first, ...more] : more.length === 0 ? first : [first as unknown as number, ...more];
}

declare module '../tensor/tensor.js' {
  interface Tensor {
    add(b: TensorLike): Tensor;
    sub(b: TensorLike): Tensor;
    mul(b: TensorLike): Tensor;
    div(b: TensorLike): Tensor;
    pow(b: TensorLike): Tensor;
    maximum(b: TensorLike): Tensor;
    minimum(b: TensorLike): Tensor;
    eq(b: TensorLike): Tensor;
    ne(b: TensorLike): Tensor;
    lt(b: TensorLike): Tensor;
    le(b: TensorLike): Tensor;
    gt(b: TensorLike): Tensor;
    ge(b: TensorLike): Tensor;
    neg(): Tensor;
    exp(): Tensor;
    log(): Tensor;
    sqrt(): Tensor;
    abs(): Tensor;
    sign(): Tensor;
    reciprocal(): Tensor;
    relu(): Tensor;
    sigmoid(): Tensor;
    tanh(): Tensor;
    clamp(min?: number, max?: number): Tensor;
    sum(dims?: Dims, keepdim?: boolean): Tensor;
    mean(dims?: Dims, keepdim?: boolean): Tensor;
    var(dims?: Dims, opts?: { correction?: number; keepdim?: boolean }): Tensor;
    max(dims?: Dims, keepdim?: boolean): Tensor;
    min(dims?: Dims, keepdim?: boolean): Tensor;
    argmax(dim?: number, keepdim?: boolean): Tensor;
    argmin(dim?: number, keepdim?: boolean): Tensor;
    /** The same data in a new shape; sizes may be separate, as PyTorch's: x.reshape(3, 4). */
    reshape(shape: readonly number[]): Tensor;
    reshape(...sizes: number[]): Tensor;
    view(shape: readonly number[]): Tensor;
    view(...sizes: number[]): Tensor;
    flatten(startDim?: number, endDim?: number): Tensor;
    unsqueeze(dim: number): Tensor;
    squeeze(dim?: number): Tensor;
    permute(dims: readonly number[]): Tensor;
    permute(...dims: number[]): Tensor;
    transpose(dim0: number, dim1: number): Tensor;
    t(): Tensor;
    readonly T: Tensor;
    expand(shape: readonly number[]): Tensor;
    expand(...sizes: number[]): Tensor;
    slice(dim: number, start?: number, end?: number, step?: number): Tensor;
    matmul(b: Tensor): Tensor;
    softmax(dim?: number): Tensor;
    logSoftmax(dim?: number): Tensor;
    to(dtype: DType): Tensor;
    float(): Tensor;
    double(): Tensor;
    int(): Tensor;
    clone(): Tensor;
    detach(): Tensor;
    /**
     * The same data cut from the graph, as PyTorch's `.data` (x.detach()); the values themselves
     * are `x.tolist()` or `x.toTypedArray()`.
     */
    readonly data: Tensor;
    /** self += alpha·other in place, other broadcast to self's shape; returns this (ops/inplace.ts). */
    add_(other: TensorLike, opts?: { alpha?: number }): Tensor;
    /** self −= alpha·other in place; returns this. */
    sub_(other: TensorLike, opts?: { alpha?: number }): Tensor;
    /** self ·= other in place; returns this. */
    mul_(other: TensorLike): Tensor;
    /** self /= other in place (float self); returns this. */
    div_(other: TensorLike): Tensor;
    /** Every element set to `value`; returns this. */
    fill_(value: number): Tensor;
    /** Every element set to 0; returns this. */
    zero_(): Tensor;
    /** Values copied from src (broadcast, converted, from any backend); returns this. */
    copy_(src: Tensor): Tensor;
    /** Sets requiresGrad in place and returns this (torch.Tensor.requires_grad_). */
    requiresGrad_(on?: boolean): Tensor;
    /** Backpropagates from this tensor into every leaf that requires grad. */
    backward(gradient?: Tensor, opts?: Omit<BackwardOptions, 'gradient'>): void;
    backward(opts: BackwardOptions): void;
  }
}

const P = Tensor.prototype;
P.add = function (b) { return add(this, b); };
P.sub = function (b) { return sub(this, b); };
P.mul = function (b) { return mul(this, b); };
P.div = function (b) { return div(this, b); };
P.pow = function (b) { return pow(this, b); };
P.maximum = function (b) { return maximum(this, b); };
P.minimum = function (b) { return minimum(this, b); };
P.eq = function (b) { return eq(this, b); };
P.ne = function (b) { return ne(this, b); };
P.lt = function (b) { return lt(this, b); };
P.le = function (b) { return le(this, b); };
P.gt = function (b) { return gt(this, b); };
P.ge = function (b) { return ge(this, b); };
P.neg = function () { return neg(this); };
P.exp = function () { return exp(this); };
P.log = function () { return log(this); };
P.sqrt = function () { return sqrt(this); };
P.abs = function () { return abs(this); };
P.sign = function () { return sign(this); };
P.reciprocal = function () { return reciprocal(this); };
P.relu = function () { return relu(this); };
P.sigmoid = function () { return sigmoid(this); };
P.tanh = function () { return tanh(this); };
P.clamp = function (lo, hi) { return clamp(this, lo, hi); };
P.sum = function (d, k) { return sum(this, d, k); };
P.mean = function (d, k) { return mean(this, d, k); };
P.var = function (d, o) { return variance(this, d, o); };
P.max = function (d, k) { return max(this, d, k); };
P.min = function (d, k) { return min(this, d, k); };
P.argmax = function (d, k) { return argmax(this, d, k); };
P.argmin = function (d, k) { return argmin(this, d, k); };
P.reshape = function (s: readonly number[] | number, ...more: number[]) { return reshape(this, sizes(s, more)); };
P.view = function (s: readonly number[] | number, ...more: number[]) { return reshape(this, sizes(s, more)); };
P.flatten = function (a, b) { return flatten(this, a, b); };
P.unsqueeze = function (d) { return unsqueeze(this, d); };
P.squeeze = function (d) { return squeeze(this, d); };
P.permute = function (d: readonly number[] | number, ...more: number[]) { return permute(this, sizes(d, more)); };
P.transpose = function (a, b) { return transpose(this, a, b); };
P.t = function () { return t(this); };
Object.defineProperty(P, 'T', { get(this: Tensor) { return t(this); } });
P.expand = function (s: readonly number[] | number, ...more: number[]) { return expand(this, sizes(s, more)); };
P.slice = function (d, a, b, s) { return slice(this, d, a, b, s); };
P.matmul = function (b) { return matmul(this, b); };
P.softmax = function (d) { return softmax(this, d); };
P.logSoftmax = function (d) { return logSoftmax(this, d); };
P.to = function (d) { return cast(this, d); };
P.float = function () { return cast(this, 'float32'); };
P.double = function () { return cast(this, 'float64'); };
P.int = function () { return cast(this, 'int32'); };
P.clone = function () { return clone(this); };
P.detach = function () { return detach(this); };
Object.defineProperty(P, 'data', {
  get(this: Tensor) { return detach(this); },
  set(this: Tensor, v: unknown) {
    throw badArg('Tensor.data', 'cannot be assigned', v, 'nabla builds new tensors instead of overwriting data; optimizers and nn.init update parameters in place');
  },
});
P.add_ = function (b, o) { return add_(this, b, o); };
P.sub_ = function (b, o) { return sub_(this, b, o); };
P.mul_ = function (b) { return mul_(this, b); };
P.div_ = function (b) { return div_(this, b); };
P.fill_ = function (v) { return fill_(this, v); };
P.zero_ = function () { return fill_(this, 0); };
P.copy_ = function (s) { return copy_(this, s); };
P.requiresGrad_ = function (on = true) {
  checkBool('requiresGrad_', 'on', on);
  if (on) checkGradDType('requiresGrad_', this.dtype);
  this.requiresGrad = on;
  return this;
};
P.backward = function (gradient?: Tensor | BackwardOptions, opts?: Omit<BackwardOptions, 'gradient'>) {
  // x.backward({ retainGraph: true }): the options alone, gradient among them, also work
  if (opts === undefined && gradient !== undefined && !(gradient instanceof Tensor) && typeof gradient === 'object' && gradient !== null) {
    backward(this, gradient as BackwardOptions);
    return;
  }
  const o = checkOptions('backward', opts, ['retainGraph', 'createGraph']);
  backward(this, { ...o, gradient: gradient as Tensor | undefined });
};
