// Products with a mostly-zero operand (an MNIST batch is 81 % zeros): the nonzeros are listed
// (per row or per column of the stored operand, with room for every element), and each output
// row is Σ over its list of value × a row of the dense operand D, 24 columns (6 f32x4
// accumulators) at a time. Per useful multiply-add this runs at about half the dense kernel's
// rate (docs/design.md §6). The caller (sparse-matmul.ts) takes this path only when it computes
// the same result as the dense product: the skipped terms are 0 × d, which is 0 unless d is ±Inf
// or NaN, so D must be all finite.

import { at, store4x4T } from './layout';
import { madd } from './simd-math';

/** Nonzero elements of x[0:n] (NaN counts as nonzero). */
export function countNonzero(x: usize, n: i32): i32 {
  const zero = f32x4.splat(0);
  // per lane: −1 for every zero element (the compare mask), summed as integers
  let z0 = i32x4.splat(0), z1 = z0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    z0 = i32x4.add(z0, f32x4.eq(v128.load(at(x, i)), zero));
    z1 = i32x4.add(z1, f32x4.eq(v128.load(at(x, i), 16), zero));
  }
  const z = i32x4.add(z0, z1);
  let cnt = i + i32x4.extract_lane(z, 0) + i32x4.extract_lane(z, 1) + i32x4.extract_lane(z, 2) + i32x4.extract_lane(z, 3);
  for (; i < n; i++) if (load<f32>(at(x, i)) != 0) cnt++;
  return cnt;
}

/** 1 if every element of x[0:n] is finite, else 0. */
export function allFinite(x: usize, n: i32): i32 {
  // x − x is 0 for a finite x and NaN for ±Inf and NaN; NaN ≠ NaN
  let acc = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(at(x, i));
    acc = f32x4.add(acc, f32x4.sub(v, v));
  }
  let s: f32 = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
  for (; i < n; i++) {
    const v = load<f32>(at(x, i));
    s += v - v;
  }
  return s == 0 ? 1 : 0;
}

/** Swizzle masks that move the lanes set in a 4-bit mask to the front (16 bytes per mask). */
const COMPACT = memory.data<u8>([
  128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  4, 5, 6, 7, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 128, 128, 128, 128, 128, 128, 128, 128,
  8, 9, 10, 11, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 8, 9, 10, 11, 128, 128, 128, 128, 128, 128, 128, 128,
  4, 5, 6, 7, 8, 9, 10, 11, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 128, 128, 128, 128,
  12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128,
  4, 5, 6, 7, 12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 128, 128, 128, 128,
  8, 9, 10, 11, 12, 13, 14, 15, 128, 128, 128, 128, 128, 128, 128, 128,
  0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 128, 128, 128, 128,
  4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 128, 128, 128, 128,
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
], 16);
const LANES = memory.data<i32>([0, 1, 2, 3], 16);

/**
 * Lists of the nonzeros of rows [r0, r1) of x [*, cols]: row r's column indices and values at
 * idx/val[r·cap, end[r]) (cap ≥ cols + 3: whole vectors are stored). Four elements at a time,
 * without a branch per element: the nonzero lanes are moved to the front with a swizzle chosen by
 * their bit mask; a group of zeros costs one compare. Rows are independent, so threads split them.
 */
export function listRows(x: usize, cols: i32, r0: i32, r1: i32, cap: i32, idx: usize, val: usize, end: usize, scale: i32): void {
  const zero = f32x4.splat(0), lanes = i32x4.mul(v128.load(LANES), i32x4.splat(scale));
  const c4 = cols & ~3;
  for (let r = r0; r < r1; r++) {
    let cnt = r * cap;
    const row = at(x, r * cols);
    for (let c = 0; c < c4; c += 4) {
      const v = v128.load(at(row, c));
      const mask = i32x4.bitmask(v128.not(f32x4.eq(v, zero)));
      if (mask == 0) continue;
      const sh = v128.load(COMPACT + (<usize>mask << 4));
      v128.store(at(val, cnt), i8x16.swizzle(v, sh));
      v128.store(at(idx, cnt), i8x16.swizzle(i32x4.add(i32x4.splat(c * scale), lanes), sh));
      cnt += <i32>popcnt(mask);
    }
    for (let c = c4; c < cols; c++) {
      const v = load<f32>(at(row, c));
      if (v != 0) { store<i32>(at(idx, cnt), c * scale); store<f32>(at(val, cnt), v); cnt++; }
    }
    store<i32>(at(end, r), cnt);
  }
}

