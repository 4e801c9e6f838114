// The kernel contract: the small, typed list of kernel families every backend implements
// (STYLE §3.2). Changing this file is a contract change: it touches every backend and the
// conformance suite. Ops never call a backend except through these families, and shapes arriving
// here are already valid: the op's shape rule checked them (backends never re-check).

import type { DType, TypedArray } from '../core/dtype.js';

/** A backend's handle on one contiguous buffer of `size` elements of `dtype`. */
export interface Storage {
  readonly dtype: DType;
  readonly size: number;
  /** Name of the backend that owns the memory. */
  readonly backend: string;
  /** True once the memory was released (dispose, or a scope that knew it was dead). */
  readonly freed: boolean;
  /**
   * Autograd's deferred zero-fill of a gradient buffer (zeroGrad, docs/design.md §3.5): the
   * contents stand for zeros until the first reader fills them (tensor/tensor.ts). Backends only
   * declare it (false); kernels never look at it.
   */
  zeroPending?: boolean;
  /**
   * Bumped by every in-place update through the public API (ops/inplace.ts), so backward can tell
   * that a tensor it saved was overwritten (docs/design.md §3.6). Undefined means 0; kernels never
   * look at it.
   */
  version?: number;
}

/** An element-wise unary op id with its one TypeScript statement of the formula. */
export interface UnaryOpId {
  readonly id: string;
  readonly scalar: (x: number) => number;
}
/** An element-wise binary op id with its formula; comparisons return 1 or 0. */
export interface BinaryOpId {
  readonly id: string;
  readonly scalar: (a: number, b: number) => number;
}

/** A storage read through strides (0 on broadcast dims), starting at `offset` elements. */
export interface Strided {
  readonly s: Storage;
  readonly offset: number;
  readonly strides: readonly number[];
}

export type ReduceOp = 'sum' | 'max' | 'min' | 'argmax' | 'argmin';

export interface MatmulParams {
  /** Number of matrices; a/b with batch stride 0 are broadcast over the batch. */
  readonly batch: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** a is stored [k, m] (read transposed) instead of [m, k]. */
  readonly transA: boolean;
  /** b is stored [n, k] (read transposed) instead of [k, n]. */
  readonly transB: boolean;
  /** Elements between consecutive matrices of a and b (0 = same matrix for every batch). */
  readonly aBatchStride: number;
  readonly bBatchStride: number;
  /** Optional bias of n elements added to every row of the output (fused linear + bias). */
  readonly bias?: Storage;
  /** Accumulate into out (out += a·b) instead of overwriting it. */
  readonly accumulate?: boolean;
}

export interface AdamParams {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  /** 1-based step count t, for the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ. */
  readonly step: number;
}

export interface SgdParams {
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  /** True on the first step with momentum: the buffer is initialised to the gradient. */
  readonly firstStep: boolean;
}

/**
 * The contract. Every output storage is allocated by the caller (the op, from its shape rule) and
 * is contiguous; kernels only fill it. Float kernels must accept float32 and float64; int32 is
 * required only where noted.
 */
export interface Backend {
  readonly name: string;
  /** Threads the backend may use for large kernels (1 for js). */
  readonly threads: number;

  // ---- storage (separate from compute; tfjs KernelBackend) ----
  /**
   * A new buffer; contents unspecified (callers fill it). `op` names the op that asks, for the
   * error when memory runs out (a BackendError naming it, the bytes asked for and in use).
   */
  alloc(dtype: DType, size: number, op?: string): Storage;
  /** A new buffer holding a copy of `data` (`op` as in alloc). */
  fromArray(data: TypedArray, dtype?: DType, op?: string): Storage;
  /** A copy of the contents, owned by the caller. */
  read(s: Storage): TypedArray;
  /** Overwrites the contents from `data` (same length). */
  write(s: Storage, data: ArrayLike<number>): void;
  /** Releases the memory now (explicit dispose). Idempotent. */
  free(s: Storage): void;
  /** Marks a storage long-lived (parameters, optimizer state): never evicted. */
  pin(s: Storage): void;

  // ---- kernel families ----
  fill(out: Storage, value: number): void;
  /** out[i] = f(x[i]); float (and int32 for neg/abs). */
  unary(op: UnaryOpId, x: Storage, out: Storage): void;
  /** out[idx] = f(a[idx·aStrides], b[idx·bStrides]) over `shape`; out is contiguous. */
  binary(op: BinaryOpId, a: Strided, b: Strided, out: Storage, shape: readonly number[]): void;
  /** out = cond ≠ 0 ? a : b, all three read through strides over `shape`. */
  where(cond: Strided, a: Strided, b: Strided, out: Storage, shape: readonly number[]): void;
  /** Copies x read through strides over `shape` into out at `outOffset` with `outStrides`. */
  copyStrided(x: Strided, out: Strided, shape: readonly number[]): void;
  /** x viewed as [outer, r, inner] reduced over r into out [outer, inner] (int32 for arg*). */
  reduce(op: ReduceOp, x: Storage, out: Storage, outer: number, r: number, inner: number): void;
  /** out[b] = op(a[b]) · op(b[b]) (+ bias) for each of `batch` matrices. */
  matmul(a: Storage, b: Storage, out: Storage, p: MatmulParams): void;
  /** Converts between dtypes (float ↔ int32 truncates toward zero). */
  cast(x: Storage, out: Storage): void;
  /** out[i, :] = x[indices[i], :], rows of `rowSize` elements; indices is int32. */
  gatherRows(x: Storage, indices: Storage, rowSize: number, out: Storage): void;
  /** Row-wise softmax (or log-softmax) of x viewed as [rows, cols]. */
  softmax(x: Storage, out: Storage, rows: number, cols: number, log: boolean): void;
  /** out[i] = x[i, index[i]] over x [rows, cols], index int32 [rows]. */
  pick(x: Storage, index: Storage, out: Storage, rows: number, cols: number): void;
  /**
   * Fused softmax-cross-entropy backward: dx = (softmax(x) − onehot(index)) · scale[i],
   * with `p` the saved probabilities [rows, cols]. scale has one entry per row.
   */
  softmaxXentBackward(p: Storage, index: Storage, scale: Storage, dx: Storage, rows: number, cols: number): void;
  /** One Adam step over every element of a parameter, in place on param, m and v. */
  adamStep(param: Storage, grad: Storage, m: Storage, v: Storage, p: AdamParams): void;
  /** One SGD step (momentum, Nesterov, weight decay), in place on param and buf. */
  sgdStep(param: Storage, grad: Storage, buf: Storage | null, p: SgdParams): void;
}
