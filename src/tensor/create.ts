// Creating tensors: from data, constants, ranges and the seeded random generator.

import { arrayFor, DEFAULT_DTYPE, dtypeOfArray, type DType, type TypedArray } from '../core/dtype.js';
import { ArgumentError, formatShape } from '../core/errors.js';
import { globalRng, type Rng } from '../core/rng.js';
import { sizeOf } from '../core/shape.js';
import { getBackend } from '../backend/registry.js';
import type { Backend } from '../backend/kernels.js';
import { Tensor } from './tensor.js';
import { trackAlloc } from './alloc-scope.js';

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
  /** Backend name; the current default when omitted. */
  backend?: string;
  /**
   * The tensor will live long (a dataset, a constant table): the wasm backend pins it rather than
   * treating it as a temporary it may evict (docs/design.md §3). Released when unreachable.
   */
  longLived?: boolean;
}

export interface RandomOptions extends CreateOptions {
  /** Generator to draw from; the global one (see manualSeed) when omitted. */
  rng?: Rng;
}

export type NestedArray = number | boolean | readonly NestedArray[];

function finish(t: Tensor, opts: CreateOptions | undefined): Tensor {
  if (opts?.requiresGrad) t.requiresGrad = true;
  if (opts?.longLived) {
    t.longLived = true;
    t.backend.pin(t.storage);
  }
  return t;
}

function checkShape(op: string, shape: readonly number[]): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ArgumentError(op, 'shape entries must be non-negative integers', {
        got: [['shape', `[${shape.join(', ')}]`]],
      });
    }
  }
}

/** Wraps an existing storage-ready typed array (copied) as a tensor of `shape` (SPEC §2). */
export function fromArray(data: ArrayLike<number>, shape: readonly number[], opts?: CreateOptions): Tensor {
  checkShape('fromArray', shape);
  const n = sizeOf(shape);
  if (data.length !== n) {
    throw new ArgumentError('fromArray', `data length must equal the shape's size ${n}`, {
      got: [['shape', shape]],
      note: `data has ${data.length} elements`,
    });
  }
  const dtype = opts?.dtype ?? (ArrayBuffer.isView(data) ? dtypeOfArray(data) : DEFAULT_DTYPE);
  const b = getBackend(opts?.backend);
  // a typed array of any element type converts inside the backend's copy (no intermediate array)
  const arr = ArrayBuffer.isView(data) ? (data as TypedArray) : toArray(dtype, data);
  return finish(new Tensor(b.fromArray(arr, dtype, 'fromArray'), [...shape], b), opts);
}

function toArray(dtype: DType, data: ArrayLike<number>): TypedArray {
  const a = arrayFor(dtype, data.length);
  for (let i = 0; i < data.length; i++) a[i] = Number(data[i]);
  return a;
}

/**
 * Like torch.tensor: nested arrays (or a number) to a tensor, shape inferred (SPEC §2).
 * The dtype is `opts.dtype`, else a Float64Array's, Int32Array's or Uint8Array's own, else float32.
 * @example
 * tensor([[1, 2, 3], [4, 5, 6]]).shape // [2, 3]
 * tensor(3.5).item() // 3.5
 * tensor([1, 2], { dtype: 'int32' }).dtype // 'int32'
 */
export function tensor(data: NestedArray | TypedArray, opts?: CreateOptions): Tensor {
  if (ArrayBuffer.isView(data)) return fromArray(data as TypedArray, [(data as TypedArray).length], opts);
  const shape: number[] = [];
  let probe: NestedArray = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat: number[] = [];
  const walk = (x: NestedArray, dim: number) => {
    if (dim === shape.length) {
      if (Array.isArray(x)) throw ragged(shape);
      flat.push(Number(x));
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[dim]) throw ragged(shape);
    for (const y of x) walk(y, dim + 1);
  };
  walk(data, 0);
  return fromArray(flat, shape, opts);
}

function ragged(shape: number[]) {
  return new ArgumentError('tensor', 'nested arrays must be rectangular', {
    note: `expected every row to follow ${formatShape(shape)}`,
  });
}

/** A tensor of `shape` filled with `value` (torch.full; SPEC §2). */
export function full(shape: readonly number[], value: number, opts?: CreateOptions): Tensor {
  return filled('full', shape, value, opts);
}

/** full, with errors naming `op` (the function the user called). */
function filled(op: string, shape: readonly number[], value: number, opts?: CreateOptions): Tensor {
  checkShape(op, shape);
  const b = getBackend(opts?.backend);
  const s = b.alloc(opts?.dtype ?? DEFAULT_DTYPE, sizeOf(shape), op);
  b.fill(s, value);
  return finish(new Tensor(s, [...shape], b), opts);
}

