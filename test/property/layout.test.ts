// Property tests of layout ops and matmul (issue 14): reshape to any shape of the same size and
// back is the identity (−1 resolved, element order kept); permute moves every element where the
// index rule says and its inverse restores x; transpose is a permute of two axes and its own
// inverse; matmul (1-D operands, broadcast batches) matches the float64 product within the
// rounding bound, and (AB)ᵀ = BᵀAᵀ.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import fc from 'fast-check';
import * as nb from '../../src/index.js';
import {
  anyValueArb, broadcastPairArb, broadcastRule, broadcastSource, dtypeArb, finiteValueArb, sameValue, shapeArb,
  sizeOf, specsArb, targetArb, toTensor, unravel, UNIT_ROUNDOFF, type FloatDType, type TensorSpec,
} from './arbitraries.js';
import { property } from './runs.js';
import { gamma, underflowSlack } from './tolerance.js';

const xArb: fc.Arbitrary<TensorSpec> = fc.tuple(shapeArb(), dtypeArb)
  .chain(([s, d]) => specsArb([s], d, anyValueArb).map(([x]) => x));

function assertSame(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  assert.equal(got.length, want.length, `${what}: size`);
  for (let i = 0; i < got.length; i++) {
    assert.ok(sameValue(got[i], want[i]), `${what}: element ${i} is ${got[i]}, expected ${want[i]}`);
  }
}

describe('property: layout and matmul', () => {
  property('reshape: to any shape of the same size and back is the identity',
    xArb.chain((x) => targetArb(x.shape).map((t) => ({ x, ...t }))),
    ({ x: spec, target, resolved }, backend) => {
      const x = toTensor(spec, backend);
      const y = nb.reshape(x, target);
      assert.deepEqual([...y.shape], resolved, `reshape ${nb.formatShape(spec.shape)} → ${nb.formatShape(target)}`);
      assertSame(y.toTypedArray(), x.toTypedArray(), 'row-major order kept');
      assertSame(nb.reshape(y, spec.shape).toTypedArray(), x.toTypedArray(), 'back to x');
      assert.deepEqual([...nb.flatten(x).shape], [sizeOf(spec.shape)]);
      const d = spec.shape.length; // unsqueeze at the end, then squeeze that dim
      assertSame(nb.squeeze(nb.unsqueeze(x, d), d).toTypedArray(), x.toTypedArray(), 'unsqueeze/squeeze');
    });

  property('permute: every element moves by the index rule; the inverse permutation restores x',
    xArb.chain((x) => fc.shuffledSubarray([...x.shape.keys()], { minLength: x.shape.length })
      .map((perm) => ({ x, perm }))),
    ({ x: spec, perm }, backend) => {
      const x = toTensor(spec, backend);
      const y = nb.permute(x, perm);
      const out = perm.map((p) => spec.shape[p]);
      assert.deepEqual([...y.shape], out);
      const got = y.toTypedArray();
      const st = spec.shape.map((_, i) => sizeOf(spec.shape.slice(i + 1)));
      for (let i = 0; i < got.length; i++) {
        const j = unravel(i, out);
        const src = perm.reduce((f, p, k) => f + j[k] * st[p], 0); // x index: k-th output axis is x's axis perm[k]
        assert.ok(sameValue(got[i], spec.values[src]), `y[${j}] = ${got[i]}, x at that place = ${spec.values[src]}`);
      }
      const inv: number[] = [];
      perm.forEach((p, k) => (inv[p] = k));
      assertSame(nb.permute(y, inv).toTypedArray(), spec.values, 'permute back');
    });

  property('transpose: swaps two axes like permute, and twice is the identity',
    xArb.filter((x) => x.shape.length > 0).chain((x) => {
      const d = fc.nat(x.shape.length - 1);
      return fc.tuple(fc.constant(x), d, d, fc.boolean());
    }),
    ([spec, d0, d1, negative], backend) => {
      const x = toTensor(spec, backend);
      const a = negative ? d0 - spec.shape.length : d0;
      const y = nb.transpose(x, a, d1);
      const perm = [...spec.shape.keys()];
      [perm[d0], perm[d1]] = [perm[d1], perm[d0]];
      assertSame(y.toTypedArray(), nb.permute(x, perm).toTypedArray(), `transpose(${a}, ${d1}) vs permute [${perm}]`);
      assert.deepEqual([...y.shape], perm.map((p) => spec.shape[p]));
      assertSame(nb.transpose(y, a, d1).toTypedArray(), spec.values, 'transposed twice');
    });

  property('matmul: 1-D operands and broadcast batches, within the rounding bound of the float64 product',
    matmulArb(true), ({ a, b }, backend) => {
      checkProduct(nb.matmul(toTensor(a, backend), toTensor(b, backend)), a, b, 'AB');
    });

  property('matmul: (AB)ᵀ = BᵀAᵀ, both within the rounding bound of the float64 product',
    matmulArb(false), ({ a, b }, backend) => {
      const ta = nb.transpose(toTensor(a, backend), -1, -2), tb = nb.transpose(toTensor(b, backend), -1, -2);
      const lhs = nb.transpose(nb.matmul(toTensor(a, backend), toTensor(b, backend)), -1, -2);
      const rhs = nb.matmul(tb, ta);
      assert.deepEqual([...lhs.shape], [...rhs.shape]);
      const back = (t: nb.Tensor) => nb.transpose(t, -1, -2); // compare in AB's layout
      checkProduct(back(lhs), a, b, '(AB)ᵀ');
      checkProduct(back(rhs), a, b, 'BᵀAᵀ');
    });
});

