// Property tests of reductions (issue 14): result shapes with and without keepdim; a sum over any
// axes in any order (all at once or one axis at a time) agrees with the float64 sum within the
// rounding bound; mean·n = sum; max/min bound every element of their slice and attain one (argmax
// names it); NaN and infinities propagate through sum as IEEE addition says.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import fc from 'fast-check';
import * as nb from '../../src/index.js';
import {
  anyValueArb, dtypeArb, finiteValueArb, shapeArb, specsArb, toTensor, unravel, UNIT_ROUNDOFF,
  type FloatDType, type Shape, type TensorSpec,
} from './arbitraries.js';
import { property } from './runs.js';
import { gamma, underflowSlack } from './tolerance.js';

interface ReduceCase {
  spec: TensorSpec;
  /** Axes as passed (any order, some negative), or undefined for all. */
  dims: number[] | undefined;
  /** The same axes normalised and sorted. */
  axes: number[];
  keepdim: boolean;
  /** Another order of the same axes, for the one-axis-at-a-time sum. */
  order: number[];
}

function reduceCaseArb(value: (d: FloatDType) => fc.Arbitrary<number>): fc.Arbitrary<ReduceCase> {
  const head = fc.record({ shape: shapeArb(), dtype: dtypeArb, keepdim: fc.boolean(), all: fc.boolean() });
  return head.chain(({ shape, dtype, keepdim, all }) => {
    const range = shape.length === 0 ? [0] : [...shape.keys()];
    const pick = fc.shuffledSubarray(range, { minLength: 1 });
    return fc.record({
      spec: specsArb([shape], dtype, value).map(([s]) => s),
      picked: pick,
      negate: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      order: fc.shuffledSubarray(range, { minLength: range.length }),
    }).map(({ spec, picked, negate, order }) => {
      // a 0-d tensor takes dim 0 or −1 (PyTorch wraps its dims as rank 1) and has no axis to reduce
      const rank = Math.max(shape.length, 1);
      const axes = shape.length === 0 ? [] : all ? [...shape.keys()] : [...picked].sort((x, y) => x - y);
      const dims = all ? undefined : picked.map((a, i) => (negate[i] ? a - rank : a));
      return { spec, dims, axes, keepdim, order: order.filter((a) => axes.includes(a)) };
    });
  });
}

function expectedShape(shape: Shape, axes: number[], keepdim: boolean): Shape {
  return keepdim ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
}

/** For each input element, the flat index of its slice's result (in the keepdim layout). */
function sliceOf(shape: Shape, axes: number[]): (i: number) => number {
  const kept = expectedShape(shape, axes, true);
  return (i) => unravel(i, shape).reduce((f, c, d) => f * kept[d] + (axes.includes(d) ? 0 : c), 0);
}

function slices(c: ReduceCase): number[][] {
  const of = sliceOf(c.spec.shape, c.axes);
  const n = expectedShape(c.spec.shape, c.axes, true).reduce((p, d) => p * d, 1);
  const out: number[][] = Array.from({ length: n }, () => []);
  c.spec.values.forEach((v, i) => out[of(i)].push(v));
  return out;
}

const show = (c: ReduceCase) =>
  `x ${nb.formatShape(c.spec.shape)} ${c.spec.dtype}, dims ${JSON.stringify(c.dims)}, keepdim ${c.keepdim}`;
const emptySlice = (c: ReduceCase) => c.axes.some((a) => c.spec.shape[a] === 0);