/** A tensor of `shape` filled with 0 (torch.zeros; SPEC §2). */
export const zeros = (shape: readonly number[], opts?: CreateOptions) => filled('zeros', shape, 0, opts);
/** A tensor of `shape` filled with 1 (torch.ones; SPEC §2). */
export const ones = (shape: readonly number[], opts?: CreateOptions) => filled('ones', shape, 1, opts);

/** A 0-d tensor holding `value`, on `backend` (used for scalars mixed into ops). */
export function scalarOn(value: number, dtype: DType, backend: Backend): Tensor {
  const s = backend.alloc(dtype, 1);
  trackAlloc(backend, s);
  backend.fill(s, value);
  return new Tensor(s, [], backend);
}

/** Zeros with t's shape, dtype and backend unless `opts` overrides them (SPEC §2). */
export function zerosLike(t: Tensor, opts?: CreateOptions): Tensor {
  return full(t.shape, 0, { dtype: t.dtype, backend: t.backend.name, ...opts });
}
/** Ones with t's shape, dtype and backend unless `opts` overrides them (SPEC §2). */
export function onesLike(t: Tensor, opts?: CreateOptions): Tensor {
  return full(t.shape, 1, { dtype: t.dtype, backend: t.backend.name, ...opts });
}
/** `value` with t's shape, dtype and backend unless `opts` overrides them (SPEC §2). */
export function fullLike(t: Tensor, value: number, opts?: CreateOptions): Tensor {
  return full(t.shape, value, { dtype: t.dtype, backend: t.backend.name, ...opts });
}

/**
 * Like torch.arange(start, end, step): start, start + step, … < end; arange(n) gives 0..n−1
 * (SPEC §2).
 */
export function arange(start: number, end?: number, step = 1, opts?: CreateOptions): Tensor {
  if (end === undefined) [start, end] = [0, start];
  if (step === 0) throw new ArgumentError('arange', 'step must not be 0', { step });
  const n = Math.max(0, Math.ceil((end - start) / step));
  const a = arrayFor(opts?.dtype ?? DEFAULT_DTYPE, n);
  for (let i = 0; i < n; i++) a[i] = start + i * step;
  return fromArray(a, [n], opts);
}

/** `steps` evenly spaced values from start to end, both included (torch.linspace; SPEC §2). */
export function linspace(start: number, end: number, steps: number, opts?: CreateOptions): Tensor {
  const a = arrayFor(opts?.dtype ?? DEFAULT_DTYPE, steps);
  for (let i = 0; i < steps; i++) a[i] = steps === 1 ? start : start + ((end - start) * i) / (steps - 1);
  return fromArray(a, [steps], opts);
}

/** The n × n identity matrix (torch.eye; SPEC §2). */
export function eye(n: number, opts?: CreateOptions): Tensor {
  const a = arrayFor(opts?.dtype ?? DEFAULT_DTYPE, n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return fromArray(a, [n, n], opts);
}

function randomFill(op: string, shape: readonly number[], opts: RandomOptions | undefined, draw: (r: Rng) => number) {
  checkShape(op, shape);
  const rng = opts?.rng ?? globalRng;
  const a = arrayFor(opts?.dtype ?? DEFAULT_DTYPE, sizeOf(shape));
  for (let i = 0; i < a.length; i++) a[i] = draw(rng);
  return fromArray(a, shape, opts);
}

/** Uniform on [low, high) (torch.rand for the default [0, 1)); seeded by `rng` (SPEC §2). */
export function rand(shape: readonly number[], opts?: RandomOptions & { low?: number; high?: number }) {
  const low = opts?.low ?? 0, high = opts?.high ?? 1;
  return randomFill('rand', shape, opts, (r) => r.uniform(low, high));
}

/** Normal with the given mean and std (torch.randn for the default N(0, 1); SPEC §2). */
export function randn(shape: readonly number[], opts?: RandomOptions & { mean?: number; std?: number }) {
  const mean = opts?.mean ?? 0, std = opts?.std ?? 1;
  return randomFill('randn', shape, opts, (r) => r.normal(mean, std));
}

/** Integers uniform in [low, high), int32 by default (SPEC §2). */
export function randint(low: number, high: number, shape: readonly number[], opts?: RandomOptions) {
  return randomFill('randint', shape, { dtype: 'int32', ...opts }, (r) => low + r.int(high - low));
}

/** 1 with probability p, else 0 (SPEC §2). */
export function bernoulli(p: number, shape: readonly number[], opts?: RandomOptions) {
  if (!(p >= 0 && p <= 1)) throw new ArgumentError('bernoulli', 'p must lie in [0, 1]', { p, note: `p = ${p}` });
  return randomFill('bernoulli', shape, opts, (r) => (r.random() < p ? 1 : 0));
}

/** A random permutation of 0..n-1 as an int32 tensor (torch.randperm; SPEC §2). */
export function randperm(n: number, opts?: RandomOptions) {
  const rng = opts?.rng ?? globalRng;
  return fromArray(rng.permutation(n), [n], { dtype: 'int32', ...opts });
}
