// Helpers shared by the op files: turning numbers into tensors, strides for broadcasting, casts.

import { isFloat, promote, type DType } from '../core/dtype.js';
import { broadcastStrides, collapseDims, stridesOf } from '../core/shape.js';
import type { Backend, Storage, Strided } from '../backend/kernels.js';
import { scalarOn } from '../tensor/create.js';
import { Tensor } from '../tensor/tensor.js';

export type TensorLike = Tensor | number;

/** A number becomes a 0-d tensor on `like`'s backend, in like's dtype (float32 if like is int32 and x is not an integer). */
export function asTensor(x: TensorLike, like: Tensor): Tensor {
  if (x instanceof Tensor) return x;
  const dtype: DType = !isFloat(like.dtype) && !Number.isInteger(x) ? 'float32' : like.dtype;
  return scalarOn(x, dtype, like.backend);
}

/** The pair (a, b) as tensors, numbers converted against the other operand. */
export function asPair(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, asTensor(b, a)];
  if (b instanceof Tensor) return [asTensor(a, b), b];
  const ta = scalarOn(a, 'float32', defaultBackendOf());
  return [ta, asTensor(b, ta)];
}

let defaultBackendOf: () => Backend = () => {
  throw new Error('unreachable');
};
export function setDefaultBackendResolver(f: () => Backend) {
  defaultBackendOf = f;
}

/** A storage of `t` converted to `dtype` (a new storage when the dtype differs). */
export function storageAs(k: Backend, t: Tensor, dtype: DType): Storage {
  if (t.dtype === dtype) return t.storage;
  const s = k.alloc(dtype, t.size);
  k.cast(t.storage, s);
  return s;
}

const UNIT: readonly number[] = [1];
const EMPTY: readonly number[] = [];
const EMPTY_SHAPE: number[] = [];

/** Operands of an element-wise kernel: broadcast strides against `outShape`, dims collapsed. */
export function broadcastOperands(
  k: Backend,
  inputs: readonly Tensor[],
  outShape: readonly number[],
  dtype: DType | readonly (DType | null)[],
): { ops: Strided[]; shape: number[] } {
  // fast path: every operand already has the output's size (same shape): one contiguous run
  let n = 1;
  for (let i = 0; i < outShape.length; i++) n *= outShape[i];
  let same = true;
  for (let i = 0; i < inputs.length; i++) if (inputs[i].size !== n || inputs[i].shape.length !== outShape.length) same = false;
  if (same) {
    const ops = new Array<Strided>(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i];
      const d = typeof dtype === 'string' ? dtype : (dtype[i] ?? t.dtype);
      ops[i] = { s: t.dtype === d ? t.storage : storageAs(k, t, d), offset: 0, strides: n === 1 ? EMPTY : UNIT };
    }
    return { ops, shape: n === 1 ? EMPTY_SHAPE : [n] };
  }
  const strides = inputs.map((t) => broadcastStrides(t.shape, outShape));
  strides.push(stridesOf(outShape));
  const c = collapseDims(outShape, strides);
  const ops = inputs.map((t, i) => {
    const d = typeof dtype === 'string' ? dtype : (dtype[i] ?? t.dtype);
    return { s: storageAs(k, t, d), offset: 0, strides: c.strides[i] };
  });
  return { ops, shape: c.shape };
}

export function promoteAll(inputs: readonly { dtype: DType }[]): DType {
  let d = inputs[0].dtype;
  for (let i = 1; i < inputs.length; i++) d = promote(d, inputs[i].dtype);
  return d;
}
