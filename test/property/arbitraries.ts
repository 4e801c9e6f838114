// Generators for the property tests: shapes (rank 0–5, sizes 0–7), broadcastable pairs drawn on
// purpose (and pairs that are not), values with the IEEE edge cases (±0, subnormals, the largest
// finite values, ±Inf, NaN), and the plain reference index arithmetic the tests compare against.

import fc from 'fast-check';
import { fromArray, type Tensor } from '../../src/index.js';

export type FloatDType = 'float32' | 'float64';
export type Shape = number[];

export const MAX_RANK = 5;
export const MAX_DIM = 7;

/** Unit roundoff u of each dtype: a correctly rounded operation has relative error ≤ u. */
export const UNIT_ROUNDOFF: Record<FloatDType, number> = { float32: 2 ** -24, float64: 2 ** -53 };

export interface ShapeOptions {
  minRank?: number;
  maxRank?: number;
  minDim?: number;
  maxDim?: number;
}

export function shapeArb(o: ShapeOptions = {}): fc.Arbitrary<Shape> {
  const lo = o.minDim ?? 0, hi = o.maxDim ?? MAX_DIM;
  // a zero-size dim in about one shape of six: often enough to test, not so often that most
  // cases hold no elements
  const dim = lo > 0
    ? fc.integer({ min: lo, max: hi })
    : fc.oneof({ arbitrary: fc.integer({ min: 1, max: hi }), weight: 15 }, fc.constant(0));
  return fc.array(dim, {
    minLength: o.minRank ?? 0, maxLength: o.maxRank ?? MAX_RANK, size: 'max',
  });
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/**
 * Broadcastable shapes on purpose: from the output shape, each operand keeps a suffix of its dims
 * (dropping leading ones) and turns some of them into 1.
 */
export function broadcastShapesArb(n: number, o: ShapeOptions = {}): fc.Arbitrary<Shape[]> {
  const maxRank = o.maxRank ?? MAX_RANK;
  // mostly the full rank, and about a third of the dims set to 1
  const drop = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, fc.integer({ min: 1, max: maxRank }));
  const one = fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, fc.constant(true));
  const operand = fc.record({ drop, ones: fc.array(one, { minLength: maxRank, maxLength: maxRank }) });
  return fc.tuple(shapeArb(o), fc.array(operand, { minLength: n, maxLength: n }))
    .map(([out, ops]) => ops.map(({ drop, ones }) => operandOf(out, drop, ones)));
}

export function broadcastPairArb(o: ShapeOptions = {}): fc.Arbitrary<[Shape, Shape]> {
  return broadcastShapesArb(2, o).map(([a, b]) => [a, b]);
}

function operandOf(out: Shape, drop: number, ones: boolean[]): Shape {
  return out.slice(Math.min(drop, out.length)).map((d, i) => (ones[i] ? 1 : d));
}

/**
 * A pair that cannot broadcast, on purpose: a broadcastable pair with one aligned dimension set to
 * two different sizes, neither of them 1.
 */
export function incompatiblePairArb(): fc.Arbitrary<[Shape, Shape]> {
  const notOne = fc.constantFrom(0, 2, 3, 4, 5, 6, 7);
  return fc.record({ pair: broadcastPairArb({ minRank: 1 }), at: fc.nat(), x: notOne, y: notOne, swap: fc.boolean() })
    .filter(({ pair: [a, b], x, y }) => x !== y && a.length > 0 && b.length > 0)
    .map(({ pair: [a, b], at, x, y, swap }) => {
      // both are suffixes of one output shape: the shorter lines up with the end of the longer
      const full = a.length >= b.length ? [...a] : [...b];
      const short = a.length >= b.length ? [...b] : [...a];
      const j = at % short.length;
      full[full.length - short.length + j] = x;
      short[j] = y;
      return (swap ? [short, full] : [full, short]) as [Shape, Shape];
    });
}

/** Any two shapes, drawn independently (mostly not broadcastable). */
export const anyPairArb: fc.Arbitrary<[Shape, Shape]> = fc.tuple(shapeArb(), shapeArb());

/** The NumPy rule, restated: align right, pad with 1s; each pair of dims equal or one of them 1. */
export function broadcastRule(a: readonly number[], b: readonly number[]): Shape | null {
  const rank = Math.max(a.length, b.length);
  const out: Shape = [];
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

const F32_MAX = 3.4028234663852886e38;
const F32_EDGES = [0, -0, NaN, Infinity, -Infinity, 1.401298464324817e-45, -1.401298464324817e-45,
  5.877471754111438e-39, 1.1754943508222875e-38, F32_MAX, -F32_MAX, 1, -1, 0.5, 3];
const F64_EDGES = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e-310, 2.2250738585072014e-308,
  Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 0.5, 3];

