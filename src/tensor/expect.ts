// Tensor arguments of public functions (docs/design.md §7): `op: x must be a Tensor; got …`, with a
// hint that converts the array or number the user passed.

import { badArg, literal } from '../core/check.js';
import { Tensor } from './tensor.js';

/** `tensor([1, 2])` when the literal is short and whole, else `tensor(data)`. */
export function tensorHint(v: unknown, extra = ''): string | undefined {
  if (typeof v !== 'number' && typeof v !== 'boolean' && !Array.isArray(v) && !ArrayBuffer.isView(v)) return undefined;
  const lit = literal(v, 8);
  const code = lit.length <= 40 && !lit.includes('…') && !ArrayBuffer.isView(v) ? lit : 'data';
  return `make it a tensor first: tensor(${code}${extra})`;
}

/** The error for a value that should have been a tensor. */
export function notTensor(op: string, arg: string, v: unknown, hint = tensorHint(v)) {
  return badArg(op, `${arg} must be a Tensor`, v, hint);
}

/** `v` as a Tensor, or the error naming `op` and `arg`. */
export function expectTensor(op: string, arg: string, v: unknown, hint?: string): Tensor {
  if (!(v instanceof Tensor)) throw notTensor(op, arg, v, hint ?? tensorHint(v));
  return v;
}

/** A non-empty array of Tensors (cat, stack); element errors name `arg[i]`. */
export function expectTensorList(op: string, arg: string, v: unknown): Tensor[] {
  if (!Array.isArray(v)) {
    throw badArg(op, `${arg} must be an array of Tensors`, v,
      v instanceof Tensor ? `wrap it in an array: ${op}([x, y])` : undefined);
  }
  if (v.length === 0) throw badArg(op, `${arg} must hold at least one Tensor`, v);
  v.forEach((t, i) => expectTensor(op, `${arg}[${i}]`, t));
  return v;
}
