// Element-wise float32 kernels: fill, unary (op-id table), binary over broadcast strides, where,
// strided copy, cast int32→float32 and row gather. Pointers are byte addresses; counts elements.

import { expV, sigmoidV, tanhV } from './simd-math';

export function fill(out: usize, n: i32, value: f32): void {
  const v = f32x4.splat(value);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), v);
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), value);
}

// Unary op ids (the TS side maps names to these): neg exp log sqrt abs reciprocal relu sigmoid tanh sign
// @ts-ignore: decorator
@inline function unaryV(op: i32, x: v128): v128 {
  switch (op) {
    case 0: return f32x4.neg(x);
    case 1: return expV(x);
    case 3: return f32x4.sqrt(x);
    case 4: return f32x4.abs(x);
    case 5: return f32x4.div(f32x4.splat(1), x);
    // relu: x > 0 ? x : (NaN stays NaN, else 0)
    case 6: return v128.and(x, v128.or(f32x4.gt(x, f32x4.splat(0)), f32x4.ne(x, x)));
    case 7: return sigmoidV(x);
    case 8: return tanhV(x);
    case 9: {
      // sign: 1, −1, or x itself for ±0 and NaN
      const one = f32x4.splat(1);
      const pos = f32x4.gt(x, f32x4.splat(0));
      const neg = f32x4.lt(x, f32x4.splat(0));
      const s = v128.bitselect(one, v128.bitselect(f32x4.neg(one), x, neg), pos);
      return s;
    }
    default: {
      // 2 = log: per lane through the accurate scalar routine
      return f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(x,
        0, Mathf.log(f32x4.extract_lane(x, 0))), 1, Mathf.log(f32x4.extract_lane(x, 1))),
        2, Mathf.log(f32x4.extract_lane(x, 2))), 3, Mathf.log(f32x4.extract_lane(x, 3)));
    }
  }
}

/** Loads the 1–3 trailing elements into a vector (other lanes 0). */
// @ts-ignore: decorator
@inline function loadTail(p: usize, rem: i32): v128 {
  let v = f32x4.splat(0);
  v = f32x4.replace_lane(v, 0, load<f32>(p));
  if (rem > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (rem > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}
// @ts-ignore: decorator
@inline function storeTail(p: usize, v: v128, rem: i32): void {
  store<f32>(p, f32x4.extract_lane(v, 0));
  if (rem > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (rem > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
}

/** The loop for one op; inlined with a constant `op` so each op gets its own specialised loop. */
// @ts-ignore: decorator
@inline function unaryLoop(op: i32, x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, unaryV(op, v128.load(x + o)));
  }
  if (i < n) {
    const o = <usize>i << 2;
    storeTail(out + o, unaryV(op, loadTail(x + o, n - i)), n - i);
  }
}

export function unary(op: i32, x: usize, out: usize, n: i32): void {
  switch (op) {
    case 0: unaryLoop(0, x, out, n); break;
    case 1: unaryLoop(1, x, out, n); break;
    case 2: unaryLoop(2, x, out, n); break;
    case 3: unaryLoop(3, x, out, n); break;
    case 4: unaryLoop(4, x, out, n); break;
    case 5: unaryLoop(5, x, out, n); break;
    case 6: unaryLoop(6, x, out, n); break;
    case 7: unaryLoop(7, x, out, n); break;
    case 8: unaryLoop(8, x, out, n); break;
    default: unaryLoop(9, x, out, n);
  }
}

// Binary op ids: add sub mul div maximum minimum pow eq ne lt le gt ge reluBackward
// sigmoidBackward tanhBackward
// @ts-ignore: decorator
@inline function binaryV(op: i32, a: v128, b: v128): v128 {
  const one = f32x4.splat(1);
  switch (op) {
    case 0: return f32x4.add(a, b);
    case 1: return f32x4.sub(a, b);
    case 2: return f32x4.mul(a, b);
    case 3: return f32x4.div(a, b);
    case 4: return f32x4.max(a, b);
    case 5: return f32x4.min(a, b);
    case 7: return v128.and(f32x4.eq(a, b), one);
    case 8: return v128.and(f32x4.ne(a, b), one);
    case 9: return v128.and(f32x4.lt(a, b), one);
    case 10: return v128.and(f32x4.le(a, b), one);
    case 11: return v128.and(f32x4.gt(a, b), one);
    case 12: return v128.and(f32x4.ge(a, b), one);
    // reluBackward(dy, y) = y ≤ 0 ? 0 : dy (torch's threshold_backward: NaN y passes dy)
    case 13: return v128.andnot(a, f32x4.le(b, f32x4.splat(0)));
    // sigmoidBackward(dy, y) = dy·y·(1 − y); tanhBackward(dy, y) = dy·(1 − y²)
    case 14: return f32x4.mul(f32x4.mul(a, b), f32x4.sub(one, b));
    case 15: return f32x4.mul(a, f32x4.sub(one, f32x4.mul(b, b)));
    default: {
      // 6 = pow, per lane
      return f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(a,
        0, Mathf.pow(f32x4.extract_lane(a, 0), f32x4.extract_lane(b, 0))),
        1, Mathf.pow(f32x4.extract_lane(a, 1), f32x4.extract_lane(b, 1))),
        2, Mathf.pow(f32x4.extract_lane(a, 2), f32x4.extract_lane(b, 2))),
        3, Mathf.pow(f32x4.extract_lane(a, 3), f32x4.extract_lane(b, 3)));
    }
  }
}