/** Every value of the dtype, with the edge cases drawn often. */
export function anyValueArb(dtype: FloatDType): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(dtype === 'float32' ? F32_EDGES : F64_EDGES)), weight: 1 },
    { arbitrary: dtype === 'float32' ? fc.float() : fc.double(), weight: 3 },
    { arbitrary: fc.integer({ min: -64, max: 64 }).map((k) => k / 8), weight: 2 },
  );
}

/**
 * Finite values bounded by `bound` (≤ the dtype's max / 7⁵, so a sum of any tensor here cannot
 * overflow), with ±0, subnormals and values near the bound drawn often.
 */
export function finiteValueArb(dtype: FloatDType, bound = dtype === 'float32' ? 1e33 : 1e300): fc.Arbitrary<number> {
  const max = dtype === 'float32' ? Math.fround(bound) : bound;
  const edges = (dtype === 'float32' ? F32_EDGES : F64_EDGES).filter((v) => Number.isFinite(v) && Math.abs(v) <= max);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...edges, max, -max), weight: 1 },
    { arbitrary: (dtype === 'float32' ? fc.float : fc.double)({ min: -max, max, noNaN: true }), weight: 3 },
    { arbitrary: fc.integer({ min: -64, max: 64 }).map((k) => k / 8), weight: 2 },
  );
}

function factors(d: number): number[] {
  const out: number[] = [];
  for (const p of [2, 3, 5, 7]) while (d % p === 0 && d > 1) (out.push(p), (d /= p));
  return d === 1 ? out : [...out, d]; // 0 stays a factor of its own
}

/** A shape of the same size: x's prime factors shuffled, regrouped, with 1s put in; maybe one −1. */
export function targetArb(shape: Shape): fc.Arbitrary<{ target: number[]; resolved: Shape }> {
  const atoms = shape.flatMap(factors);
  return fc.record({
    order: fc.shuffledSubarray(atoms.map((_, i) => i), { minLength: atoms.length }),
    cuts: fc.array(fc.boolean(), { minLength: atoms.length, maxLength: atoms.length }),
    ones: fc.array(fc.nat(6), { maxLength: 2 }),
    infer: fc.option(fc.nat(6)),
  }).map(({ order, cuts, ones, infer }) => {
    const resolved: number[] = [];
    order.forEach((i, k) => {
      if (k === 0 || cuts[k]) resolved.push(atoms[i]);
      else resolved[resolved.length - 1] *= atoms[i];
    });
    for (const at of ones) resolved.splice(at % (resolved.length + 1), 0, 1);
    const target = [...resolved];
    // −1 is ambiguous when the size is 0 (PyTorch refuses it too)
    if (infer !== null && target.length > 0 && sizeOf(shape) > 0) target[infer % target.length] = -1;
    return { target, resolved };
  });
}

export interface TensorSpec {
  shape: Shape;
  dtype: FloatDType;
  values: number[];
}

/** Values for each shape, drawn from `value(dtype)`. */
export function specsArb(
  shapes: readonly Shape[], dtype: FloatDType, value: (d: FloatDType) => fc.Arbitrary<number>,
): fc.Arbitrary<TensorSpec[]> {
  return fc.tuple(...shapes.map((s) => fc.array(value(dtype), { minLength: sizeOf(s), maxLength: sizeOf(s) })))
    .map((vs) => vs.map((values, i) => ({ shape: [...shapes[i]], dtype, values })));
}

export const dtypeArb: fc.Arbitrary<FloatDType> = fc.constantFrom('float32', 'float64');

export function toTensor(s: TensorSpec, backend: string, requiresGrad = false): Tensor {
  const data = s.dtype === 'float32' ? Float32Array.from(s.values) : Float64Array.from(s.values);
  return fromArray(data, s.shape, { dtype: s.dtype, backend, requiresGrad });
}

/** Row-major strides. */
export function stridesOf(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = acc;
    acc *= shape[i];
  }
  return st;
}

/** The multi-index of flat position `flat` in `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** The flat position in an operand of `inShape` read for output multi-index `idx` (broadcast). */
export function broadcastSource(idx: readonly number[], inShape: readonly number[]): number {
  const off = idx.length - inShape.length;
  let flat = 0;
  for (let j = 0; j < inShape.length; j++) flat = flat * inShape[j] + (inShape[j] === 1 ? 0 : idx[off + j]);
  return flat;
}

/** Equal as IEEE values: NaN matches NaN, and zeros must have the same sign. */
export function sameValue(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}