/**
 * Lists of the nonzeros of columns [c0, c1) of x [rows, cols] (c0 a multiple of 4): column c's
 * row indices (in order) and values at idx/val[c·cap, end[c]) (cap ≥ rows). Reads the rows'
 * segments [c0, c1), so threads split the columns and no transpose is needed.
 */
export function listCols(x: usize, rows: i32, cols: i32, c0: i32, c1: i32, cap: i32, idx: usize, val: usize, end: usize, scale: i32): void {
  const zero = f32x4.splat(0);
  for (let c = c0; c < c1; c++) store<i32>(at(end, c), c * cap);
  const c4 = c0 + ((c1 - c0) & ~3);
  for (let r = 0; r < rows; r++) {
    const row = at(x, r * cols);
    for (let c = c0; c < c4; c += 4) {
      let mask = i32x4.bitmask(v128.not(f32x4.eq(v128.load(at(row, c)), zero)));
      while (mask != 0) {
        const j = c + ctz(mask);
        const q = load<i32>(at(end, j));
        store<i32>(at(idx, q), r * scale);
        store<f32>(at(val, q), load<f32>(at(row, j)));
        store<i32>(at(end, j), q + 1);
        mask &= mask - 1;
      }
    }
    for (let c = c4; c < c1; c++) {
      const v = load<f32>(at(row, c));
      if (v != 0) {
        const q = load<i32>(at(end, c));
        store<i32>(at(idx, q), r * scale); store<f32>(at(val, q), v); store<i32>(at(end, c), q + 1);
      }
    }
  }
}

/**
 * out[r, c0:c1] (+)= Σ_{j ∈ list r} val[j] · d[row j][c0:c1] (+ bias[c0:c1]) for r in [r0, r1)
 * (list r is idx/val[r·cap, end[r]); idx holds the byte offset of row j of d, which saves a
 * multiply per nonzero); out[r, c] is at out + 4·(r·rs + c·cs) (cs = 1: rows stored
 * contiguously; cs > 1: the output transposed). accumulate keeps out's contents; bias = 0: none.
 * 24 columns at a time (6 accumulators): with 8, V8 loads all 8 rows of d before the first
 * multiply-add, runs out of its 15 vector registers and keeps an accumulator on the stack, a
 * store-to-load chain per nonzero that halved the speed (measured 23.5 useful GFLOP/s).
 */
