import { defineOp } from '../autograd/define-op.js';
import { ArgumentError, ShapeError } from '../core/errors.js';
import { normAxis, sizeOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { badArg } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';

interface ReshapeAttrs {
  shape: readonly number[];
}

/** A shape argument that may hold −1 entries (reshape, expand): an array of integers ≥ −1. */
export function checkDims(op: string, v: unknown, arg: string): void {
  let ok = Array.isArray(v);
  if (ok) {
    const a = v as unknown[];
    for (let i = 0; i < a.length; i++) {
      const d = a[i];
      if (typeof d !== 'number' || !Number.isInteger(d) || d < -1) ok = false;
    }
  }
  if (!ok) throw badArg(op, `${arg} must be an array of integers (−1 infers one size)`, v, typeof v === 'number' ? `write ${op}(x, [${v}]) or x.${op}(${v})` : undefined);
}

/** Resolves one −1 entry against the element count, with the op's error on mismatch. */
export function resolveShape(op: string, from: readonly number[], to: readonly number[]): number[] {
  const out = [...to];
  const infer = out.indexOf(-1);
  if (infer >= 0 && out.indexOf(-1, infer + 1) >= 0) {
    throw new ShapeError(op, 'only one dimension can be -1', { got: [['shape', out]] });
  }
  const known = out.reduce((p, d, i) => (i === infer ? p : p * d), 1);
  const n = sizeOf(from);
  if (infer >= 0) out[infer] = known === 0 ? 0 : n / known;
  if (sizeOf(out) !== n || !out.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ShapeError(op, 'the new shape must have as many elements as x', {
      got: [['x', from], ['shape', to]],
      note: `${n} elements`,
    });
  }
  return out;
}

/**
 * Same data, new shape (a view: no copy). One entry may be −1 (concepts §2).
 * Gradient: dx = reshape(dy, x.shape). Matches `torch.reshape`.
 */
export const reshapeOp = defineOp<ReshapeAttrs>({
  name: 'reshape',
  spec: '§2',
  args: ['x'],
  alias: true,
  shape: ([x], a) => ({ shape: resolveShape('reshape', x.shape, a.shape), dtype: x.dtype }),
  forward() {},
  backward: (ctx, dy) => [reshape(dy, ctx.inputs[0].shape)],
});

/** The same data in a new shape; one entry may be −1 (concepts §2). */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  checkDims('reshape', shape, 'shape');
  return reshapeOp.apply([x], { shape });
}

/** Flattens dims startDim..endDim into one (torch.flatten; concepts §2). */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  expectTensor('flatten', 'x', x);
  const r = x.ndim;
  const s = normAxis('flatten', startDim, r, 'startDim');
  const e = normAxis('flatten', endDim, r, 'endDim');
  if (r === 0) return reshape(x, [1]);
  if (s > e) {
    throw new ArgumentError('flatten', 'startDim must not come after endDim', {
      got: [['x', x.shape]], note: `startDim ${startDim}, endDim ${endDim}`,
    });
  }
  const mid = x.shape.slice(s, e + 1).reduce((p, d) => p * d, 1);
  return reshape(x, [...x.shape.slice(0, s), mid, ...x.shape.slice(e + 1)]);
}

/** Inserts a size-1 dim at `dim` (torch.unsqueeze; concepts §2). */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  expectTensor('unsqueeze', 'x', x);
  if (typeof dim !== 'number' || !Number.isInteger(dim)) normAxis('unsqueeze', dim, 0);
  const r = x.ndim + 1;
  if (dim < -r || dim >= r) {
    throw new ArgumentError('unsqueeze', `dim ${dim} is out of range [${-r}, ${r - 1}]`, { got: [['x', x.shape]] });
  }
  const d = dim < 0 ? dim + r : dim;
  const s = [...x.shape];
  s.splice(d, 0, 1);
  return reshape(x, s);
}

/** Removes size-1 dims (all, or only `dim`) (torch.squeeze; concepts §2). */
export function squeeze(x: Tensor, dim?: number): Tensor {
  expectTensor('squeeze', 'x', x);
  if (dim === undefined) return reshape(x, x.shape.filter((d) => d !== 1));
  const d = normAxis('squeeze', dim, x.ndim); // a 0-d tensor takes dim 0 or −1 only
  if (x.ndim === 0) return x;
  return x.shape[d] === 1 ? reshape(x, x.shape.filter((_, i) => i !== d)) : x;
}
