// Address and layout helpers shared by the kernels (inlined where they are used).

/** Byte address of float/int element i of the array at p. */
// @ts-ignore: decorator
@inline export function at(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

/**
 * Transposes the 4×4 block held in r0..r3 (4 rows of 4 floats) and stores its 4 columns as rows
 * `ld` bytes apart at `dst`: a packed matmul panel (ld = 32) or a transposed matrix.
 */
// @ts-ignore: decorator
@inline export function store4x4T(dst: usize, ld: usize, r0: v128, r1: v128, r2: v128, r3: v128): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5); // r0[0] r1[0] r0[1] r1[1]
  const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  v128.store(dst + ld, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * ld, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * ld, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}
