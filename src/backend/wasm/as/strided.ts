// Kernels over strided (broadcast, permuted) operands: binary ops, where and copy, each walking
// the outer dims with an odometer kept in the meta block the TS side writes (wasm-storage.ts
// writeMeta). Pointers are byte addresses.

import { binaryRow } from './elementwise';

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
