// Single-precision GEMM, C[r0:r1, c0:c1] (+)= op(A)·op(B) (+ bias), with a packed B panel and a
// 4×8 register tile (8 f32x4 accumulators). Workers call it on disjoint blocks of the same C
// (row ranges, or column ranges when C has few rows).

import { at, store4x4T } from './layout';
import { madd } from './simd-math';

/** k-block and n-block sizes of the packed panels (B panel: KC·NC floats = 512 KiB). */
const KC = 256;
const NC = 512;
/** Bytes of per-thread scratch the caller must provide: B panel, A panel, one 4×8 tile. */
export const SCRATCH_BYTES: i32 = (KC * NC + KC * 4 + 32) * 4;

export function scratchBytes(): i32 {
  return SCRATCH_BYTES;
}

/**
 * Packs B[pc:pc+kc, jc:jc+nc] as ⌈nc/8⌉ panels of [kc][8], zero-padded; only the panels' rows
 * [p0, p1) (threads packing a shared B split it by rows: each reads only its part of B).
 */
function packB(b: usize, n: i32, k: i32, transB: bool, pc: i32, kc: i32, p0: i32, p1: i32, jc: i32, nc: i32, bp: usize): void {
  for (let jb = 0; jb < nc; jb += 8) {
    const nr = min(8, nc - jb);
    const panel = at(bp, jb * kc);
    let p = p0;
    if (transB && nr == 8) {
      // B is [n, k]: 8 rows of B (columns of op(B)), 4 consecutive p at a time, transposed
      const col = at(b, (jc + jb) * k + pc);
      const ld = <usize>k << 2;
      for (; p + 4 <= p1; p += 4) {
        const s = col + (<usize>p << 2);
        const dst = at(panel, p * 8);
        store4x4T(dst, 32, v128.load(s), v128.load(s + ld), v128.load(s + 2 * ld), v128.load(s + 3 * ld));
        const s4 = s + 4 * ld;
        store4x4T(dst + 16, 32, v128.load(s4), v128.load(s4 + ld), v128.load(s4 + 2 * ld), v128.load(s4 + 3 * ld));
      }
    }
    for (; p < p1; p++) {
      const dst = at(panel, p * 8);
      if (!transB && nr == 8) {
        const src = at(b, (pc + p) * n + jc + jb);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        continue;
      }
      for (let c = 0; c < 8; c++) {
        let v: f32 = 0;
        if (c < nr) v = transB ? load<f32>(at(b, (jc + jb + c) * k + pc + p)) : load<f32>(at(b, (pc + p) * n + jc + jb + c));
        store<f32>(at(dst, c), v);
      }
    }
  }
}

/**
 * Packs A[i:i+mr, pc:pc+kc] as [kc][4], zero-padded: for transposed A and partial row tiles
 * (a full tile of plain A is read in place; transposed A in place was measured 10 % slower).
 */
function packA(a: usize, m: i32, k: i32, transA: bool, i: i32, mr: i32, pc: i32, kc: i32, ap: usize): void {
  for (let p = 0; p < kc; p++) {
    const dst = at(ap, p * 4);
    if (transA && mr == 4) {
      v128.store(dst, v128.load(at(a, (pc + p) * m + i)));
      continue;
    }
    for (let r = 0; r < 4; r++) {
      let v: f32 = 0;
      if (r < mr) v = transA ? load<f32>(at(a, (pc + p) * m + i + r)) : load<f32>(at(a, (i + r) * k + pc + p));
      store<f32>(at(dst, r), v);
    }
  }
}

/**
 * C[0:mr, 0:nr] += A·Bp over kc (row stride ldc floats); a partial tile goes through `tile`.
 * A is read in place: element (r, p) at pa + r·rs + p·ps bytes (a packed A panel is rs = 4, ps = 16).
 * mode 0 adds to C; 1 stores (the first k-block of a product that overwrites C, which then
 * needs no zero-fill); 2 stores plus bias[0:8] (a fused bias, from `bias`).
 * Inlined into `matmul`: V8 does not inline wasm calls, and the call with its 12 arguments cost
 * 15–25 % on every shape measured (k = 64 to 1,024), most where k is small.
 */
