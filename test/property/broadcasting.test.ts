// Property tests of broadcasting (issue 14): the result shape follows the NumPy rule and a pair that
// breaks it raises ShapeError with the user's shapes; element-wise ops agree exactly with a scalar
// reference on every element (IEEE edge values included); where broadcasts three ways; and a
// broadcast operand's gradient is the sum over the dims it was broadcast along.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import fc from 'fast-check';
import * as nb from '../../src/index.js';
import {
  anyPairArb, anyValueArb, broadcastPairArb, broadcastRule, broadcastShapesArb, broadcastSource, dtypeArb,
  finiteValueArb, incompatiblePairArb, sameValue, sizeOf, specsArb, toTensor, unravel, UNIT_ROUNDOFF,
  type FloatDType,
} from './arbitraries.js';
import { property } from './runs.js';
import { gamma, underflowSlack } from './tolerance.js';
import { checkBroadcastError } from './broadcast-error.js';

type Binary = (a: nb.Tensor, b: nb.Tensor) => nb.Tensor;

/** Each op with its scalar reference in float64; exact ops are rounded once to float32 after. */
const OPS: Record<string, { fn: Binary; ref: (a: number, b: number) => number; zeroSign: boolean }> = {
  add: { fn: nb.add, ref: (a, b) => a + b, zeroSign: true },
  sub: { fn: nb.sub, ref: (a, b) => a - b, zeroSign: true },
  mul: { fn: nb.mul, ref: (a, b) => a * b, zeroSign: true },
  div: { fn: nb.div, ref: (a, b) => a / b, zeroSign: true },
  // NaN propagates (torch.maximum); which zero max(−0, +0) returns is not specified
  maximum: { fn: nb.maximum, ref: (a, b) => (a !== a || b !== b ? NaN : Math.max(a, b)), zeroSign: false },
  minimum: { fn: nb.minimum, ref: (a, b) => (a !== a || b !== b ? NaN : Math.min(a, b)), zeroSign: false },
  eq: { fn: nb.eq, ref: (a, b) => +(a === b), zeroSign: false },
  ne: { fn: nb.ne, ref: (a, b) => +(a !== b), zeroSign: false },
  lt: { fn: nb.lt, ref: (a, b) => +(a < b), zeroSign: false },
  le: { fn: nb.le, ref: (a, b) => +(a <= b), zeroSign: false },
  gt: { fn: nb.gt, ref: (a, b) => +(a > b), zeroSign: false },
  ge: { fn: nb.ge, ref: (a, b) => +(a >= b), zeroSign: false },
};
const opArb = fc.constantFrom(...Object.keys(OPS));

/** The rounded result of an exact op: a float64 result of float32 inputs is rounded once (≤ 2⁻²⁴ ulp-exact). */
const round = (v: number, dtype: FloatDType) => (dtype === 'float32' ? Math.fround(v) : v);

