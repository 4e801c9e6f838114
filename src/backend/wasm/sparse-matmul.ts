// The sparse path of the wasm matmul. When one operand is mostly zeros (an MNIST batch: 81 % of
// its pixels; one-hot or bag-of-words inputs), the product is computed from that operand's
// nonzeros only (as/sparse.ts), at about the dense kernel's rate per useful multiply-add, so it
// costs about the operand's density. Same result as the dense product (other summation order,
// as any blocking): the skipped terms are 0·d, so the other operand must be all finite (0·Inf
// and 0·NaN are NaN), which is checked.

import type { MatmulParams } from '../kernels.js';
import type { Allocator, Region } from './allocator.js';
import type { KernelExports } from './loader.js';
import type { WorkerPool } from './pool.js';

/**
 * Densest operand (nonzeros / elements) for which the sparse path is taken (0 turns it off: the
 * A/B tools compare both in one process).
 */
export const sparseSettings = { maxDensity: 0.25 };
/** Smallest sparse operand (elements) worth the detection and the lists. */
const SPARSE_MIN_ELEMENTS = 1 << 14;
/** Elements sampled first: a dense operand is recognised from them, at ~0.5 µs. */
const SAMPLE = 4096;

let taken = 0;
/** Products computed by the sparse path so far, in this process (tests check it was taken). */
export function sparseProducts(): number {
  return taken;
}

/** Pinned scratch regions of one product, freed together. */
class Scratch {
  private readonly regions: Region[] = [];
  constructor(private readonly alloc: Allocator) {}
  bytes(n: number): number {
    // pinned: a pinned allocation never evicts, so the product's operands stay where they are
    const r = this.alloc.alloc(Math.max(4, n), true, null);
    this.regions.push(r);
    return r.ptr;
  }
  free(): void {
    for (const r of this.regions) this.alloc.free(r);
  }
}

/** The nonzeros of `x` (count elements) if it is sparse enough, else −1: a sample first, then the whole. */
function sparseCount(ex: KernelExports, x: number, count: number): number {
  const max = sparseSettings.maxDensity;
  if (count < SPARSE_MIN_ELEMENTS || max <= 0) return -1;
  const s = Math.min(count, SAMPLE);
  if (ex.countNonzero(x, s) > 2 * max * s) return -1;
  const nnz = ex.countNonzero(x, count);
  return nnz <= max * count ? nnz : -1;
}

/** The lists of the nonzeros of x [rows, cols] per row, in `s`'s scratch: [ptr, idx, val]. */
function lists(ex: KernelExports, s: Scratch, x: number, rows: number, cols: number, nnz: number): number[] {
  // toCsr stores whole vectors: 3 elements of slack
  const ptr = s.bytes((rows + 1) * 4), idx = s.bytes((nnz + 4) * 4), val = s.bytes((nnz + 4) * 4);
  ex.toCsr(x, rows, cols, ptr, idx, val);
  return [ptr, idx, val];
}

/**
 * C = op(A)·op(B) (+ bias; accumulate adds to C) from the nonzeros of A or of B, for one matrix
 * (pa, pb, pc are byte addresses). Returns false when neither operand is sparse enough or the
 * other one is not all finite: the caller then runs the dense kernel, which overwrites C (a
 * product that accumulates into C is checked before C is touched).
 *
 * The dense operand D is read by rows: op(B) for a sparse A, op(A)ᵀ for a sparse B, transposed
 * first where it is stored the other way. The work is cut in column slices of C (or of Cᵀ), and
 * a thread transposes the slice of D it then reads itself: with one shared transpose, each
 * thread read the half the other one had just written, and the in-step product ran at the
 * one-thread speed.
 */
export function sparseMatmul(ex: KernelExports, alloc: Allocator, pool: WorkerPool | null, pa: number, pb: number,
  pc: number, pbias: number, p: MatmulParams): boolean {
  const { m, n, k, transA, transB } = p;
  const acc = p.accumulate ? 1 : 0;
  if (m === 0 || n === 0 || k === 0) return false;
  const transpose = (src: number, rows: number, cols: number, dst: number) =>
    pool !== null && rows * cols >= pool.minElements ? pool.transpose(src, rows, cols, dst) : ex.transposeRows(src, rows, cols, dst, 0, rows);
  /** The product from the lists, rows × width (D has width columns; tsrc ≠ 0: D is tsrc [width, k] transposed). */
  const product = (l: number[], rows: number, nnz: number, d: number, width: number, tOut: number, bias: number, tsrc: number): number =>
    pool !== null && nnz * width >= pool.minWork
      ? pool.spmmSlices(l[0], l[1], l[2], rows, d, width, pc, tOut, bias, acc, tsrc, k)
      : ex.spmmSlice(l[0], l[1], l[2], rows, d, width, 0, width, pc, tOut, bias, acc, tsrc, k);
  let nnz = n >= 32 ? sparseCount(ex, pa, m * k) : -1;
  let tOut = 0, rows = m, width = n, dense = pb, denseTrans = transB, bias = pbias;
  const s = new Scratch(alloc);
  let l: number[];
  if (nnz >= 0) {
    // rows of op(A) as lists; D = op(B) [k, n]
    let a = pa;
    if (transA) transpose(pa, k, m, (a = s.bytes(m * k * 4)));
    l = lists(ex, s, a, m, k, nnz);
  } else {
    nnz = pbias === 0 && m >= 32 ? sparseCount(ex, pb, k * n) : -1;
    if (nnz < 0) return false;
    // columns of op(B) as lists; D = op(A)ᵀ [k, m]; C written transposed (column c of C is row c
    // of the sparse product)
    let b = pb;
    if (!transB) transpose(pb, k, n, (b = s.bytes(k * n * 4)));
    l = lists(ex, s, b, n, k, nnz);
    [tOut, rows, width, dense, denseTrans, bias] = [1, n, m, pa, !transA, 0];
  }
  // a product that accumulates must not touch C before D is known to be finite
  let ok = !denseTrans || acc === 1 ? ex.allFinite(dense, k * width) : 1;
  if (ok === 1) ok = product(l, rows, nnz, denseTrans ? s.bytes(k * width * 4) : dense, width, tOut, bias, denseTrans ? dense : 0);
  s.free();
  if (ok === 1) taken++;
  return ok === 1;
}
