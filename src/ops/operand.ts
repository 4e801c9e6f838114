// Helpers shared by the op files: turning numbers into tensors, strides for broadcasting, casts.

import { isFloat, promote, type DType } from '../core/dtype.js';
import { broadcastStrides, collapseDims, stridesOf } from '../core/shape.js';
import type { Backend, Storage, Strided } from '../backend/kernels.js';
import { scalarOn } from '../tensor/create.js';
import { tensorHint } from '../tensor/expect.js';
import { badArg } from '../core/check.js';
import { Tensor } from '../tensor/tensor.js';

/** A tensor, or a number (or boolean, as 1/0) taken as a 0-d tensor, as PyTorch takes Python scalars. */
export type TensorLike = Tensor | number;

/**
 * A number becomes a 0-d tensor on `like`'s backend, in like's dtype (float32 if like is int32 and
 * x is not an integer). Anything else (a plain array: torch.add(x, [1, 2]) is an error in PyTorch
 * too) is an error naming `op` and `arg`, never a NaN.
 */
export function asTensor(x: TensorLike, like: Tensor, op = 'op', arg = 'b'): Tensor {
  if (x instanceof Tensor) return x;
  let v: number = x;
  if (typeof v !== 'number') {
    if (typeof v !== 'boolean') throw notOperand(op, arg, v);
    v = v ? 1 : 0;
  }
  const dtype: DType = !isFloat(like.dtype) && !Number.isInteger(v) ? 'float32' : like.dtype;
  return scalarOn(v, dtype, like.backend);
}

function notOperand(op: string, arg: string, v: unknown) {
  return badArg(op, `${arg} must be a Tensor or a number`, v, tensorHint(v));
}

/** The pair (a, b) as tensors, numbers converted against the other operand. */
export function asPair(a: TensorLike, b: TensorLike, op = 'op'): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, b instanceof Tensor ? b : asTensor(b, a, op, 'b')];
  if (b instanceof Tensor) return [asTensor(a, b, op, 'a'), b];
  if (typeof a !== 'number' && typeof a !== 'boolean') throw notOperand(op, 'a', a);
  const ta = scalarOn(Number(a), 'float32', defaultBackendOf());
  return [ta, asTensor(b, ta, op, 'b')];
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
