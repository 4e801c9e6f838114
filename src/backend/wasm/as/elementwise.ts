// Element-wise float32 kernels over contiguous rows: fill, unary (op-ids.ts ids), one row of a
// binary op (strides 0 or 1), casts to float32 and row gather; strided.ts walks broadcast shapes
// with these rows. Pointers are byte addresses; counts are elements.

import { Binary, Unary } from './op-ids';
import { expV, sigmoidV, tanhV } from './simd-math';

export function fill(out: usize, n: i32, value: f32): void {
  const v = f32x4.splat(value);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), v);
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), value);
}

// The unary op ids are op-ids.ts `Unary`; an id without a case traps (never another op).
// @ts-ignore: decorator
@inline function unaryV(op: i32, x: v128): v128 {
  switch (op) {
    case Unary.neg: return f32x4.neg(x);
    case Unary.exp: return expV(x);
    case Unary.log: {
      // per lane through the accurate scalar routine
      return f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(x,
        0, Mathf.log(f32x4.extract_lane(x, 0))), 1, Mathf.log(f32x4.extract_lane(x, 1))),
        2, Mathf.log(f32x4.extract_lane(x, 2))), 3, Mathf.log(f32x4.extract_lane(x, 3)));
    }
    case Unary.sqrt: return f32x4.sqrt(x);
    case Unary.abs: return f32x4.abs(x);
    case Unary.reciprocal: return f32x4.div(f32x4.splat(1), x);
    // relu: x > 0 ? x : (NaN stays NaN, else 0)
    case Unary.relu: return v128.and(x, v128.or(f32x4.gt(x, f32x4.splat(0)), f32x4.ne(x, x)));
    case Unary.sigmoid: return sigmoidV(x);
    case Unary.tanh: return tanhV(x);
    case Unary.sign: {
      // sign: 1, −1, or x itself for ±0 and NaN
      const one = f32x4.splat(1);
      const pos = f32x4.gt(x, f32x4.splat(0));
      const neg = f32x4.lt(x, f32x4.splat(0));
      const s = v128.bitselect(one, v128.bitselect(f32x4.neg(one), x, neg), pos);
      return s;
    }
    default: unreachable();
  }
  return x;
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
    case Unary.neg: unaryLoop(Unary.neg, x, out, n); break;
    case Unary.exp: unaryLoop(Unary.exp, x, out, n); break;
    case Unary.log: unaryLoop(Unary.log, x, out, n); break;
    case Unary.sqrt: unaryLoop(Unary.sqrt, x, out, n); break;
    case Unary.abs: unaryLoop(Unary.abs, x, out, n); break;
    case Unary.reciprocal: unaryLoop(Unary.reciprocal, x, out, n); break;
    case Unary.relu: unaryLoop(Unary.relu, x, out, n); break;
    case Unary.sigmoid: unaryLoop(Unary.sigmoid, x, out, n); break;
    case Unary.tanh: unaryLoop(Unary.tanh, x, out, n); break;
    case Unary.sign: unaryLoop(Unary.sign, x, out, n); break;
    default: unreachable();
  }
}

// The binary op ids are op-ids.ts `Binary`; an id without a case traps (never another op).
// @ts-ignore: decorator
@inline function binaryV(op: i32, a: v128, b: v128): v128 {
  const one = f32x4.splat(1);
  switch (op) {
    case Binary.add: return f32x4.add(a, b);
    case Binary.sub: return f32x4.sub(a, b);
    case Binary.mul: return f32x4.mul(a, b);
    case Binary.div: return f32x4.div(a, b);
    case Binary.maximum: return f32x4.max(a, b);
    case Binary.minimum: return f32x4.min(a, b);
    case Binary.pow: {
      // per lane through the scalar routine
      return f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(a,
        0, Mathf.pow(f32x4.extract_lane(a, 0), f32x4.extract_lane(b, 0))),
        1, Mathf.pow(f32x4.extract_lane(a, 1), f32x4.extract_lane(b, 1))),
        2, Mathf.pow(f32x4.extract_lane(a, 2), f32x4.extract_lane(b, 2))),
        3, Mathf.pow(f32x4.extract_lane(a, 3), f32x4.extract_lane(b, 3)));
    }
    case Binary.eq: return v128.and(f32x4.eq(a, b), one);
    case Binary.ne: return v128.and(f32x4.ne(a, b), one);
    case Binary.lt: return v128.and(f32x4.lt(a, b), one);
    case Binary.le: return v128.and(f32x4.le(a, b), one);
    case Binary.gt: return v128.and(f32x4.gt(a, b), one);
    case Binary.ge: return v128.and(f32x4.ge(a, b), one);
    // reluBackward(dy, y) = y ≤ 0 ? 0 : dy (torch's threshold_backward: NaN y passes dy)
    case Binary.reluBackward: return v128.andnot(a, f32x4.le(b, f32x4.splat(0)));
    // sigmoidBackward(dy, y) = dy·y·(1 − y); tanhBackward(dy, y) = dy·(1 − y²)
    case Binary.sigmoidBackward: return f32x4.mul(f32x4.mul(a, b), f32x4.sub(one, b));
    case Binary.tanhBackward: return f32x4.mul(a, f32x4.sub(one, f32x4.mul(b, b)));
    default: unreachable();
  }
  return a;
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
    case Binary.add: binaryLoop(Binary.add, a, sa, b, sb, out, n); break;
    case Binary.sub: binaryLoop(Binary.sub, a, sa, b, sb, out, n); break;
    case Binary.mul: binaryLoop(Binary.mul, a, sa, b, sb, out, n); break;
    case Binary.div: binaryLoop(Binary.div, a, sa, b, sb, out, n); break;
    case Binary.maximum: binaryLoop(Binary.maximum, a, sa, b, sb, out, n); break;
    case Binary.minimum: binaryLoop(Binary.minimum, a, sa, b, sb, out, n); break;
    case Binary.pow: {
      // pow by a broadcast exponent that has an exact cheaper form (x², x, 1/x, 1: the same
      // correctly rounded results as pow); others per lane through Mathf.pow
      if (sb == 0) {
        const e = load<f32>(b);
        if (e == 2) { binaryLoop(Binary.mul, a, sa, a, sa, out, n); break; }
        if (e == 1) { binaryLoop(Binary.mul, a, sa, one, 0, out, n); break; }
        if (e == -1) { binaryLoop(Binary.div, one, 0, a, sa, out, n); break; }
      }
      binaryLoop(Binary.pow, a, sa, b, sb, out, n);
      break;
    }
    case Binary.eq: binaryLoop(Binary.eq, a, sa, b, sb, out, n); break;
    case Binary.ne: binaryLoop(Binary.ne, a, sa, b, sb, out, n); break;
    case Binary.lt: binaryLoop(Binary.lt, a, sa, b, sb, out, n); break;
    case Binary.le: binaryLoop(Binary.le, a, sa, b, sb, out, n); break;
    case Binary.gt: binaryLoop(Binary.gt, a, sa, b, sb, out, n); break;
    case Binary.ge: binaryLoop(Binary.ge, a, sa, b, sb, out, n); break;
    case Binary.reluBackward: binaryLoop(Binary.reluBackward, a, sa, b, sb, out, n); break;
    case Binary.sigmoidBackward: binaryLoop(Binary.sigmoidBackward, a, sa, b, sb, out, n); break;
    case Binary.tanhBackward: binaryLoop(Binary.tanhBackward, a, sa, b, sb, out, n); break;
    default: unreachable();
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
