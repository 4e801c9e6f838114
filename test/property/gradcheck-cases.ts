// Building blocks of the gradcheck table: small random shapes (rank 0–3, sizes 0–3: finite
// differences cost two forward passes per input element), float64 values drawn from an op's
// domain and kept away from its kinks, and the case format the gradcheck property runs.

import fc from 'fast-check';
import type { Tensor } from '../../src/index.js';
import { broadcastShapesArb, shapeArb, sizeOf, type Shape, type ShapeOptions } from './arbitraries.js';

export interface GradInput {
  shape: Shape;
  values: number[];
  /** float: differentiated (default); const: a float input held fixed; int: int32 (indices). */
  kind?: 'float' | 'const' | 'int';
}

export interface GradCase<A = Record<string, unknown>> {
  inputs: GradInput[];
  args: A;
  /** Seed of gradcheck's random upstream gradient dy. */
  dySeed: number;
}

export interface GradEntry<A = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  arb: fc.Arbitrary<GradCase<A>>;
  fn: (xs: Tensor[], args: A) => Tensor;
  /** gradcheck's step, when the default 1e-6 does not apply (the entry says why). */
  eps?: number;
}

/** An op with no gradient; `sample` runs it on inputs that require grad (its output must not). */
export interface NotDifferentiable {
  notDifferentiable: string;
  sample: (x: Tensor) => Tensor;
}

export type GradTable = Record<string, GradEntry | NotDifferentiable>;

export const SMALL: ShapeOptions = { maxRank: 3, maxDim: 3 };
export const small = (o: ShapeOptions = {}) => shapeArb({ ...SMALL, ...o });

/** Uniform in [low, high] (float64, every double reachable; −0 included when low < 0). */
export const within = (low: number, high: number) => fc.double({ min: low, max: high, noNaN: true });
export const smooth = within(-2, 2);
/** |x| in [margin, high]: away from the kink at 0 by far more than the step eps = 1e-6. */
export const awayFromZero = (margin = 0.05, high = 2) =>
  fc.tuple(fc.boolean(), within(margin, high)).map(([neg, m]) => (neg ? -m : m));
/** Grid points (k + offset)/scale plus jitter below half the spacing: two grids never meet. */
export const grid = (offset: number, scale = 5, jitter = 0.02) =>
  fc.tuple(fc.integer({ min: -10, max: 10 }), within(-jitter, jitter)).map(([k, j]) => (k + offset) / scale + j);

export function floats(
  shape: Shape, value: fc.Arbitrary<number> = smooth, kind: GradInput['kind'] = 'float',
): fc.Arbitrary<GradInput> {
  const n = sizeOf(shape);
  return fc.array(value, { minLength: n, maxLength: n }).map((values) => ({ shape: [...shape], values, kind }));
}

/** Distinct values (no ties anywhere in the tensor), at least 0.1 apart. */
export function distinct(shape: Shape): fc.Arbitrary<GradInput> {
  const n = sizeOf(shape);
  return fc.uniqueArray(fc.integer({ min: -200, max: 200 }), { minLength: n, maxLength: n })
    .map((ks) => ({ shape: [...shape], values: ks.map((k) => k / 10) }));
}

export function ints(shape: Shape, low: number, high: number): fc.Arbitrary<GradInput> {
  const n = sizeOf(shape);
  return fc.array(fc.integer({ min: low, max: high - 1 }), { minLength: n, maxLength: n })
    .map((values) => ({ shape: [...shape], values, kind: 'int' as const }));
}

/** A case from its inputs and args, with a random dy seed. */
export function gradCase<A>(inputs: fc.Arbitrary<GradInput[]>, args: fc.Arbitrary<A>): fc.Arbitrary<GradCase<A>> {
  return fc.record({ inputs, args, dySeed: fc.nat() });
}

type NoArgs = Record<string, never>;

export function unary(value: fc.Arbitrary<number> = smooth, o: ShapeOptions = {}): fc.Arbitrary<GradCase<NoArgs>> {
  return gradCase(small(o).chain((s) => fc.tuple(floats(s, value))), fc.constant({}));
}

/** Two operands broadcastable on purpose, each from its own value generator. */
export function binary(a: fc.Arbitrary<number> = smooth, b: fc.Arbitrary<number> = a): fc.Arbitrary<GradCase<NoArgs>> {
  const shapes = broadcastShapesArb(2, SMALL);
  return gradCase(shapes.chain(([sa, sb]) => fc.tuple(floats(sa, a), floats(sb, b))), fc.constant({}));
}

/** A dim of a tensor of `rank` (0-d: 0 or −1), possibly negative. */
export function dimOf(rank: number): fc.Arbitrary<number> {
  const r = Math.max(rank, 1);
  return fc.integer({ min: -r, max: r - 1 });
}

/** A non-empty set of dims in any order (some negative), or undefined for all. */
export function dimsOf(rank: number): fc.Arbitrary<number[] | undefined> {
  if (rank === 0) return fc.constant(undefined);
  const picked = fc.shuffledSubarray([...Array(rank).keys()], { minLength: 1 });
  const negate = fc.array(fc.boolean(), { minLength: rank, maxLength: rank });
  const some = fc.tuple(picked, negate).map(([ds, neg]) => ds.map((d, i) => (neg[i] ? d - rank : d)));
  return fc.option(some, { nil: undefined });
}

/** Normalised dims (undefined: all). */
export function axesOf(dims: number[] | undefined, rank: number): number[] {
  return dims === undefined ? [...Array(rank).keys()] : dims.map((d) => (d < 0 ? d + rank : d));
}
