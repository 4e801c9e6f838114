// tensor()'s data, read and checked element by element: nested arrays (rows may be typed arrays)
// of numbers and booleans. A string, undefined or a ragged row is an error naming its index,
// never a NaN; integer dtypes refuse values they cannot hold instead of wrapping them.

import { badArg, describe } from '../core/check.js';
import { dtypeOfArray, type DType } from '../core/dtype.js';
import { ShapeError } from '../core/errors.js';

type Seq = ArrayLike<unknown>;

function isSeq(x: unknown): x is Seq {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

const where = (path: readonly number[]) => `element [${path.join(', ')}]`;

/** The error for one element that is not a number or boolean. */
function badElement(op: string, path: readonly number[], v: unknown) {
  const isTensor = typeof v === 'object' && v !== null && typeof (v as { describe?: unknown }).describe === 'function';
  return badArg(op, `${where(path)} must be a number`, v,
    isTensor ? 'stack([a, b]) joins tensors; tensor() reads numbers only' : undefined);
}

export interface NestedData {
  shape: number[];
  flat: number[];
  /** The dtype of the rows when every innermost row is a typed array of one dtype, else null. */
  rowsDType: DType | null;
}

/** Reads nested arrays (rectangular, numbers or booleans at the leaves) into a flat list. */
export function readNested(op: string, data: Seq): NestedData {
  const shape: number[] = [];
  let probe: unknown = data;
  while (isSeq(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const flat: number[] = [];
  const path: number[] = [];
  let rowsDType: DType | null | undefined;
  const walk = (x: unknown, dim: number): void => {
    if (dim === shape.length) {
      if (typeof x === 'number') flat.push(x);
      else if (typeof x === 'boolean') flat.push(x ? 1 : 0);
      else if (isSeq(x)) {
        throw new ShapeError(op, `nested arrays must be rectangular: ${where(path)} should be a number`,
          { value: x, got: [[describe(x)]] });
      } else throw badElement(op, path, x);
      return;
    }
    if (!isSeq(x) || x.length !== shape[dim]) {
      const rule = isSeq(x) ? `should have length ${shape[dim]}` : `should be an array of length ${shape[dim]}`;
      throw new ShapeError(op, `nested arrays must be rectangular: ${where(path)} ${rule}`, { value: x, got: [[describe(x)]] });
    }
    if (dim === shape.length - 1) {
      const d = Array.isArray(x) ? null : dtypeOfArray(x as ArrayLike<number>);
      rowsDType = rowsDType === undefined || rowsDType === d ? d : null;
      // the innermost row: numbers copied in a plain loop; anything else is named by walk below
      let i = 0;
      for (; i < x.length; i++) {
        const v = x[i];
        if (typeof v === 'number') flat.push(v);
        else break;
      }
      if (i === x.length) return;
      for (; i < x.length; i++) {
        path.push(i);
        walk(x[i], dim + 1);
        path.pop();
      }
      return;
    }
    for (let i = 0; i < x.length; i++) {
      path.push(i);
      walk(x[i], dim + 1);
      path.pop();
    }
  };
  walk(data, 0);
  return { shape, flat, rowsDType: rowsDType ?? null };
}

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
};

/**
 * Throws unless every value fits integer `dtype` (an integer in its range): int32 would wrap
 * 3e9 to −1294967296 and truncate 1.5. `name(i)` names element i in the message.
 */
export function checkIntValues(op: string, data: ArrayLike<number>, dtype: DType, name: (i: number) => string): void {
  const range = INT_RANGE[dtype];
  if (!range) return;
  if (data instanceof Int32Array && dtype === 'int32') return;
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return;
  const [lo, hi] = range;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(Number.isInteger(v) && v >= lo && v <= hi)) {
      throw badArg(op, `${name(i)} must be an integer in [${lo}, ${hi}] for dtype ${dtype}`, v);
    }
  }
}

/** Element i of a row-major tensor of `shape` as `element [i0, i1, …]`. */
export function elementName(shape: readonly number[]): (i: number) => string {
  return (i) => {
    const idx: number[] = new Array(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = i % shape[d];
      i = Math.floor(i / shape[d]);
    }
    return where(idx);
  };
}
