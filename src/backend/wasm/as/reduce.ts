// Reductions over x viewed as [outer, r, inner], row softmax / log-softmax, pick and the fused
// softmax-cross-entropy backward. Sums accumulate in float64 (as the js reference does).

import { at } from './layout';
import { expV } from './simd-math';
import { Reduce } from './op-ids';

// @ts-ignore: decorator
@inline function hsum64(s0: v128, s1: v128): f64 {
  const s = f64x2.add(s0, s1);
  return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

/** Σ of n contiguous floats, in float64. */
function sumRow(x: usize, n: i32): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(at(x, i));
    s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
    s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
  }
  let s = hsum64(s0, s1);
  for (; i < n; i++) s += <f64>load<f32>(at(x, i));
  return s;
}

/** op: a Reduce member (op-ids.ts; NaN propagates through max/min); any other op traps. */
export function reduce(op: i32, x: usize, out: usize, outer: i32, r: i32, inner: i32): void {
  if (op != Reduce.sum && op != Reduce.max && op != Reduce.min) unreachable();
  for (let o = 0; o < outer; o++) {
    const base = x + (<usize>o * <usize>r * <usize>inner << 2);
    const ob = at(out, o * inner);
    if (inner == 1) {
      store<f32>(ob, op == Reduce.sum ? <f32>sumRow(base, r) : extremeRow(op, base, r));
      continue;
    }
    let j = 0;
    if (op == Reduce.sum) {
      for (; j + 4 <= inner; j += 4) {
        let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
        for (let k = 0; k < r; k++) {
          const v = v128.load(at(base, k * inner + j));
          s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
          s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
        }
        v128.store(at(ob, j), v128.shuffle<f32>(f32x4.demote_f64x2_zero(s0), f32x4.demote_f64x2_zero(s1), 0, 1, 4, 5));
      }
      for (; j < inner; j++) {
        let s: f64 = 0;
        for (let k = 0; k < r; k++) s += <f64>load<f32>(at(base, k * inner + j));
        store<f32>(at(ob, j), <f32>s);
      }
    } else {
      const init = f32x4.splat(op == Reduce.max ? -Infinity : Infinity);
      for (; j + 4 <= inner; j += 4) {
        let acc = init;
        for (let k = 0; k < r; k++) {
          const v = v128.load(at(base, k * inner + j));
          acc = op == Reduce.max ? f32x4.max(acc, v) : f32x4.min(acc, v);
        }
        v128.store(at(ob, j), acc);
      }
      for (; j < inner; j++) {
        let acc = f32x4.extract_lane(init, 0);
        for (let k = 0; k < r; k++) {
          const v = load<f32>(at(base, k * inner + j));
          acc = op == Reduce.max ? Mathf.max(acc, v) : Mathf.min(acc, v);
        }
        store<f32>(at(ob, j), acc);
      }
    }
  }
}

function extremeRow(op: i32, x: usize, n: i32): f32 {
  let acc = f32x4.splat(op == Reduce.max ? -Infinity : Infinity);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(at(x, i));
    acc = op == Reduce.max ? f32x4.max(acc, v) : f32x4.min(acc, v);
  }
  let s = f32x4.extract_lane(acc, 0);
  for (let l = 1; l < 4; l++) {
    const v = l == 1 ? f32x4.extract_lane(acc, 1) : l == 2 ? f32x4.extract_lane(acc, 2) : f32x4.extract_lane(acc, 3);
    s = op == Reduce.max ? Mathf.max(s, v) : Mathf.min(s, v);
  }
  for (; i < n; i++) s = op == Reduce.max ? Mathf.max(s, load<f32>(at(x, i))) : Mathf.min(s, load<f32>(at(x, i)));
  return s;
}

/** argmax (isMax) / argmin: the first index of the extreme value; a NaN wins. out is int32. */
export function argReduce(isMax: bool, x: usize, out: usize, outer: i32, r: i32, inner: i32): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = at(x, o * r * inner + j);
      let best = r > 0 ? load<f32>(base) : 0;
      let arg = 0;
      for (let k = 1; k < r && best == best; k++) {
        const v = load<f32>(at(base, k * inner));
        if (v != v || (isMax ? v > best : v < best)) {
          best = v;
          arg = k;
        }
      }
      store<i32>(at(out, o * inner + j), arg);
    }
  }
}

/**
 * softmax(x)ⱼ = e^{xⱼ − max} / Σₖ e^{xₖ − max};  log-softmax: xⱼ − max − log Σₖ e^{xₖ − max}.
 */
export function softmax(x: usize, out: usize, rows: i32, cols: i32, log: bool): void {
  for (let r = 0; r < rows; r++) {
    const xr = at(x, r * cols), orow = at(out, r * cols);
    const mx = extremeRow(1, xr, cols);
    const vm = f32x4.splat(mx);
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const e = expV(f32x4.sub(v128.load(at(xr, j)), vm));
      if (!log) v128.store(at(orow, j), e);
      s0 = f64x2.add(s0, f64x2.promote_low_f32x4(e));
      s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(e, e, 2, 3, 0, 1)));
    }
    let s = hsum64(s0, s1);
    for (; j < cols; j++) {
      const e = <f64>Mathf.exp(load<f32>(at(xr, j)) - mx);
      if (!log) store<f32>(at(orow, j), <f32>e);
      s += e;
    }
    if (log) {
      // (xⱼ − max) − log Σ, in that order (as PyTorch): folding max + log Σ into one float32 first
      // rounded it at the scale of max, an error of u·|max| in every output (2.6e-4 at logits ~1e4)
      const ls = f32x4.splat(<f32>Math.log(s));
      j = 0;
      for (; j + 4 <= cols; j += 4) v128.store(at(orow, j), f32x4.sub(f32x4.sub(v128.load(at(xr, j)), vm), ls));
      const lss = f32x4.extract_lane(ls, 0);
      for (; j < cols; j++) store<f32>(at(orow, j), (load<f32>(at(xr, j)) - mx) - lss);
    } else {
      const inv = f32x4.splat(<f32>(1 / s));
      j = 0;
      for (; j + 4 <= cols; j += 4) v128.store(at(orow, j), f32x4.mul(v128.load(at(orow, j)), inv));
      const is = f32x4.extract_lane(inv, 0);
      for (; j < cols; j++) store<f32>(at(orow, j), load<f32>(at(orow, j)) * is);
    }
  }
}

/** out[i] = x[i, index[i]] (index int32). */
export function pick(x: usize, index: usize, out: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    store<f32>(at(out, r), load<f32>(at(x, r * cols + load<i32>(at(index, r)))));
  }
}

/** dx[i, j] = (p[i, j] − [j = index[i]]) · scale[i]. */
export function softmaxXentBackward(p: usize, index: usize, scale: usize, dx: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const s = load<f32>(at(scale, r));
    const vs = f32x4.splat(s);
    const pr = at(p, r * cols), dr = at(dx, r * cols);
    let j = 0;
    for (; j + 4 <= cols; j += 4) v128.store(at(dr, j), f32x4.mul(v128.load(at(pr, j)), vs));
    for (; j < cols; j++) store<f32>(at(dr, j), load<f32>(at(pr, j)) * s);
    const y = load<i32>(at(index, r));
    if (y >= 0 && y < cols) store<f32>(at(dr, y), (load<f32>(at(pr, y)) - 1) * s);
  }
}
