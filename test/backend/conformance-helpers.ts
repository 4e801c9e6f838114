// Helpers of the backend conformance suite: seeded data with edge values, storages on both the
// backend under test and the js reference, and the tolerance check.

import assert from 'node:assert/strict';
import { arrayFor, type DType, type TypedArray } from '../../src/core/dtype.js';
import type { Backend, Storage, Strided } from '../../src/backend/kernels.js';
import { jsBackend } from '../../src/backend/js/js-backend.js';

/**
 * A tolerance: |got − want| ≤ atol + rtol·|want|; with `zeroSign`, a zero must also have the
 * sign of the reference's (tanh(−0) = −0, as in PyTorch).
 */
export interface Tol {
  rtol: number;
  atol: number;
  zeroSign?: boolean;
}
/** Tolerances (STYLE §3.7): float32 atol 1e-6, rtol 1e-5; matmul rtol 1e-4. */
export const TOL: Tol = { rtol: 1e-5, atol: 1e-6 };
export const MATMUL_TOL: Tol = { rtol: 1e-4, atol: 1e-5 };

export const SIZES = [0, 1, 3, 17, 33, 65, 127, 1000];
export const SHAPES: number[][] = [[], [1], [0, 3], [7], [33, 17, 65], [67, 100, 300]];

let seed = 12345;
/**
 * Restarts the generator. The suite reseeds before every case, so each backend configuration
 * gets the same data (with one stream per file, a case's data depended on the cases before it,
 * and a bug could fail in one configuration and pass in the next by luck).
 */
export function reseed(s: number): void {
  seed = s >>> 0;
}
/** Deterministic uniform numbers in [lo, hi) (LCG; the suite must not depend on Math.random). */
export function rand(lo = -3, hi = 3): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return lo + ((seed >>> 8) / 16777216) * (hi - lo);
}

/** n values in [lo, hi); with `edges`, a few positions hold NaN, ±Inf, 0 and −0. */
export function data(n: number, dtype: DType = 'float32', opts: { lo?: number; hi?: number; edges?: boolean } = {}): TypedArray {
  const a = arrayFor(dtype, n);
  for (let i = 0; i < n; i++) {
    a[i] = dtype === 'int32' ? Math.floor(rand(-50, 50)) : dtype === 'uint8' ? Math.floor(rand(0, 256)) : rand(opts.lo, opts.hi);
  }
  if (opts.edges && (dtype === 'float32' || dtype === 'float64')) {
    const e = [NaN, Infinity, -Infinity, 0, -0];
    for (let i = 0; i < e.length && i * 7 < n; i++) a[(i * 7 + 3) % n] = e[i];
  }
  return a;
}

export interface Pair {
  js: Storage;
  b: Storage;
}
/** The same contents on the reference and on the backend under test. */
export function pair(backend: Backend, a: TypedArray, dtype?: DType): Pair {
  return { js: jsBackend.fromArray(a, dtype), b: backend.fromArray(a, dtype) };
}
export function out(backend: Backend, dtype: DType, n: number): Pair {
  const p = { js: jsBackend.alloc(dtype, n), b: backend.alloc(dtype, n) };
  jsBackend.fill(p.js, 7);
  backend.fill(p.b, 7);
  return p;
}
export function strided(p: Pair, strides: readonly number[], offset = 0): { js: Strided; b: Strided } {
  return { js: { s: p.js, offset, strides }, b: { s: p.b, offset, strides } };
}

function close(g: number, w: number, tol: Tol): boolean {
  if (Number.isNaN(w)) return Number.isNaN(g);
  if (!Number.isFinite(w)) return g === w;
  if (tol.zeroSign && w === 0 && g === 0) return Object.is(g, w);
  return Math.abs(g - w) <= tol.atol + tol.rtol * Math.abs(w);
}

/** Asserts the backend's output equals the reference within tolerance (NaN = NaN, ±Inf exact). */
export function expectClose(backend: Backend, p: Pair, what: string, tol: Tol = TOL): void {
  const want = jsBackend.read(p.js);
  const got = backend.read(p.b);
  assert.equal(got.length, want.length, `${what}: length`);
  assert.equal(got.constructor, want.constructor, `${what}: dtype`);
  for (let i = 0; i < want.length; i++) {
    if (!close(got[i], want[i], tol)) {
      const show = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
      assert.fail(`${what}: element ${i} of ${want.length}: got ${show(got[i])}, want ${show(want[i])}`);
    }
  }
}
