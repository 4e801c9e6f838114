// The gradcheck table, part 2: layout ops (reshape, permute, expand, slice, cat, …), matmul and
// linear, softmax, cross-entropy, indexing, cast and clone. All are smooth on their whole domain
// except cross-entropy's targets (class indices, held fixed).

import fc from 'fast-check';
import * as nb from '../../src/index.js';
import { broadcastPairArb, targetArb } from './arbitraries.js';
import { dimOf, floats, gradCase, ints, small, unary, within, type GradTable } from './gradcheck-cases.js';

const dim = fc.integer({ min: 0, max: 3 });
const positive = fc.integer({ min: 1, max: 3 });

/** Matmul operands: batches broadcastable on purpose; a or b may be 1-D (torch.matmul rules). */
const matmulCase = fc.record({
  batch: broadcastPairArb({ maxRank: 2, maxDim: 3 }), m: dim, k: dim, n: dim, vecA: fc.boolean(), vecB: fc.boolean(),
}).chain(({ batch: [ba, bb], m, k, n, vecA, vecB }) =>
    gradCase(fc.tuple(floats(vecA ? [k] : [...ba, m, k]), floats(vecB ? [k] : [...bb, k, n])), fc.constant({})));

/** Shapes equal except along `dim`, for cat. */
const catCase = small({ minRank: 1 }).chain((s) =>
  fc.record({ d: dimOf(s.length), sizes: fc.array(dim, { minLength: 1, maxLength: 3 }) }).chain(({ d, sizes }) => {
    const at = d < 0 ? d + s.length : d;
    const parts = sizes.map((k) => floats(s.map((x, i) => (i === at ? k : x))));
    return gradCase(fc.tuple(...parts), fc.constant({ dim: d }));
  }));

/** An expand target: x's dims of size 1 grown, new leading dims, some kept dims written −1. */
const expandCase = small().chain((s) => fc.record({
  x: floats(s),
  lead: fc.array(dim, { maxLength: 2 }),
  grow: fc.array(positive, { minLength: s.length, maxLength: s.length }),
  keep: fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }),
}).chain(({ x, lead, grow, keep }) => gradCase(fc.constant([x]),
  fc.constant({ shape: [...lead, ...s.map((d, i) => (d === 1 ? grow[i] : keep[i] ? -1 : d))] }))));

const sliceCase = small({ minRank: 1 }).chain((s) => fc.record({
  x: floats(s), d: dimOf(s.length),
  start: fc.integer({ min: -4, max: 4 }), end: fc.integer({ min: -4, max: 5 }), step: positive,
}).chain(({ x, d, start, end, step }) => gradCase(fc.constant([x]), fc.constant({ d, start, end, step }))));

const narrowCase = small({ minRank: 1 }).chain((s) => dimOf(s.length).chain((d) => {
  const n = s[d < 0 ? d + s.length : d];
  return fc.integer({ min: 0, max: n }).chain((start) => fc.integer({ min: 0, max: n - start }).chain((length) =>
    gradCase(fc.tuple(floats(s)), fc.constant({ d, start, length }))));
}));

/** Logits [N, C] with class indices (fixed) or probabilities (differentiated too) as targets. */
const xentCase = fc.record({
  n: positive, c: fc.integer({ min: 1, max: 4 }), probs: fc.boolean(), reduction: fc.constantFrom('mean', 'sum', 'none'),
}).chain(({ n, c, probs, reduction }) => gradCase(
    fc.tuple(floats([n, c]), probs ? floats([n, c], within(0, 1)) : ints([n], 0, c)), fc.constant({ reduction })));

const indexSelectCase = small({ minRank: 1, minDim: 1 }).chain((s) => dimOf(s.length).chain((d) => {
  const index = fc.integer({ min: 0, max: 4 }).chain((m) => ints([m], 0, s[d < 0 ? d + s.length : d]));
  return gradCase(fc.tuple(floats(s), index), fc.constant({ d }));
}));

const linearCase = fc.record({ lead: small({ maxRank: 2 }), dIn: dim, dOut: dim, bias: fc.boolean() })
  .chain(({ lead, dIn, dOut, bias }) => gradCase(
    fc.tuple(floats([...lead, dIn]), floats([dOut, dIn]), ...(bias ? [floats([dOut])] : [])), fc.constant({})));

/** One input x of shape s (values in [−2, 2]) and fixed args. */
const withX = <A>(s: number[], args: A) => gradCase(fc.tuple(floats(s)), fc.constant(args));