export function spmmRows(cap: i32, end: usize, idx: usize, val: usize, r0: i32, r1: i32, d: usize, c0: i32, c1: i32,
  out: usize, rs: i32, cs: i32, bias: usize, accumulate: i32): void {
  // column blocks outside, rows inside: a block's slab of d (k × 24 floats, 75 KB at k = 784) is
  // read by every row while it is in L1 (rows outside read all of d, from L2, for each row)
  let cb = c0;
  for (; cb + 24 <= c1; cb += 24) {
    const dc = at(d, cb);
    for (let r = r0; r < r1; r++) {
      const j0 = r * cap, j1 = load<i32>(at(end, r));
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
      for (let j = j0; j < j1; j++) {
        const v = v128.load32_splat(at(val, j));
        const q = dc + <usize>load<i32>(at(idx, j));
        a0 = madd(v, v128.load(q), a0); a1 = madd(v, v128.load(q, 16), a1); a2 = madd(v, v128.load(q, 32), a2);
        a3 = madd(v, v128.load(q, 48), a3); a4 = madd(v, v128.load(q, 64), a4); a5 = madd(v, v128.load(q, 80), a5);
      }
      const o = at(out, r * rs);
      emit(o, cb, cs, bias, accumulate, a0); emit(o, cb + 4, cs, bias, accumulate, a1);
      emit(o, cb + 8, cs, bias, accumulate, a2); emit(o, cb + 12, cs, bias, accumulate, a3);
      emit(o, cb + 16, cs, bias, accumulate, a4); emit(o, cb + 20, cs, bias, accumulate, a5);
    }
  }
  for (; cb + 8 <= c1; cb += 8) {
    const dc = at(d, cb);
    for (let r = r0; r < r1; r++) {
      const j0 = r * cap, j1 = load<i32>(at(end, r));
      let a0 = f32x4.splat(0), a1 = a0;
      for (let j = j0; j < j1; j++) {
        const v = v128.load32_splat(at(val, j));
        const q = dc + <usize>load<i32>(at(idx, j));
        a0 = madd(v, v128.load(q), a0); a1 = madd(v, v128.load(q, 16), a1);
      }
      const o = at(out, r * rs);
      emit(o, cb, cs, bias, accumulate, a0); emit(o, cb + 4, cs, bias, accumulate, a1);
    }
  }
  // the last (c1 − c0) mod 8 columns, one at a time
  for (let r = r0; r < r1; r++) {
    const j0 = r * cap, j1 = load<i32>(at(end, r));
    const o = at(out, r * rs);
    for (let c = cb; c < c1; c++) {
      let s: f32 = 0;
      for (let j = j0; j < j1; j++) s += load<f32>(at(val, j)) * load<f32>(at(d, c) + <usize>load<i32>(at(idx, j)));
      if (bias != 0) s += load<f32>(at(bias, c));
      const q = at(o, c * cs);
      store<f32>(q, accumulate != 0 ? load<f32>(q) + s : s);
    }
  }
}

/**
 * One task of a sparse product (as the pool's threads take them), on operand x [xr, xc] listed by
 * rows (byCols 0) or by columns, lists at `l` (idx and val with cap slots per list, then the
 * end of each list; sized by sparse-matmul.ts listBytes): task t < P builds lists
 * [⌊L·t/P⌋, ⌊L·(t+1)/P⌋) (a multiple of 4 by columns) of the L lists; task t ≥ P computes column
 * slice [c0, c1) of the product out[list, c] = Σ val · d[idx, c] — first transposing that slice
 * of d from tsrc [width, k] when tsrc ≠ 0 — with out transposed (flags bit 0), accumulating (bit
 * 1). Returns 1 if the transposed slice is all finite (1 for the other tasks).
 */
export function sparseTask(t: i32, P: i32, x: usize, xr: i32, xc: i32, byCols: i32, l: usize, d: usize, width: i32,
  c0: i32, c1: i32, out: usize, flags: i32, bias: usize, tsrc: usize): i32 {
  const L = byCols != 0 ? xc : xr, cap = byCols != 0 ? xr : xc + 4, k = byCols != 0 ? xr : xc;
  const idx = l, val = at(l, L * cap), end = at(val, L * cap);
  if (t < P) {
    // entries hold byte offsets of rows of d (width floats each), not indices
    if (byCols != 0) listCols(x, xr, xc, 4 * ((L * t / P) >> 2), t + 1 == P ? L : 4 * ((L * (t + 1) / P) >> 2), cap, idx, val, end, width * 4);
    else listRows(x, xc, L * t / P, L * (t + 1) / P, cap, idx, val, end, width * 4);
    return 1;
  }
  const finite = tsrc != 0 ? transposeRows(tsrc, width, k, d, c0, c1) : 1;
  const transposedOut = (flags & 1) != 0;
  spmmRows(cap, end, idx, val, 0, L, d, c0, c1, out, transposedOut ? 1 : width, transposedOut ? L : 1, bias, (flags >> 1) & 1);
  return finite;
}