describe('property: reductions', () => {
  property('reduce: result shapes with and without keepdim', reduceCaseArb(finiteValueArb), (c, backend) => {
    const x = toTensor(c.spec, backend);
    const want = expectedShape(c.spec.shape, c.axes, c.keepdim);
    for (const [name, y] of [
      ['sum', () => nb.sum(x, c.dims, c.keepdim)], ['mean', () => nb.mean(x, c.dims, c.keepdim)],
      ['variance', () => nb.variance(x, c.dims, { keepdim: c.keepdim })],
      ['max', () => nb.max(x, c.dims, c.keepdim)], ['min', () => nb.min(x, c.dims, c.keepdim)],
    ] as const) {
      if ((name === 'max' || name === 'min') && emptySlice(c)) {
        const message = `${name}: cannot reduce over a dimension of size 0; got x ${nb.formatShape(c.spec.shape)}`;
        assert.throws(y, { name: 'ArgumentError', message });
      } else assert.deepEqual([...y().shape], want, `${name}: ${show(c)}`);
    }
    if (c.dims?.length === 1 && !emptySlice(c)) {
      assert.deepEqual([...nb.argmax(x, c.dims[0], c.keepdim).shape], want, `argmax: ${show(c)}`);
    }
  });

  property('sum: any axes in any order agree with the float64 sum within the rounding bound',
    reduceCaseArb(finiteValueArb), (c, backend) => {
      const x = toTensor(c.spec, backend);
      const all = nb.sum(x, c.dims, true).toTypedArray();
      // one axis at a time, in another order (keepdim keeps the remaining axes' numbers)
      let step = x;
      for (const a of c.order) step = nb.sum(step, a, true);
      const stepped = step.toTypedArray();
      const u = UNIT_ROUNDOFF[c.spec.dtype];
      slices(c).forEach((s, j) => {
        let want = 0, mag = 0;
        for (const v of s) {
          want += v;
          mag += Math.abs(v);
        }
        // any summation tree of n terms errs by ≤ γ_{n−1}·Σ|x| (Higham Thm 4.2, any order);
        // storing a partial sum once per reduced axis (≤ 5) and the result adds ≤ 6 roundings;
        // the float64 reference errs by ≤ γ_{n−1}(2⁻⁵³)·Σ|x|; a subnormal partial sum adds
        // ≤ underflowSlack per rounding
        const n = s.length;
        const tol = (gamma(n + 5, u) + gamma(n, 2 ** -53)) * mag + underflowSlack(n + 6, c.spec.dtype);
        const ways = [['at once', all[j]], [`axis by axis ${JSON.stringify(c.order)}`, stepped[j]]] as const;
        for (const [how, got] of ways) {
          assert.ok(Math.abs(got - want) <= tol,
            `${show(c)}: slice ${j} summed ${how} is ${got}, float64 sum ${want} ± ${tol}`);
        }
      });
    });

  property('mean: mean·n equals sum', reduceCaseArb(finiteValueArb), (c, backend) => {
    const x = toTensor(c.spec, backend);
    const m = nb.mean(x, c.dims, c.keepdim).toTypedArray(), s = nb.sum(x, c.dims, c.keepdim).toTypedArray();
    const n = c.axes.reduce((p, a) => p * c.spec.shape[a], 1);
    const u = UNIT_ROUNDOFF[c.spec.dtype];
    for (let j = 0; j < s.length; j++) {
      if (n === 0) {
        assert.ok(Number.isNaN(m[j]), `${show(c)}: the mean of an empty slice is NaN, got ${m[j]}`);
        continue;
      }
      // mean is Σx / n (mean.ts) over the same sum: one rounding for the division, one for the
      // check's product m·n; a subnormal quotient may lose underflowSlack, times n
      const tol = 2 * u * Math.abs(s[j]) + n * underflowSlack(1, c.spec.dtype);
      assert.ok(Math.abs(m[j] * n - s[j]) <= tol, `${show(c)}: slice ${j}: mean ${m[j]} · ${n} vs sum ${s[j]}`);
    }
  });

  property('max/min: bound every element of the slice and attain one; argmax names it',
    reduceCaseArb(anyValueArb).filter((c) => !emptySlice(c)), (c, backend) => {
      const x = toTensor(c.spec, backend);
      // values stored in the dtype (a float64 value drawn for float32 is already representable)
      const hi = nb.max(x, c.dims, true).toTypedArray(), lo = nb.min(x, c.dims, true).toTypedArray();
      slices(c).forEach((s, j) => {
        if (s.some(Number.isNaN)) {
          assert.ok(Number.isNaN(hi[j]) && Number.isNaN(lo[j]),
            `${show(c)}: slice ${j} holds NaN: max ${hi[j]}, min ${lo[j]}`);
          return;
        }
        const where = `${show(c)}: slice ${j}: max ${hi[j]}, min ${lo[j]}`;
        for (const v of s) assert.ok(hi[j] >= v && lo[j] <= v, `${where}, element ${v}`);
        assert.ok(s.includes(hi[j]) && s.includes(lo[j]), `${where}: not both elements of the slice`);
      });
      if (c.dims?.length !== 1) return;
      const d = c.axes[0];
      const idx = nb.argmax(x, c.dims[0], true).toTypedArray();
      slices(c).forEach((s, j) => {
        const nan = s.findIndex(Number.isNaN);
        // the first index on ties; NaN counts as the largest (torch.argmax)
        const want = nan >= 0 ? nan : s.indexOf(Math.max(...s));
        assert.equal(idx[j], want, `${show(c)}: argmax over dim ${d}, slice ${j} = [${s}]`);
      });
    });

  property('sum: NaN and ±Inf propagate as IEEE addition says',
    reduceCaseArb((d) =>
      fc.oneof({ arbitrary: finiteValueArb(d), weight: 6 }, fc.constantFrom(NaN, Infinity, -Infinity))),
    (c, backend) => {
      const got = nb.sum(toTensor(c.spec, backend), c.dims, true).toTypedArray();
      slices(c).forEach((s, j) => {
        const nan = s.some(Number.isNaN) || (s.includes(Infinity) && s.includes(-Infinity));
        const want = nan ? NaN : s.includes(Infinity) ? Infinity : s.includes(-Infinity) ? -Infinity : null;
        if (want === null) assert.ok(Number.isFinite(got[j]), `${show(c)}: slice ${j} is finite, sum ${got[j]}`);
        else assert.ok(Object.is(got[j], want), `${show(c)}: slice ${j} = [${s}]: sum ${got[j]}, expected ${want}`);
      });
    });
});