// @ts-ignore: decorator
@inline function binaryS(op: i32, a: f32, b: f32): f32 {
  return f32x4.extract_lane(binaryV(op, f32x4.splat(a), f32x4.splat(b)), 0);
}

/** A constant 1.0f in static memory (pow's x¹ and x⁻¹ forms read it as a broadcast operand). */
const one: usize = memory.data<f32>([1.0]);

/** One row: out[i] = f(a[i·sa], b[i·sb]) for i < n; strides in elements (0 = broadcast). */
export function binaryRow(op: i32, a: usize, sa: i32, b: usize, sb: i32, out: usize, n: i32): void {
  switch (op) {
    case 0: binaryLoop(0, a, sa, b, sb, out, n); break;
    case 1: binaryLoop(1, a, sa, b, sb, out, n); break;
    case 2: binaryLoop(2, a, sa, b, sb, out, n); break;
    case 3: binaryLoop(3, a, sa, b, sb, out, n); break;
    case 4: binaryLoop(4, a, sa, b, sb, out, n); break;
    case 5: binaryLoop(5, a, sa, b, sb, out, n); break;
    case 6: {
      // pow by a broadcast exponent that has an exact cheaper form (x², x, 1/x, 1: the same
      // correctly rounded results as pow); others per lane through Mathf.pow
      if (sb == 0) {
        const e = load<f32>(b);
        if (e == 2) { binaryLoop(2, a, sa, a, sa, out, n); break; }
        if (e == 1) { binaryLoop(2, a, sa, one, 0, out, n); break; }
        if (e == -1) { binaryLoop(3, one, 0, a, sa, out, n); break; }
      }
      binaryLoop(6, a, sa, b, sb, out, n);
      break;
    }
    case 7: binaryLoop(7, a, sa, b, sb, out, n); break;
    case 8: binaryLoop(8, a, sa, b, sb, out, n); break;
    case 9: binaryLoop(9, a, sa, b, sb, out, n); break;
    case 10: binaryLoop(10, a, sa, b, sb, out, n); break;
    case 11: binaryLoop(11, a, sa, b, sb, out, n); break;
    case 12: binaryLoop(12, a, sa, b, sb, out, n); break;
    case 13: binaryLoop(13, a, sa, b, sb, out, n); break;
    case 14: binaryLoop(14, a, sa, b, sb, out, n); break;
    default: binaryLoop(15, a, sa, b, sb, out, n);
  }
}

/** binaryRow's loops, inlined with a constant `op` (one specialised copy per op). */
// @ts-ignore: decorator
@inline function binaryLoop(op: i32, a: usize, sa: i32, b: usize, sb: i32, out: usize, n: i32): void {
  let i = 0;
  if (sa == 1 && sb == 1) {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2;
      v128.store(out + o, binaryV(op, v128.load(a + o), v128.load(b + o)));
    }
  } else if (sa == 0 && sb == 1) {
    const va = v128.load32_splat(a);
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2;
      v128.store(out + o, binaryV(op, va, v128.load(b + o)));
    }
  } else if (sa == 1 && sb == 0) {
    const vb = v128.load32_splat(b);
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2;
      v128.store(out + o, binaryV(op, v128.load(a + o), vb));
    }
  }
  for (; i < n; i++) {
    const x = load<f32>(a + (<usize>(i * sa) << 2));
    const y = load<f32>(b + (<usize>(i * sb) << 2));
    store<f32>(out + (<usize>i << 2), binaryS(op, x, y));
  }
}

/**
 * Walks the outer dims of a strided problem. meta (i32): [rank, shape…, s0…, s1…, s2…, s3…]
 * holds up to four operands' strides (elements); returns the operand offsets of each row
 * through the callback-free odometer used by the three strided kernels below.
 */
// @ts-ignore: decorator
@inline function metaAt(meta: usize, i: i32): i32 {
  return load<i32>(meta + (<usize>i << 2));
}

