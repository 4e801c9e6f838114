// Pure shape arithmetic: sizes, strides, NumPy broadcasting, axis normalisation.

import { ShapeError, ArgumentError } from './errors.js';
import { badArg, literal } from './check.js';

export type Shape = readonly number[];

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Row-major (C-contiguous) strides, in elements. */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** NumPy broadcasting: align from the right; each pair of dims must be equal or one of them 1. */
export function broadcastShapes(op: string, names: string[], shapes: Shape[]): number[] {
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const out = new Array<number>(rank).fill(1);
  for (let k = 0; k < shapes.length; k++) {
    const s = shapes[k];
    const off = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) {
        out[off + i] = d;
        continue;
      }
      throw new ShapeError(op, 'shapes cannot be broadcast together', {
        got: names.map((n, j) => [n, shapes[j]] as [string, Shape]),
        note: `dimension ${i - s.length}: ${o} vs ${d}`,
      });
    }
  }
  return out;
}

/** Strides to read `shape` as if broadcast to `outShape` (0 on broadcast dims). */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const st = stridesOf(shape);
  const off = outShape.length - shape.length;
  const out = new Array<number>(outShape.length).fill(0);
  for (let i = 0; i < shape.length; i++) out[off + i] = shape[i] === 1 ? 0 : st[i];
  return out;
}

/**
 * Normalises a possibly negative axis against `rank`, with an error naming the op (and `arg`
 * when the axis is not an integer at all). A 0-d tensor takes dim 0 or −1, as if it had rank 1
 * (PyTorch's wrap rule).
 */
export function normAxis(op: string, axis: number, rank: number, arg = 'dim'): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) throw notDim(op, `${arg} must be an integer`, axis);
  const a = axis < 0 ? axis + Math.max(rank, 1) : axis;
  if (a < 0 || a >= Math.max(rank, 1)) {
    throw new ArgumentError(op, `dim ${axis} is out of range for a tensor of rank ${rank}`, {
      dim: axis,
      rank,
    });
  }
  return a;
}

function notDim(op: string, rule: string, v: unknown) {
  // x.sum({ dim: 1 }): PyTorch's keyword habit; dims are positional here
  const d = typeof v === 'object' && v !== null && 'dim' in v ? (v as { dim: unknown }).dim : undefined;
  const hint = typeof d === 'number' || Array.isArray(d) ? `pass the dim itself: x.${op}(${literal(d)})` : undefined;
  return badArg(op, rule, v, hint);
}

/** Normalised, sorted, de-duplicated axes; `undefined` means all axes. */
export function normAxes(op: string, axes: number | readonly number[] | undefined, rank: number) {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => i);
  if (typeof axes !== 'number' && !Array.isArray(axes)) {
    throw notDim(op, 'dims must be an integer or an array of integers', axes);
  }
  const list = typeof axes === 'number' ? [axes] : axes;
  const set = new Set<number>();
  for (const a of list) {
    const n = normAxis(op, a, rank);
    if (set.has(n)) throw new ArgumentError(op, `dim ${a} appears more than once`, { dims: list });
    set.add(n);
  }
  return [...set].sort((x, y) => x - y);
}

/**
 * Merges adjacent dims that are contiguous in every operand, so kernels see the lowest rank
 * possible (a [64, 100] + [64, 100] add becomes one run of 6400).
 */
export function collapseDims(shape: Shape, strides: number[][]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const last = outShape.length - 1;
    if (
      last >= 0 &&
      strides.every((s, k) => outStrides[k][last] === s[i] * shape[i])
    ) {
      outShape[last] *= shape[i];
      strides.forEach((s, k) => (outStrides[k][last] = s[i]));
    } else {
      outShape.push(shape[i]);
      strides.forEach((s, k) => outStrides[k].push(s[i]));
    }
  }
  return { shape: outShape, strides: outStrides };
}