describe('property: broadcasting', () => {
  property('broadcast: the result shape follows the NumPy rule, else ShapeError',
    fc.record({
      pair: fc.oneof(
        { arbitrary: broadcastPairArb(), weight: 3 }, { arbitrary: incompatiblePairArb(), weight: 2 }, anyPairArb),
      op: opArb,
    }),
    ({ pair: [sa, sb], op }, backend) => {
      const a = nb.zeros(sa, { backend }), b = nb.zeros(sb, { backend });
      const expected = broadcastRule(sa, sb);
      if (expected === null) checkBroadcastError(op, () => OPS[op].fn(a, b), sa, sb);
      else assert.deepEqual([...OPS[op].fn(a, b).shape], expected);
    });

  property('broadcast: element-wise ops equal the scalar reference on every element, exactly',
    fc.record({ op: opArb, dtype: dtypeArb, shapes: broadcastPairArb() })
      .chain(({ op, dtype, shapes }) => specsArb(shapes, dtype, anyValueArb).map((specs) => ({ op, specs }))),
    ({ op, specs: [sa, sb] }, backend) => {
      const y = OPS[op].fn(toTensor(sa, backend), toTensor(sb, backend));
      const out = broadcastRule(sa.shape, sb.shape)!;
      assert.deepEqual([...y.shape], out);
      const got = y.toTypedArray();
      for (let i = 0; i < got.length; i++) {
        const idx = unravel(i, out);
        const x1 = sa.values[broadcastSource(idx, sa.shape)], x2 = sb.values[broadcastSource(idx, sb.shape)];
        const want = round(OPS[op].ref(x1, x2), sa.dtype);
        const ok = OPS[op].zeroSign ? sameValue(got[i], want) : got[i] === want || (want !== want && got[i] !== got[i]);
        const show = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
        assert.ok(ok, `${op}(${show(x1)}, ${show(x2)}) at [${idx}] of ${nb.formatShape(out)}: ` +
          `got ${show(got[i])}, expected ${show(want)}`);
      }
    });

  property('broadcast: where selects from three broadcast operands',
    broadcastShapesArb(3).chain((shapes) => fc.tuple(
      fc.constant(shapes), dtypeArb.chain((d) => specsArb(shapes.slice(1), d, anyValueArb)),
      fc.array(fc.boolean(), { minLength: sizeOf(shapes[0]), maxLength: sizeOf(shapes[0]) }))),
    ([shapes, [sa, sb], mask], backend) => {
      const cond = nb.fromArray(mask.map(Number), shapes[0], { backend });
      const y = nb.where(cond, toTensor(sa, backend), toTensor(sb, backend));
      const out = broadcastRule(broadcastRule(shapes[0], shapes[1])!, shapes[2])!;
      assert.deepEqual([...y.shape], out);
      const got = y.toTypedArray();
      for (let i = 0; i < got.length; i++) {
        const idx = unravel(i, out);
        const pick = mask[broadcastSource(idx, shapes[0])] ? sa : sb;
        const want = pick.values[broadcastSource(idx, pick.shape)];
        assert.ok(sameValue(got[i], want), `at [${idx}]: got ${got[i]}, expected ${want}`);
      }
    });

  property('broadcast: a broadcast operand\'s gradient is summed over its broadcast dims',
    fc.record({ op: fc.constantFrom('add', 'sub', 'mul'), dtype: dtypeArb, shapes: broadcastPairArb() })
      .chain(({ op, dtype, shapes }) => {
        const out = broadcastRule(shapes[0], shapes[1])!;
        // bounded so products and sums stay finite in float32
        return specsArb([...shapes, out], dtype, (d) => finiteValueArb(d, 1e6)).map((specs) => ({ op, specs }));
      }),
    ({ op, specs: [sa, sb, sdy] }, backend) => {
      const a = toTensor(sa, backend, true), b = toTensor(sb, backend, true);
      OPS[op].fn(a, b).backward(toTensor(sdy, backend));
      const out = sdy.shape;
      // reference: each output element's contribution added into the operand element it read,
      // with Σ|terms| for the bound
      for (const [which, s, t] of [['a', sa, a], ['b', sb, b]] as const) {
        const n = sizeOf(s.shape);
        const want = new Float64Array(n), mag = new Float64Array(n), terms = new Float64Array(n);
        for (let i = 0; i < sdy.values.length; i++) {
          const idx = unravel(i, out);
          const dy = sdy.values[i];
          const other = which === 'a' ? sb : sa;
          const local = op === 'mul' ? other.values[broadcastSource(idx, other.shape)]
            : op === 'sub' && which === 'b' ? -1 : 1;
          const j = broadcastSource(idx, s.shape);
          want[j] += dy * local;
          mag[j] += Math.abs(dy * local);
          terms[j]++;
        }
        assert.ok(t.grad, `${which} has no gradient`);
        assert.deepEqual([...t.grad.shape], s.shape, `${which}.grad shape`);
        const got = t.grad.toTypedArray();
        for (let j = 0; j < got.length; j++) {
          // the engine rounds m = terms[j] products and adds them in some order: error ≤ γ_m·Σ|terms|
          // in the operand's dtype (Higham Thm 4.2, one more rounding for the product); the float64
          // reference errs by ≤ γ_m(2⁻⁵³)·Σ|terms|; a float64 accumulator cast to float32 adds
          // u·|result|; subnormal products and sums add ≤ underflowSlack per rounding
          const m = terms[j], u = UNIT_ROUNDOFF[s.dtype];
          const tol = (gamma(m, u) + gamma(m, 2 ** -53)) * mag[j] + u * Math.abs(want[j]) +
            underflowSlack(2 * m, s.dtype);
          assert.ok(Math.abs(got[j] - want[j]) <= tol, `${which}.grad[${j}] of ${nb.formatShape(s.shape)} ` +
            `(out ${nb.formatShape(out)}): got ${got[j]}, expected ${want[j]} ± ${tol}`);
        }
      }
    });
});
