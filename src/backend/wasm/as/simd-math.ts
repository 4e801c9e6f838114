// SIMD float32 math for the kernels: exp and tanh (Cephes expf/tanhf polynomials, ≤ 2 ulp) and
// the multiply-add that becomes a fused relaxed-SIMD FMA in the relaxed build.

/** a·b + c: f32x4.relaxed_madd in the relaxed build, mul then add otherwise. */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-ignore: decorator
@inline function poly(y: v128, x: v128, c: f32): v128 {
  return f32x4.add(f32x4.mul(y, x), f32x4.splat(c));
}

/**
 * exp(x) = 2ⁿ · eʳ with n = round(x·log₂e) and r = x − n·ln 2 (ln 2 split in two parts);
 * eʳ = 1 + r + r²·P(r) (Cephes expf). 2ⁿ is applied as 2^⌊n/2⌋ · 2^(n−⌊n/2⌋) so n ∈ [−150, 128]
 * stays representable (subnormal results, values near FLT_MAX). x > 88.7228 → +∞; NaN → NaN.
 */
export function expV(x: v128): v128 {
  const hi = f32x4.splat(88.72283935546875);
  // pmax/pmin keep NaN (a compare-select each, cheaper than the NaN-propagating max/min)
  const xc = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-103.97208404541016)), hi);
  // n = round(x·log₂e) through the 1.5·2²³ magic constant: its low mantissa bits hold n
  const magic = f32x4.splat(12582912.0);
  const t = f32x4.add(f32x4.mul(xc, f32x4.splat(1.44269504088896341)), magic);
  const fx = f32x4.sub(t, magic);
  const n = i32x4.sub(t, magic);
  let r = f32x4.sub(xc, f32x4.mul(fx, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  const z = f32x4.mul(r, r);
  let y = f32x4.splat(1.9875691500e-4);
  y = poly(y, r, 1.3981999507e-3);
  y = poly(y, r, 8.3334519073e-3);
  y = poly(y, r, 4.1665795894e-2);
  y = poly(y, r, 1.6666665459e-1);
  y = poly(y, r, 5.0000001201e-1);
  y = f32x4.add(f32x4.add(f32x4.mul(y, z), r), f32x4.splat(1));
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const bias = i32x4.splat(127);
  y = f32x4.mul(y, i32x4.shl(i32x4.add(n1, bias), 23));
  y = f32x4.mul(y, i32x4.shl(i32x4.add(n2, bias), 23));
  return v128.bitselect(f32x4.splat(Infinity), y, f32x4.gt(x, hi));
}

/**
 * tanh(x): for |x| < 0.625, x + x·z·P(z) with z = x² (Cephes tanhf); otherwise
 * sign(x)·(1 − 2/(e^{2|x|} + 1)).
 */
export function tanhV(x: v128): v128 {
  const ax = f32x4.abs(x);
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = poly(p, z, 2.06390887954e-2);
  p = poly(p, z, -5.37397155531e-2);
  p = poly(p, z, 1.33314422036e-1);
  p = poly(p, z, -3.33332819422e-1);
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), x), x);
  const t = expV(f32x4.add(ax, ax));
  const one = f32x4.splat(1);
  let big = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(t, one)));
  // copy the sign of x onto big
  const signBit = i32x4.splat(0x80000000);
  big = v128.or(v128.andnot(big, signBit), v128.and(x, signBit));
  return v128.bitselect(small, big, f32x4.lt(ax, f32x4.splat(0.625)));
}

/** σ(x) = 1 / (1 + e^{−x}). */
// @ts-ignore: decorator
@inline export function sigmoidV(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, expV(f32x4.neg(x))));
}