// @ts-ignore: decorator
@inline function kernel4x8(pa: usize, rs: usize, ps: usize, bp: usize, kc: i32, c: usize, ldc: i32, mr: i32, nr: i32, tile: usize,
  mode: i32, bias: usize): void {
  let c00 = f32x4.splat(0), c01 = c00, c10 = c00, c11 = c00;
  let c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const rs2 = rs + rs, rs3 = rs2 + rs;
  const end = bp + (<usize>kc << 5);
  for (let pb = bp; pb < end; pb += 32) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00); c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa + rs);
    c10 = madd(a, b0, c10); c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa + rs2);
    c20 = madd(a, b0, c20); c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa + rs3);
    c30 = madd(a, b0, c30); c31 = madd(a, b1, c31);
    pa += ps;
  }
  if (mode == 2) {
    // bias of the tile's columns (a partial tile reads only its nr columns)
    let v0 = f32x4.splat(0), v1 = v0;
    if (nr == 8) {
      v0 = v128.load(bias); v1 = v128.load(bias, 16);
    } else {
      for (let j = 0; j < nr; j++) store<f32>(at(tile, j), load<f32>(at(bias, j)));
      for (let j = nr; j < 8; j++) store<f32>(at(tile, j), 0);
      v0 = v128.load(tile); v1 = v128.load(tile, 16);
    }
    c00 = f32x4.add(c00, v0); c01 = f32x4.add(c01, v1); c10 = f32x4.add(c10, v0); c11 = f32x4.add(c11, v1);
    c20 = f32x4.add(c20, v0); c21 = f32x4.add(c21, v1); c30 = f32x4.add(c30, v0); c31 = f32x4.add(c31, v1);
  }
  if (mr == 4 && nr == 8) {
    const ld = <usize>ldc << 2;
    let q = c;
    if (mode != 0) {
      v128.store(q, c00); v128.store(q, c01, 16); q += ld;
      v128.store(q, c10); v128.store(q, c11, 16); q += ld;
      v128.store(q, c20); v128.store(q, c21, 16); q += ld;
      v128.store(q, c30); v128.store(q, c31, 16);
      return;
    }
    v128.store(q, f32x4.add(v128.load(q), c00)); v128.store(q, f32x4.add(v128.load(q, 16), c01), 16);
    q += ld;
    v128.store(q, f32x4.add(v128.load(q), c10)); v128.store(q, f32x4.add(v128.load(q, 16), c11), 16);
    q += ld;
    v128.store(q, f32x4.add(v128.load(q), c20)); v128.store(q, f32x4.add(v128.load(q, 16), c21), 16);
    q += ld;
    v128.store(q, f32x4.add(v128.load(q), c30)); v128.store(q, f32x4.add(v128.load(q, 16), c31), 16);
    return;
  }
  if (mr == 4 && nr == 4) {
    // a half tile (n ≡ 4 mod 8, e.g. the notes' H = 100): the left accumulators, as vectors
    const ld = <usize>ldc << 2;
    let q = c;
    if (mode != 0) {
      v128.store(q, c00); q += ld; v128.store(q, c10); q += ld; v128.store(q, c20); q += ld; v128.store(q, c30);
      return;
    }
    v128.store(q, f32x4.add(v128.load(q), c00)); q += ld;
    v128.store(q, f32x4.add(v128.load(q), c10)); q += ld;
    v128.store(q, f32x4.add(v128.load(q), c20)); q += ld;
    v128.store(q, f32x4.add(v128.load(q), c30));
    return;
  }
  v128.store(tile, c00); v128.store(tile, c01, 16); v128.store(tile, c10, 32); v128.store(tile, c11, 48);
  v128.store(tile, c20, 64); v128.store(tile, c21, 80); v128.store(tile, c30, 96); v128.store(tile, c31, 112);
  for (let r = 0; r < mr; r++) {
    for (let j = 0; j < nr; j++) {
      const q = at(c, r * ldc + j);
      const v = load<f32>(at(tile, r * 8 + j));
      store<f32>(q, mode != 0 ? v : load<f32>(q) + v);
    }
  }
}

/** The k-block size: blocks of equal size ≤ KC (784 = 4 × 196, not 3 × 256 + 16): a short last
 * block pays the C-tile loads and stores for little work (+4 % at k = 784, +9 % at k = 1,000). */
// @ts-ignore: decorator
@inline function kStep(k: i32): i32 {
  const kb = (k + KC - 1) / KC;
  return kb > 1 ? (((k + kb - 1) / kb + 3) & ~3) : KC;
}

/**
 * A product that overwrites C stores its first k-block (with the bias) instead of zero-filling;
 * otherwise (accumulate, or k = 0) C's block is prepared here: bias added, copied, or zeroed.
 */
// @ts-ignore: decorator
@inline function prefill(c: usize, bias: usize, n: i32, accumulate: bool, r0: i32, r1: i32, c0: i32, w: i32): void {
  for (let i = r0; i < r1; i++) {
    const row = at(c, i * n + c0);
    if (accumulate) {
      if (bias != 0) for (let j = 0; j < w; j++) store<f32>(at(row, j), load<f32>(at(row, j)) + load<f32>(at(bias, c0 + j)));
    } else if (bias != 0) memory.copy(row, at(bias, c0), <usize>w << 2);
    else memory.fill(row, 0, <usize>w << 2);
  }
}

/**
 * Rows [r0, r1) × columns [jc, jc + nc) of C for one k-block [pc, pc + kc), with op(B)'s panels
 * for those columns packed at `panels` ([⌈nc/8⌉][kc][8]). The 4-row strip of A stays in L1 over
 * the panel loop; a full strip of plain A is read in place, others are packed at `ap`.
 */