/** Writes 4 output columns c.. of one row (plus bias, plus the old contents if accumulating). */
// @ts-ignore: decorator
@inline function emit(o: usize, c: i32, cs: i32, bias: usize, accumulate: i32, v: v128): void {
  if (bias != 0) v = f32x4.add(v, v128.load(at(bias, c)));
  if (cs == 1) {
    const q = at(o, c);
    v128.store(q, accumulate != 0 ? f32x4.add(v, v128.load(q)) : v);
    return;
  }
  const q = at(o, c * cs), step = <usize>cs << 2;
  if (accumulate != 0) {
    store<f32>(q, load<f32>(q) + f32x4.extract_lane(v, 0));
    store<f32>(q + step, load<f32>(q + step) + f32x4.extract_lane(v, 1));
    store<f32>(q + 2 * step, load<f32>(q + 2 * step) + f32x4.extract_lane(v, 2));
    store<f32>(q + 3 * step, load<f32>(q + 3 * step) + f32x4.extract_lane(v, 3));
  } else {
    store<f32>(q, f32x4.extract_lane(v, 0));
    store<f32>(q + step, f32x4.extract_lane(v, 1));
    store<f32>(q + 2 * step, f32x4.extract_lane(v, 2));
    store<f32>(q + 3 * step, f32x4.extract_lane(v, 3));
  }
}

/**
 * Rows [r0, r1) of src [rows, cols] transposed into dst [cols, rows] (r0 a multiple of 4; the
 * threads of a pool take 16-row blocks); returns 1 if those rows are all finite. 16×16 tiles of
 * 4×4 register transposes, so each destination cache line is written whole while it is in L1
 * (row by row was 2× slower).
 */
export function transposeRows(src: usize, rows: i32, cols: i32, dst: usize, r0: i32, r1: i32): i32 {
  const r4 = r0 + ((r1 - r0) & ~3), c4 = cols & ~3;
  const ls = <usize>cols << 2, lo = <usize>rows << 2;
  // x − x is 0 for a finite x, NaN for ±Inf and NaN
  let fin = f32x4.splat(0);
  for (let rb = r0; rb < r4; rb += 16) {
    const re = min(rb + 16, r4);
    for (let cb = 0; cb < c4; cb += 16) {
      const ce = min(cb + 16, c4);
      for (let c = cb; c < ce; c += 4) {
        for (let r = rb; r < re; r += 4) {
          const s = at(src, r * cols + c);
          const x0 = v128.load(s), x1 = v128.load(s + ls), x2 = v128.load(s + 2 * ls), x3 = v128.load(s + 3 * ls);
          // each x − x is 0 or NaN: their sum cannot overflow (a sum of the x could, at 3e38)
          fin = f32x4.add(fin, f32x4.add(f32x4.add(f32x4.sub(x0, x0), f32x4.sub(x1, x1)), f32x4.add(f32x4.sub(x2, x2), f32x4.sub(x3, x3))));
          store4x4T(at(dst, c * rows + r), lo, x0, x1, x2, x3);
        }
      }
    }
  }
  let s: f32 = f32x4.extract_lane(fin, 0) + f32x4.extract_lane(fin, 1) + f32x4.extract_lane(fin, 2) + f32x4.extract_lane(fin, 3);
  // the edges: columns past c4 of the vector rows, then the last r1 − r4 rows
  for (let r = r0; r < r4; r++) {
    for (let c = c4; c < cols; c++) {
      const v = load<f32>(at(src, r * cols + c));
      s += v - v;
      store<f32>(at(dst, c * rows + r), v);
    }
  }
  for (let r = r4; r < r1; r++) {
    for (let c = 0; c < cols; c++) {
      const v = load<f32>(at(src, r * cols + c));
      s += v - v;
      store<f32>(at(dst, c * rows + r), v);
    }
  }
  return s == 0 ? 1 : 0;
}