export function binaryStrided(op: i32, a: usize, b: usize, out: usize, meta: usize): void {
  const rank = metaAt(meta, 0);
  const last = rank - 1;
  const n = metaAt(meta, 1 + last);
  const sa = metaAt(meta, 1 + rank + last), sb = metaAt(meta, 1 + 2 * rank + last);
  // odometer over dims 0..last-1; idx kept in meta after the strides
  const idx = meta + (<usize>(1 + 4 * rank) << 2);
  for (let d = 0; d < last; d++) store<i32>(idx + (<usize>d << 2), 0);
  let pa = a, pb = b, po = out;
  for (;;) {
    binaryRow(op, pa, sa, pb, sb, po, n);
    po += <usize>n << 2;
    let d = last - 1;
    for (; d >= 0; d--) {
      const p = idx + (<usize>d << 2);
      const v = load<i32>(p) + 1;
      const da = metaAt(meta, 1 + rank + d), db = metaAt(meta, 1 + 2 * rank + d);
      if (v < metaAt(meta, 1 + d)) {
        store<i32>(p, v);
        pa += <usize>(da << 2);
        pb += <usize>(db << 2);
        break;
      }
      store<i32>(p, 0);
      pa -= <usize>((da * (v - 1)) << 2);
      pb -= <usize>((db * (v - 1)) << 2);
    }
    if (d < 0) return;
  }
}

/** out = cond ≠ 0 ? a : b over meta's shape (operands cond, a, b; out contiguous). */
export function whereStrided(cond: usize, condInt: bool, a: usize, b: usize, out: usize, meta: usize): void {
  const rank = metaAt(meta, 0);
  let total = 1;
  for (let d = 0; d < rank; d++) total *= metaAt(meta, 1 + d);
  const idx = meta + (<usize>(1 + 4 * rank) << 2);
  for (let d = 0; d < rank; d++) store<i32>(idx + (<usize>d << 2), 0);
  let pc = cond, pa = a, pb = b;
  for (let i = 0; i < total; i++) {
    const c = condInt ? load<i32>(pc) != 0 : load<f32>(pc) != 0;
    store<f32>(out + (<usize>i << 2), c ? load<f32>(pa) : load<f32>(pb));
    for (let d = rank - 1; d >= 0; d--) {
      const p = idx + (<usize>d << 2);
      const v = load<i32>(p) + 1;
      const sc = metaAt(meta, 1 + rank + d), sa = metaAt(meta, 1 + 2 * rank + d);
      const sb = metaAt(meta, 1 + 3 * rank + d);
      if (v < metaAt(meta, 1 + d)) {
        store<i32>(p, v);
        pc += <usize>(sc << 2); pa += <usize>(sa << 2); pb += <usize>(sb << 2);
        break;
      }
      store<i32>(p, 0);
      pc -= <usize>((sc * (v - 1)) << 2); pa -= <usize>((sa * (v - 1)) << 2);
      pb -= <usize>((sb * (v - 1)) << 2);
    }
  }
}

/** Copies 4-byte elements x → out, both read through strides (operands x, out) over meta's shape. */
export function copyStrided(x: usize, out: usize, meta: usize): void {
  const rank = metaAt(meta, 0);
  const last = rank - 1;
  const n = metaAt(meta, 1 + last);
  const sx = metaAt(meta, 1 + rank + last), so = metaAt(meta, 1 + 2 * rank + last);
  const idx = meta + (<usize>(1 + 4 * rank) << 2);
  for (let d = 0; d < last; d++) store<i32>(idx + (<usize>d << 2), 0);
  let px = x, po = out;
  for (;;) {
    if (sx == 1 && so == 1) memory.copy(po, px, <usize>n << 2);
    else for (let j = 0; j < n; j++) store<i32>(po + (<usize>(j * so) << 2), load<i32>(px + (<usize>(j * sx) << 2)));
    let d = last - 1;
    for (; d >= 0; d--) {
      const p = idx + (<usize>d << 2);
      const v = load<i32>(p) + 1;
      const dx = metaAt(meta, 1 + rank + d), dout = metaAt(meta, 1 + 2 * rank + d);
      if (v < metaAt(meta, 1 + d)) {
        store<i32>(p, v);
        px += <usize>(dx << 2); po += <usize>(dout << 2);
        break;
      }
      store<i32>(p, 0);
      px -= <usize>((dx * (v - 1)) << 2); po -= <usize>((dout * (v - 1)) << 2);
    }
    if (d < 0) return;
  }
}

/** int32 → float32, exact below 2²⁴ and rounded to nearest above. */
export function castI32F32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, f32x4.convert_i32x4_s(v128.load(x + o)));
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>load<i32>(x + (<usize>i << 2)));
}

/** out[i, :] = x[indices[i], :] for 4-byte elements, rows of rowSize. */
export function gatherRows(x: usize, indices: usize, count: i32, rowSize: i32, out: usize): void {
  const bytes = <usize>rowSize << 2;
  for (let i = 0; i < count; i++) {
    const r = <usize>load<i32>(indices + (<usize>i << 2));
    memory.copy(out + <usize>i * bytes, x + r * bytes, bytes);
  }
}

/** out[i] = f32(x[i]) for unsigned bytes (raw image pixels). */
export function castU8F32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    const v = v128.load(x + <usize>i);
    const lo = i16x8.extend_low_i8x16_u(v), hi = i16x8.extend_high_i8x16_u(v);
    const o = out + (<usize>i << 2);
    v128.store(o, f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(lo)));
    v128.store(o, f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(lo)), 16);
    v128.store(o, f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(hi)), 32);
    v128.store(o, f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(hi)), 48);
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>load<u8>(x + <usize>i));
}
