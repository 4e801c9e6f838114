// orthogonal_ and orthogonalFrom (concepts §6): (semi-)orthogonality by shape, the gain, the sign
// rule (QᵀA = R upper triangular with a positive diagonal), conv weights, errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeros, tensor, fromArray, Parameter, Rng, init, type Tensor } from '../../index.js';

/** max |G − c²·I| where G = W Wᵀ (rows) or Wᵀ W (cols), W viewed as [rows, size/rows]. */
function gramError(w: Tensor, c = 1): number {
  const rows = w.shape[0], cols = w.size / rows, a = w.toTypedArray();
  const byRows = rows <= cols;
  const k = byRows ? rows : cols, len = byRows ? cols : rows;
  const at = (v: number, i: number) => (byRows ? a[v * cols + i] : a[i * cols + v]);
  let err = 0;
  for (let u = 0; u < k; u++) {
    for (let v = u; v < k; v++) {
      let s = 0;
      for (let i = 0; i < len; i++) s += at(u, i) * at(v, i);
      err = Math.max(err, Math.abs(s - (u === v ? c * c : 0)));
    }
  }
  return err;
}

test('orthogonal_: WᵀW = I when rows ≥ cols, WWᵀ = I when rows < cols; conv weights flattened; in place', () => {
  for (const shape of [[50, 20], [20, 50], [32, 32], [16, 3, 3, 3], [8, 4, 5, 5], [1, 9], [9, 1]]) {
    const w = zeros(shape, { dtype: 'float64' });
    assert.equal(init.orthogonal_(w, { rng: new Rng(1) }), w);
    assert.deepEqual(w.shape, shape);
    assert.ok(gramError(w) < 1e-13, `[${shape}]: ${gramError(w)}`);
  }
  const p = new Parameter(zeros([64, 128]));
  assert.equal(init.orthogonal_(p, { gain: Math.SQRT2, rng: new Rng(2) }), p);
  assert.ok(p.requiresGrad);
  assert.ok(gramError(p, Math.SQRT2) < 1e-5, `float32 with gain √2: ${gramError(p, Math.SQRT2)}`);
});

test('orthogonalFrom: Q with QᵀA = R upper triangular and diag(R) > 0 (torch\'s sign rule)', () => {
  const rng = new Rng(3);
  for (const [rows, cols] of [[7, 4], [4, 7], [5, 5]]) {
    const data = Array.from({ length: rows * cols }, () => rng.normal());
    const q = init.orthogonalFrom(fromArray(data, [rows, cols], { dtype: 'float64' })).toTypedArray();
    // For rows < cols the factorization is of Aᵀ: work with the tall matrix B and its Q.
    const tall = rows >= cols;
    const m = tall ? rows : cols, n = tall ? cols : rows;
    const B = (i: number, j: number) => (tall ? data[i * cols + j] : data[j * cols + i]);
    const Q = (i: number, j: number) => (tall ? q[i * cols + j] : q[j * cols + i]);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += Q(i, r) * B(i, c);
        if (r > c) assert.ok(Math.abs(s) < 1e-12, `[${rows}, ${cols}] R[${r}][${c}] = ${s}, below the diagonal`);
        if (r === c) assert.ok(s > 0, `[${rows}, ${cols}] R[${r}][${r}] = ${s} > 0`);
      }
    }
  }
});

test('orthogonalFrom: small cases by hand; the gain; the input is left alone', () => {
  assert.deepEqual([...init.orthogonalFrom(tensor([[3], [4]], { dtype: 'float64' })).toTypedArray()].map((v) => +v.toFixed(12)), [0.6, 0.8]);
  assert.deepEqual([...init.orthogonalFrom(tensor([[-3, -4]], { dtype: 'float64' }), { gain: 10 }).toTypedArray()].map((v) => +v.toFixed(12)), [-6, -8]);
  const a = tensor([[2, 1], [1, 3]], { dtype: 'float64' });
  const q = init.orthogonalFrom(a);
  assert.deepEqual(a.tolist(), [[2, 1], [1, 3]]);
  assert.equal(q.dtype, 'float64');
  // Gram–Schmidt by hand: q1 = (2, 1)/√5, q2 = (−1, 2)/√5 (R₂₂ = 5/√5 > 0).
  const s = Math.sqrt(5);
  const expected = [[2 / s, -1 / s], [1 / s, 2 / s]];
  q.toTypedArray().forEach((v, i) => assert.ok(Math.abs(v - expected[i >> 1][i & 1]) < 1e-15, `q[${i}] = ${v}`));
});

test('orthogonal_ on an empty tensor is a no-op (as torch)', () => {
  const t = zeros([0, 4]);
  assert.equal(init.orthogonal_(t), t);
});

test('orthogonal errors name the function and the argument', () => {
  assert.throws(() => init.orthogonal_(zeros([5])), {
    name: 'ArgumentError', message: 'orthogonal_: t must have at least 2 dims (rows, then columns flattened); got t [5]',
  });
  assert.throws(() => init.orthogonal_(zeros([2, 2]), { gain: -1 }), {
    name: 'ArgumentError', message: 'orthogonal_: gain must be a finite number ≥ 0; got -1 (number)',
  });
  assert.throws(() => init.orthogonalFrom(tensor([1, 2])), {
    name: 'ArgumentError', message: 'orthogonalFrom: matrix must have at least 2 dims (rows, then columns flattened); got matrix [2]',
  });
});
