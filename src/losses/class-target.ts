// Class-index targets shared by nllLoss, crossEntropy and the margin losses (concepts §4): the
// shape and range rules of input [N, C, d1, …] / target [N, d1, …], the class weight, and the
// weighted pick −Σ_c M[n, c, …]·x[n, c, …] that the losses reduce as PyTorch does.

import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import { checkInt, checkNumber } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from '../ops/elementwise.js';
import { fromArray } from '../tensor/create.js';
import type { Tensor } from '../tensor/tensor.js';
import { mul } from '../ops/mul.js';
import { sum } from '../ops/sum.js';
import { neg } from '../ops/neg.js';
import { div } from '../ops/div.js';
import type { Reduction } from './reduction.js';

/** The class-index layout of `input`: C classes, `inner` = d1·…·dk positions per sample. */
export interface ClassLayout {
  /** Batch size (1 for an unbatched [C] input). */
  n: number;
  c: number;
  inner: number;
  /** The class axis of `input`: 1, or 0 for an unbatched [C] input. */
  axis: number;
}

/** input [N, C, d1, …] or [C] (float): its layout, or the error naming the op. */
export function classLayout(op: string, input: Tensor, what = 'scores'): ClassLayout {
  requireFloat(op, input, 'input');
  if (input.ndim === 0) {
    throw new ShapeError(op, `input must be [N, C, d1, …] or [C] ${what}`, { got: [['input', input.shape]] });
  }
  if (input.ndim === 1) return { n: 1, c: input.shape[0], inner: 1, axis: 0 };
  let inner = 1;
  for (let i = 2; i < input.ndim; i++) inner *= input.shape[i];
  return { n: input.shape[0], c: input.shape[1], inner, axis: 1 };
}

/** `input`'s shape without its class axis: what a class-index target must be. */
export function targetShapeOf(input: Tensor): number[] {
  return input.ndim === 1 ? [] : [input.shape[0], ...input.shape.slice(2)];
}

/**
 * An int32 class-index target of `input`'s layout, every value in [0, C) or equal to
 * `ignoreIndex` (null: none allowed): its values, read once.
 */
export function classTargets(
  op: string, input: Tensor, target: Tensor, layout: ClassLayout, ignoreIndex: number | null, dtypeHint?: string,
): Int32Array {
  if (target.dtype !== 'int32') {
    throw new DTypeError(op, 'class-index targets must be int32', { got: [['target', target.dtype]] },
      dtypeHint ?? "cast them first: cast(target, 'int32')");
  }
  const want = targetShapeOf(input);
  if (target.ndim !== want.length || target.shape.some((d, i) => d !== want[i])) {
    const rule = input.ndim === 1 ? 'target must be a scalar class index for an unbatched input [C]'
      : `target must be input's shape without the class axis 1, ${fmt(want)}`;
    throw new ShapeError(op, rule, { got: [['input', input.shape], ['target', target.shape]] });
  }
  const labels = target.toTypedArray() as Int32Array;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if ((v >= 0 && v < layout.c) || v === ignoreIndex) continue;
    const range = layout.c === 0 ? 'class indices (input has no classes)' : `class indices in [0, ${layout.c - 1}]`;
    const ignore = ignoreIndex === null ? '' : ` or ignoreIndex ${ignoreIndex}`;
    throw new ArgumentError(op, `target must hold ${range}${ignore}`, { got: [[`target${at(i, target.shape)} = ${v}`]] });
  }
  return labels;
}

/** An optional class weight: a float tensor [C]; its values (as numbers), or null. */
export function classWeight(op: string, weight: Tensor | undefined, c: number): Float64Array | null {
  if (weight === undefined) return null;
  if (weight.ndim !== 1 || weight.shape[0] !== c) {
    throw new ShapeError(op, `weight must be [C] = [${c}], one value per class`, { got: [['weight', weight.shape]] });
  }
  return Float64Array.from(weight.toTypedArray());
}

/** The options shared by the class-index losses, checked (types only; ranges need the input). */
export function checkClassOptions(op: string, o: { weight?: unknown; ignoreIndex?: unknown; labelSmoothing?: unknown }) {
  if (o.weight !== undefined) {
    const w = expectTensor(op, 'weight', o.weight);
    requireFloat(op, w, 'weight');
  }
  if (o.ignoreIndex !== undefined) checkInt(op, 'ignoreIndex', o.ignoreIndex);
  if (o.labelSmoothing !== undefined) checkNumber(op, 'labelSmoothing', o.labelSmoothing, { min: 0, max: 1 });
}

/**
 * ℓ[n, …] = −Σ_c M[n, c, …]·x[n, c, …] with the constant M = (1 − ε)·w_y·[c = y] + (ε/C)·w_c
 * (0 where y = ignoreIndex), reduced: 'mean' divides the sum by Σ w_y over the targets not
 * ignored (PyTorch's weighted mean), 'sum' sums, 'none' keeps ℓ. With ε = 0 this is nllLoss.
 */
export function classIndexLoss(
  x: Tensor, labels: Int32Array, layout: ClassLayout,
  o: { weight: Float64Array | null; ignoreIndex: number; labelSmoothing: number; reduction: Reduction },
): Tensor {
  const { n, c, inner } = layout;
  const eps = o.labelSmoothing;
  const m = new Float64Array(n * c * inner);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < inner; s++) {
      const y = labels[i * inner + s];
      if (y === o.ignoreIndex) continue;
      const wy = o.weight ? o.weight[y] : 1;
      total += wy;
      const base = i * c * inner + s;
      if (eps > 0) for (let k = 0; k < c; k++) m[base + k * inner] = (eps / c) * (o.weight ? o.weight[k] : 1);
      m[base + y * inner] += (1 - eps) * wy;
    }
  }
  const mask = fromArray(m, x.shape, { dtype: x.dtype, backend: x.backend.name });
  const per = neg(sum(mul(x, mask), layout.axis));
  if (o.reduction === 'none') return per;
  return o.reduction === 'sum' ? sum(per) : div(sum(per), total);
}

function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** `[i, j, …]` of flat index `flat` in `shape` ('' for a scalar). */
function at(flat: number, shape: readonly number[]): string {
  if (shape.length === 0) return '';
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return fmt(idx);
}
