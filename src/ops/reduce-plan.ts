// How a reduction over arbitrary axes maps onto the [outer, r, inner] reduce kernel: contiguous
// axes reduce in place; scattered axes are first moved to the end by a permute.

import { normAxes, type Shape } from '../core/shape.js';

export interface ReducePlan {
  axes: number[];
  /** Output shape with keepdim (reduced dims set to 1) and without. */
  keptShape: number[];
  outShape: number[];
  /** Permutation to apply first, or null when the axes are one contiguous block. */
  perm: number[] | null;
  outer: number;
  r: number;
  inner: number;
}

export function planReduce(op: string, shape: Shape, dims: number | readonly number[] | undefined, keepdim: boolean): ReducePlan {
  const axes = normAxes(op, dims, shape.length);
  const keptShape = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outShape = keepdim ? keptShape : shape.filter((_, i) => !axes.includes(i));
  const contiguous = axes.length === 0 || axes[axes.length - 1] - axes[0] === axes.length - 1;
  let outer = 1, r = 1, inner = 1;
  let perm: number[] | null = null;
  if (contiguous) {
    shape.forEach((d, i) => {
      if (axes.length > 0 && i < axes[0]) outer *= d;
      else if (axes.includes(i)) r *= d;
      else inner *= d;
    });
    if (axes.length === 0) {
      outer = shape.reduce((p, d) => p * d, 1);
      inner = 1;
    }
  } else {
    perm = [...shape.keys()].filter((i) => !axes.includes(i)).concat(axes);
    shape.forEach((d, i) => (axes.includes(i) ? (r *= d) : (outer *= d)));
  }
  return { axes, keptShape, outShape, perm, outer, r, inner };
}