const perm = (rank: number) => fc.shuffledSubarray([...Array(rank).keys()], { minLength: rank });

export const LAYOUT: GradTable = {
  reshape: {
    arb: small().chain((s) => targetArb(s).chain(({ target }) => withX(s, { target }))),
    fn: ([x], a: { target: number[] }) => nb.reshape(x, a.target),
  },
  flatten: {
    arb: small().chain((s) => fc.tuple(dimOf(s.length), dimOf(s.length))
      .filter(([p, q]) => s.length === 0 || (p + s.length) % s.length <= (q + s.length) % s.length)
      .chain(([start, end]) => withX(s, { start, end }))),
    fn: ([x], a: { start: number; end: number }) => nb.flatten(x, a.start, a.end),
  },
  unsqueeze: {
    arb: small().chain((s) => fc.integer({ min: -(s.length + 1), max: s.length }).chain((d) => withX(s, { d }))),
    fn: ([x], a: { d: number }) => nb.unsqueeze(x, a.d),
  },
  squeeze: {
    arb: small({ maxDim: 2 }).chain((s) => fc.option(dimOf(s.length), { nil: undefined }).chain((d) => withX(s, { d }))),
    fn: ([x], a: { d?: number }) => nb.squeeze(x, a.d),
  },
  permute: {
    arb: small().chain((s) => perm(s.length).chain((dims) => withX(s, { dims }))),
    fn: ([x], a: { dims: number[] }) => nb.permute(x, a.dims),
  },
  transpose: {
    arb: small().chain((s) => fc.tuple(dimOf(s.length), dimOf(s.length)).chain(([p, q]) => withX(s, { p, q }))),
    fn: ([x], a: { p: number; q: number }) => nb.transpose(x, a.p, a.q),
  },
  t: { arb: unary(within(-2, 2), { maxRank: 2 }), fn: ([x]) => nb.t(x) },
  expand: { arb: expandCase, fn: ([x], a: { shape: number[] }) => nb.expand(x, a.shape) },
  slice: {
    arb: sliceCase,
    fn: ([x], a: { d: number; start: number; end: number; step: number }) => nb.slice(x, a.d, a.start, a.end, a.step),
  },
  narrow: {
    arb: narrowCase,
    fn: ([x], a: { d: number; start: number; length: number }) => nb.narrow(x, a.d, a.start, a.length),
  },
  cat: { arb: catCase, fn: (xs, a: { dim: number }) => nb.cat(xs, a.dim) },
  stack: {
    arb: small().chain((s) => fc.record({ k: positive, d: fc.integer({ min: -(s.length + 1), max: s.length }) })
      .chain(({ k, d }) => gradCase(fc.tuple(...Array.from({ length: k }, () => floats(s))), fc.constant({ d })))),
    fn: (xs, a: { d: number }) => nb.stack(xs, a.d),
  },
  matmul: { arb: matmulCase, fn: ([a, b]) => nb.matmul(a, b) },
  linear: { arb: linearCase, fn: ([x, w, b]) => nb.linear(x, w, b) },
  softmax: {
    arb: small().chain((s) => dimOf(s.length).chain((d) => withX(s, { d }))),
    fn: ([x], a: { d: number }) => nb.softmax(x, a.d),
  },
  logSoftmax: {
    arb: small().chain((s) => dimOf(s.length).chain((d) => withX(s, { d }))),
    fn: ([x], a: { d: number }) => nb.logSoftmax(x, a.d),
  },
  crossEntropy: {
    arb: xentCase,
    fn: ([x, t], a: { reduction: nb.Reduction }) => nb.crossEntropy(x, t, { reduction: a.reduction }),
  },
  indexSelect: { arb: indexSelectCase, fn: ([x, i], a: { d: number }) => nb.indexSelect(x, a.d, i) },
  cast: {
    // float64 → float32 → float64: both directions of cast's backward. The result is x rounded
    // to float32, so the step is 1e-3, not 1e-6: the function is linear between roundings, and
    // a rounding step of |x|·2⁻²⁴ over 2·1e-3 moves the quotient by ≤ 6e-5 relative (< rtol 1e-3)
    arb: unary(),
    fn: ([x]) => nb.cast(nb.cast(x, 'float32'), 'float64'),
    eps: 1e-3,
  },
  clone: { arb: unary(), fn: ([x]) => nb.clone(x) },
  detach: { notDifferentiable: 'cuts the graph by definition (torch.detach)', sample: (x) => nb.detach(x) },
};