interface MatmulCase {
  a: TensorSpec;
  b: TensorSpec;
}

/** a [*batchA, m, k] · b [*batchB, k, n], batches broadcastable; with `vectors`, a or b may be 1-D. */
function matmulArb(vectors: boolean): fc.Arbitrary<MatmulCase> {
  const dim = fc.integer({ min: 0, max: 7 });
  return fc.record({
    batch: broadcastPairArb({ maxRank: 3 }), m: dim, k: dim, n: dim, dtype: dtypeArb,
    vecA: fc.boolean(), vecB: fc.boolean(),
  }).chain(({ batch: [ba, bb], m, k, n, dtype, vecA, vecB }) => {
    const sa = vectors && vecA ? [k] : [...ba, m, k], sb = vectors && vecB ? [k] : [...bb, k, n];
    // products and sums of ≤ 7 terms stay finite: |a|, |b| ≤ 1e15 (float32) or 1e150
    const value = (d: FloatDType) => finiteValueArb(d, d === 'float32' ? 1e15 : 1e150);
    return specsArb([sa, sb], dtype, value).map(([a, b]) => ({ a, b }));
  });
}

/** y against Σ_k a_ik·b_kj in float64, element by element, with torch.matmul's 1-D rules. */
function checkProduct(y: nb.Tensor, a: TensorSpec, b: TensorSpec, what: string): void {
  const A = a.shape.length === 1 ? [1, ...a.shape] : a.shape, B = b.shape.length === 1 ? [...b.shape, 1] : b.shape;
  const [m, k] = A.slice(-2), n = B[B.length - 1];
  const batch = broadcastRule(A.slice(0, -2), B.slice(0, -2))!;
  const full = [...batch, m, n];
  const want = [...batch, ...(a.shape.length === 1 ? [] : [m]), ...(b.shape.length === 1 ? [] : [n])];
  const where = `${what}: a ${nb.formatShape(a.shape)} ${a.dtype}, b ${nb.formatShape(b.shape)}`;
  assert.deepEqual([...y.shape], want, `${where}: shape`);
  const got = y.toTypedArray();
  const u = UNIT_ROUNDOFF[a.dtype];
  for (let i = 0; i < got.length; i++) {
    const idx = unravel(i, full), bIdx = idx.slice(0, -2);
    const [r, c] = idx.slice(-2);
    let s = 0, mag = 0;
    for (let p = 0; p < k; p++) {
      const t = a.values[broadcastSource([...bIdx, r, p], A)] * b.values[broadcastSource([...bIdx, p, c], B)];
      s += t;
      mag += Math.abs(t);
    }
    // a dot product of k terms in any order (blocked, SIMD lanes, FMA) errs by ≤ γ_k·Σ|a·b|
    // (Higham §3.1); the float64 reference by γ_k(2⁻⁵³)·Σ|a·b|; subnormal products and partial
    // sums lose ≤ underflowSlack per rounding
    const tol = (gamma(k, u) + gamma(k, 2 ** -53)) * mag + underflowSlack(2 * k, a.dtype);
    assert.ok(Math.abs(got[i] - s) <= tol, `${where}: element [${idx}] is ${got[i]}, float64 product ${s} ± ${tol}`);
  }
}