// @ts-ignore: decorator
@inline function rowsBlock(a: usize, m: i32, k: i32, transA: bool, pc: i32, kc: i32, panels: usize, c: usize, n: i32,
  r0: i32, r1: i32, jc: i32, nc: i32, mode: i32, bias: usize, ap: usize, tile: usize): void {
  for (let i = r0; i < r1; i += 4) {
    const mr = min(4, r1 - i);
    let pa = at(a, i * k + pc), trs: usize = <usize>k << 2, tps: usize = 4;
    if (transA || mr < 4) {
      packA(a, m, k, transA, i, mr, pc, kc, ap);
      pa = ap; trs = 4; tps = 16;
    }
    for (let jb = 0; jb < nc; jb += 8) {
      kernel4x8(pa, trs, tps, at(panels, jb * kc), kc, at(c, i * n + jc + jb), n, mr, min(8, nc - jb), tile, mode, at(bias, jc + jb));
    }
  }
}

/**
 * Block [r0, r1) × [c0, c1) of C [m, n] = op(A)·op(B) (+ bias[n]); accumulate keeps C's contents.
 * A is [m, k] ([k, m] if transA), B is [k, n] ([n, k] if transB); bias = 0 means none.
 * flags: bit 0 transA, bit 1 transB, bit 2 accumulate.
 */
export function matmul(a: usize, b: usize, c: usize, bias: usize, m: i32, n: i32, k: i32,
  flags: i32, r0: i32, r1: i32, c0: i32, c1: i32, scratch: usize): void {
  const transA = (flags & 1) != 0, transB = (flags & 2) != 0, accumulate = (flags & 4) != 0;
  const w = c1 - c0;
  if (w <= 0) return;
  const direct = !accumulate && k > 0;
  if (!direct) prefill(c, bias, n, accumulate, r0, r1, c0, w);
  const bp = scratch, ap = at(scratch, KC * NC), tile = at(ap, KC * 4);
  const kstep = kStep(k);
  for (let pc = 0; pc < k; pc += kstep) {
    const kc = min(kstep, k - pc);
    const mode = direct && pc == 0 ? (bias != 0 ? 2 : 1) : 0;
    for (let jc = c0; jc < c1; jc += NC) {
      const nc = min(NC, c1 - jc);
      packB(b, n, k, transB, pc, kc, 0, kc, jc, nc, bp);
      rowsBlock(a, m, k, transA, pc, kc, bp, c, n, r0, r1, jc, nc, mode, bias, ap, tile);
    }
  }
}

/**
 * Bytes of the shared packed op(B) of a product with this n and k: every k-block's panels,
 * block [pc, pc + kc) at float offset pc·n₈ (n₈ = n rounded up to 8), its panel j at + j·kc.
 * Threads that split a product by rows pack it once, together, instead of once each.
 */
export function packedBBytes(n: i32, k: i32): i32 {
  return k * ((n + 7) & ~7) * 4;
}

/**
 * Packs rows [q0, q1) of op(B) (all columns) into the shared layout at `bp`: the part of every
 * k-block that falls in that range.
 */
export function packBShared(b: usize, n: i32, k: i32, flags: i32, q0: i32, q1: i32, bp: usize): void {
  const transB = (flags & 2) != 0, n8 = (n + 7) & ~7, kstep = kStep(k);
  for (let pc = 0; pc < k; pc += kstep) {
    const kc = min(kstep, k - pc);
    const p0 = max(q0, pc) - pc, p1 = min(q1, pc + kc) - pc;
    if (p0 < p1) packB(b, n, k, transB, pc, kc, p0, p1, 0, n, at(bp, pc * n8));
  }
}

/** Rows [r0, r1) of C = op(A)·op(B) (+ bias), as `matmul`, with op(B) packed at `bp` by packBShared. */
export function matmulPacked(a: usize, bp: usize, c: usize, bias: usize, m: i32, n: i32, k: i32,
  flags: i32, r0: i32, r1: i32, scratch: usize): void {
  const transA = (flags & 1) != 0, accumulate = (flags & 4) != 0;
  if (n <= 0) return;
  const direct = !accumulate && k > 0;
  if (!direct) prefill(c, bias, n, accumulate, r0, r1, 0, n);
  const ap = at(scratch, KC * NC), tile = at(ap, KC * 4);
  const n8 = (n + 7) & ~7, kstep = kStep(k);
  for (let pc = 0; pc < k; pc += kstep) {
    const kc = min(kstep, k - pc);
    const mode = direct && pc == 0 ? (bias != 0 ? 2 : 1) : 0;
    for (let jc = 0; jc < n; jc += NC) {
      rowsBlock(a, m, k, transA, pc, kc, at(bp, pc * n8 + jc * kc), c, n, r0, r1, jc, min(NC, n - jc), mode, bias, ap, tile);
    }
  }
}
