// Property tests of softmax and log-softmax along any dim (issue 14): a row sums to 1 within the
// rounding bound, −Inf entries give exactly 0 (−Inf in log space), a row with NaN or +Inf (or only
// −Inf) is all NaN, as in PyTorch; and both ignore a shift of the logits exactly when the shift
// itself is exact in the dtype (the max-shift makes the kernel see the same numbers).

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import fc from 'fast-check';
import * as nb from '../../src/index.js';
import {
  anyValueArb, dtypeArb, sameValue, shapeArb, specsArb, toTensor, UNIT_ROUNDOFF, type Shape, type TensorSpec,
} from './arbitraries.js';
import { property } from './runs.js';
import { gamma } from './tolerance.js';

interface SoftmaxCase {
  spec: TensorSpec;
  dim: number;
}

function caseArb(value: (d: 'float32' | 'float64') => fc.Arbitrary<number>): fc.Arbitrary<SoftmaxCase> {
  return fc.tuple(shapeArb(), dtypeArb).chain(([shape, dtype]) => {
    const r = Math.max(shape.length, 1); // a 0-d tensor takes dim 0 or −1
    const spec = specsArb([shape], dtype, value).map(([s]) => s);
    return fc.record({ spec, dim: fc.integer({ min: -r, max: r - 1 }) });
  });
}

/** Flat indices of every row along `dim` (a 0-d tensor is one row of one). */
function rows(shape: Shape, dim: number): number[][] {
  if (shape.length === 0) return [[0]];
  const d = dim < 0 ? dim + shape.length : dim;
  const inner = shape.slice(d + 1).reduce((p, x) => p * x, 1), n = shape[d];
  const outer = shape.slice(0, d).reduce((p, x) => p * x, 1);
  const out: number[][] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) out.push(Array.from({ length: n }, (_, j) => (o * n + j) * inner + i));
  }
  return out;
}

const show = (c: SoftmaxCase) => `x ${nb.formatShape(c.spec.shape)} ${c.spec.dtype}, dim ${c.dim}`;

describe('property: softmax', () => {
  const rowsSumToOne = 'softmax: a row sums to 1, −Inf gives 0, NaN or +Inf makes the row NaN';
  property(rowsSumToOne, caseArb(anyValueArb), (c, backend) => {
    const x = toTensor(c.spec, backend);
    const y = nb.softmax(x, c.dim).toTypedArray(), ly = nb.logSoftmax(x, c.dim).toTypedArray();
    assert.equal(y.length, c.spec.values.length);
    const u = UNIT_ROUNDOFF[c.spec.dtype];
    for (const row of rows(c.spec.shape, c.dim)) {
      const xs = row.map((i) => c.spec.values[i]);
      const where = `${show(c)}: row [${xs}]`;
      if (xs.some((v) => Number.isNaN(v) || v === Infinity) || xs.every((v) => v === -Infinity)) {
        for (const i of row) {
          assert.ok(Number.isNaN(y[i]) && Number.isNaN(ly[i]), `${where}: softmax ${y[i]}, logSoftmax ${ly[i]}, not NaN`);
        }
        continue;
      }
      let s = 0;
      for (const i of row) {
        assert.ok(y[i] >= 0 && y[i] <= 1 && ly[i] <= 0, `${where}: softmax ${y[i]}, logSoftmax ${ly[i]}`);
        if (c.spec.values[i] === -Infinity) {
          assert.ok(Object.is(y[i], 0) && ly[i] === -Infinity, `${where}: −Inf gives ${y[i]}, ${ly[i]}`);
        }
        s += y[i];
      }
      // Σⱼ e_j / S with S = Σ e_j computed in any order (γ_{n−1}) and one rounding per quotient or
      // two for a reciprocal and a product (2u): |Σ y − 1| ≤ γ_{n+1}; whatever error exp has cancels
      // between numerators and denominator. The check's float64 sum adds ≤ n·2⁻⁵³.
      const n = row.length;
      const tol = gamma(n + 1, u) + gamma(n, 2 ** -53);
      assert.ok(Math.abs(s - 1) <= tol, `${where}: softmax sums to ${s} (1 ± ${tol})`);
    }
  });

  property('softmax: ignores a shift of the logits, exactly when the shift is exact',
    fc.tuple(caseArb(() => fc.integer({ min: -64, max: 64 }).map((k) => k / 8)),
      fc.integer({ min: -(2 ** 15), max: 2 ** 15 })),
    ([c, shift], backend) => {
      // x = k/8 with |x| ≤ 8 and an integer |shift| ≤ 2¹⁵: x + shift needs ≤ 19 bits, exact in
      // float32, so x + shift − max(x + shift) = x − max(x) exactly and the kernel sees the same
      // exponents: the results must be identical, not merely close
      const x = toTensor(c.spec, backend), xs = nb.add(x, shift);
      for (const [name, f] of [['softmax', nb.softmax], ['logSoftmax', nb.logSoftmax]] as const) {
        const a = f(x, c.dim).toTypedArray(), b = f(xs, c.dim).toTypedArray();
        for (let i = 0; i < a.length; i++) {
          assert.ok(sameValue(a[i], b[i]),
            `${name} of ${show(c)} + ${shift}: element ${i} is ${b[i]}, unshifted ${a[i]}`);
        }
      }
    });
});
