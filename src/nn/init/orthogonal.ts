import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { globalRng } from '../../core/rng.js';
import { ArgumentError } from '../../core/errors.js';
import { checkNumber, checkOptions } from '../../core/check.js';
import { expectTensor } from '../../tensor/expect.js';
import { fromArray } from '../../tensor/create.js';
import { initArgs, writeValues } from './fan.js';

/**
 * Orthogonal init (Saxe et al. 2013; concepts §6): W = gain·Q, with Q from the QR decomposition
 * A = QR of a standard-normal matrix A [rows, cols] (rows = size(0), cols = the product of the
 * other dims; A transposed first when rows < cols), each column of Q multiplied by sign(R_kk) so
 * that Q is uniformly (Haar) distributed. Then QᵀQ = I (rows ≥ cols) or QQᵀ = I (rows < cols).
 * Matches `torch.nn.init.orthogonal_` (same draw layout, same sign rule); for a given A,
 * orthogonalFrom(A) equals torch's result to rounding.
 * @example
 * const w = init.orthogonal_(zeros([3, 5], { dtype: 'float64' }), { rng: new Rng(0) });
 * w.matmul(w.t()).sub(eye(3, { dtype: 'float64' })).abs().max().item() < 1e-12 // true
 */
export function orthogonal_(t: Tensor, opts: { gain?: number; rng?: Rng } = {}): Tensor {
  const o = initArgs('orthogonal_', t, opts, ['gain', 'rng']);
  const gain = o.gain === undefined ? 1 : checkNumber('orthogonal_', 'gain', o.gain, { min: 0 });
  const [rows, cols] = matrixDims('orthogonal_', 't', t);
  if (t.size === 0) return t; // torch: a no-op
  const rng = o.rng ?? globalRng;
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < a.length; i++) a[i] = rng.normal(0, 1);
  return writeValues(t, signedQ(a, rows, cols, gain));
}

/**
 * The deterministic half of orthogonal_ (concepts §6): gain·Q for the given matrix A (its first
 * dim is the rows, the rest flattened into columns), Q from the QR decomposition of A (of Aᵀ when
 * rows < cols, transposed back) with columns multiplied by sign(diag R). Returns a new tensor of
 * A's shape and dtype; computed in float64 by Householder reflections.
 * @example init.orthogonalFrom(tensor([[3], [4]])).tolist() // [[0.6], [0.8]]
 */
export function orthogonalFrom(matrix: Tensor, opts: { gain?: number } = {}): Tensor {
  const m = expectTensor('orthogonalFrom', 'matrix', matrix);
  m.assertAlive('orthogonalFrom');
  const o = checkOptions('orthogonalFrom', opts, ['gain']);
  const gain = o.gain === undefined ? 1 : checkNumber('orthogonalFrom', 'gain', o.gain, { min: 0 });
  const [rows, cols] = matrixDims('orthogonalFrom', 'matrix', m);
  const dtype = m.dtype === 'float64' ? 'float64' : 'float32';
  if (m.size === 0) return fromArray([], m.shape, { dtype });
  return fromArray(signedQ(Float64Array.from(m.toTypedArray()), rows, cols, gain), m.shape, { dtype });
}

function matrixDims(op: string, arg: string, t: Tensor): [number, number] {
  if (t.ndim < 2) {
    throw new ArgumentError(op, `${arg} must have at least 2 dims (rows, then columns flattened)`, { got: [[arg, t.shape]] });
  }
  const rows = t.shape[0];
  return [rows, rows === 0 ? 0 : t.size / rows];
}

/** gain·Q·diag(sign R) of the row-major [rows, cols] matrix a, transposing when rows < cols. */
function signedQ(a: Float64Array, rows: number, cols: number, gain: number): Float64Array {
  if (rows >= cols) return scale(householderQ(a, rows, cols), gain);
  const q = householderQ(transpose(a, rows, cols), cols, rows); // [cols, rows]
  return scale(transpose(q, cols, rows), gain);
}

function transpose(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

function scale(a: Float64Array, s: number): Float64Array {
  if (s !== 1) for (let i = 0; i < a.length; i++) a[i] *= s;
  return a;
}

/**
 * Reduced QR of a row-major m×n matrix (m ≥ n) by Householder reflections, float64: returns the
 * m×n factor Q with column k multiplied by sign(R_kk) (so R's diagonal is made non-negative, and
 * Q does not depend on the reflection convention; sign 0 zeroes the column, as torch's d.sign()).
 */
function householderQ(a: Float64Array, m: number, n: number): Float64Array {
  const r = Float64Array.from(a);
  const vs: (Float64Array | null)[] = [];
  const sign = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let big = 0;
    for (let i = k; i < m; i++) big = Math.max(big, Math.abs(r[i * n + k]));
    if (big === 0) {
      vs.push(null); // the column is already zero below the diagonal: R_kk = 0, H = I
      sign[k] = 0;
      continue;
    }
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += (r[i * n + k] / big) ** 2;
    const x0 = r[k * n + k];
    const alpha = (x0 >= 0 ? -1 : 1) * big * Math.sqrt(norm2); // R_kk after the reflection
    const v = new Float64Array(m - k);
    v[0] = x0 - alpha;
    for (let i = k + 1; i < m; i++) v[i - k] = r[i * n + k];
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k] * r[i * n + j];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) r[i * n + j] -= f * v[i - k];
    }
    vs.push(v);
    sign[k] = Math.sign(alpha);
  }
  // Q = H_0 H_1 … H_{n−1} applied to the first n columns of the identity, last reflection first.
  const q = new Float64Array(m * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = vs[k];
    if (v === null) continue;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k] * q[i * n + j];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) q[i * n + j] -= f * v[i - k];
    }
  }
  for (let i = 0; i < m; i++) for (let k = 0; k < n; k++) q[i * n + k] *= sign[k];
  return q;
}
