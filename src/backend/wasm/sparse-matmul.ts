// The sparse path of the wasm matmul. When one operand is mostly zeros (an MNIST batch: 81 % of
// its pixels; one-hot or bag-of-words inputs), the product is computed from that operand's
// nonzeros only (as/sparse.ts), at about half the dense kernel's rate per useful multiply-add
// (measured; docs/design.md §6), so it pays well below 50 % density: the threshold is 25 %, an
// MNIST batch is 19 %. Same result as the dense product (other summation order,
// as any blocking): the skipped terms are 0·d, so the other operand must be all finite (0·Inf
// and 0·NaN are NaN), which is checked.

import { BackendError } from '../../core/errors.js';
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
/** Largest lists of a sparse operand (bytes; 8 per element of it). */
const MAX_LIST_BYTES = 1 << 26;
/** Elements of each of the 4 samples that decide (a dense operand is recognised for ~0.5 µs). */
const SAMPLE = 1024;

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

/**
 * The density of `x` (count elements) estimated from 4 samples of 1,024 elements spread over it,
 * or −1 if that is above the threshold (or x is too small). A wrong guess costs speed, not
 * correctness: the lists have room for every element.
 */
function sparseDensity(ex: KernelExports, x: number, count: number): number {
  const max = sparseSettings.maxDensity;
  if (count < SPARSE_MIN_ELEMENTS || max <= 0) return -1;
  let nz = 0;
  for (let i = 0; i < 4; i++) nz += ex.countNonzero(x + 4 * Math.floor(((count - SAMPLE) * i) / 3), SAMPLE);
  const density = nz / (4 * SAMPLE);
  return density <= max ? density : -1;
}

/**
 * C = op(A)·op(B) (+ bias; accumulate adds to C) from the nonzeros of A or of B, for one matrix
 * (pa, pb, pc are byte addresses). Returns false when neither operand is sparse enough or the
 * other one is not all finite: the caller then runs the dense kernel, which overwrites C (a
 * product that accumulates into C is checked before C is touched).
 *
 * The sparse operand is listed per row of op(A), or per column of op(B) (then C is written
 * transposed: column c of C is row c of the product), straight from its storage: by rows or by
 * columns of the stored matrix, which threads split without a transpose. The dense operand D is
 * read by rows: op(B) [k, n] for a sparse A, op(A)ᵀ [k, m] for a sparse B, transposed slice by
 * slice by the thread that then reads the slice where it is stored the other way (one shared
 * transpose left each thread reading what the other had just written: the product ran at the
 * one-thread speed inside a training step).
 */
export function sparseMatmul(ex: KernelExports, alloc: Allocator, pool: WorkerPool | null, pa: number, pb: number,
  pc: number, pbias: number, p: MatmulParams): boolean {
  const { m, n, k, transA, transB } = p;
  const acc = p.accumulate ? 1 : 0;
  if (m === 0 || n === 0 || k === 0) return false;
  // x [xr, xc] listed by rows or columns; the product is lists × width columns of D
  let x: number, xr: number, xc: number, byCols: number, width: number, tOut: number, bias: number, dense: number, denseTrans: boolean;
  let density = n >= 32 ? sparseDensity(ex, pa, m * k) : -1;
  if (density >= 0) {
    [x, xr, xc, byCols] = transA ? [pa, k, m, 1] : [pa, m, k, 0];
    [width, tOut, bias, dense, denseTrans] = [n, 0, pbias, pb, transB];
  } else {
    density = pbias === 0 && m >= 32 ? sparseDensity(ex, pb, k * n) : -1;
    if (density < 0) return false;
    [x, xr, xc, byCols] = transB ? [pb, n, k, 0] : [pb, k, n, 1];
    [width, tOut, bias, dense, denseTrans] = [m, 1, 0, pa, !transA];
  }
  // the lists have room for every element (8 bytes each): past 64 MiB, the dense kernel instead
  // (checked first: it costs nothing, the scan of D below a pass over it)
  const lb = listBytes(xr, xc, byCols);
  if (lb > MAX_LIST_BYTES) return false;
  // a product that accumulates must not touch C before D is known to be finite
  if ((!denseTrans || acc === 1) && ex.allFinite(dense, k * width) !== 1) return false;
  const s = new Scratch(alloc);
  try {
    let l: number, d: number;
    try {
      l = s.bytes(lb);
      d = denseTrans ? s.bytes(k * width * 4) : dense;
    } catch (e) {
      // no room for the scratch (near the 2 GiB limit): the dense product needs none
      if (e instanceof BackendError) return false;
      throw e;
    }
    const flags = tOut | (acc << 1), tsrc = denseTrans ? dense : 0;
    let ok: number;
    if (pool !== null && density * xr * xc * width >= pool.minWork) ok = pool.sparse(x, xr, xc, byCols, l, d, width, pc, flags, bias, tsrc);
    else {
      ex.sparseTask(0, 1, x, xr, xc, byCols, l, d, width, 0, 0, pc, flags, bias, tsrc);
      ok = ex.sparseTask(1, 1, x, xr, xc, byCols, l, d, width, 0, width, pc, flags, bias, tsrc);
    }
    if (ok === 1) taken++;
    return ok === 1;
  } finally {
    s.free();
  }
}

/**
 * Bytes of the lists of a sparse operand [rows, cols] listed by rows (byCols 0) or by columns:
 * idx and val with cap slots per list (by rows cols + 4: whole vectors are stored), then the end
 * of each list — the layout as/sparse.ts sparseTask reads. Computed here in doubles (in the
 * kernel's 32-bit integers it wrapped negative past 2²⁸ elements and passed the size check).
 */
export function listBytes(rows: number, cols: number, byCols: number): number {
  const lists = byCols !== 0 ? cols : rows, cap = byCols !== 0 ? rows : cols + 4;
  return (2 * lists * cap + lists) * 4;
}
