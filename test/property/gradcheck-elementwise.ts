// The gradcheck table, part 1: element-wise ops and reductions. Each differentiable op draws its
// inputs from a domain away from its kinks (|x| ≥ 0.05 for abs and relu, denominators |x| ≥ 0.5,
// log and sqrt on [0.5, 2], maximum's operands on two grids 0.1 apart, clamp's x 0.075 from any
// bound, max/min over distinct values), so central differences with eps = 1e-6 apply.

import fc from 'fast-check';
import * as nb from '../../src/index.js';
import { reluBackward } from '../../src/ops/relu-backward.js';
import { sigmoidBackward } from '../../src/ops/sigmoid-backward.js';
import { tanhBackward } from '../../src/ops/tanh-backward.js';
import { broadcastRule, broadcastShapesArb } from './arbitraries.js';
import {
  awayFromZero, axesOf, binary, dimsOf, distinct, floats, gradCase, grid, SMALL, small, unary, within,
  type GradEntry, type GradTable, type NotDifferentiable,
} from './gradcheck-cases.js';

const comparison = (f: (a: nb.Tensor, b: nb.Tensor) => nb.Tensor): NotDifferentiable => ({
  notDifferentiable: 'a comparison: 1 or 0, flat almost everywhere', sample: (x) => f(x, x),
});

/** x with dims (some negative, any order, or all) and keepdim. */
function reduction(
  value = floats, o = {}, ok: (shape: number[], axes: number[]) => boolean = () => true,
): GradEntry['arb'] {
  // filtered as a whole: a filter inside the chain could never pass for some shapes (a 0-d x)
  return small(o).chain((s) => fc.tuple(value(s), dimsOf(s.length), fc.boolean())
    .chain(([x, dims, keepdim]) => gradCase(fc.constant([x]), fc.constant({ dims, keepdim }))))
    .filter((c) => ok(c.inputs[0].shape, axesOf(c.args.dims, c.inputs[0].shape.length)));
}

interface Reduce {
  dims?: number[];
  keepdim: boolean;
}

const clampBound = fc.option(fc.integer({ min: -10, max: 10 }).map((k) => k / 4), { nil: undefined });
const clampCase = gradCase(small().chain((s) => fc.tuple(floats(s, grid(0.5, 4, 0.05)))),
  fc.record({ min: clampBound, max: clampBound }));

export const ELEMENTWISE: GradTable = {
  add: { arb: binary(), fn: ([a, b]) => nb.add(a, b) },
  sub: { arb: binary(), fn: ([a, b]) => nb.sub(a, b) },
  mul: { arb: binary(), fn: ([a, b]) => nb.mul(a, b) },
  div: { arb: binary(within(-2, 2), awayFromZero(0.5)), fn: ([a, b]) => nb.div(a, b) },
  pow: { arb: binary(within(0.5, 2), within(-2, 2)), fn: ([a, b]) => nb.pow(a, b) },
  maximum: { arb: binary(grid(0.5), grid(0)), fn: ([a, b]) => nb.maximum(a, b) },
  minimum: { arb: binary(grid(0.5), grid(0)), fn: ([a, b]) => nb.minimum(a, b) },
  eq: comparison(nb.eq),
  ne: comparison(nb.ne),
  lt: comparison(nb.lt),
  le: comparison(nb.le),
  gt: comparison(nb.gt),
  ge: comparison(nb.ge),
  neg: { arb: unary(), fn: ([x]) => nb.neg(x) },
  exp: { arb: unary(), fn: ([x]) => nb.exp(x) },
  log: { arb: unary(within(0.5, 2)), fn: ([x]) => nb.log(x) },
  sqrt: { arb: unary(within(0.5, 2)), fn: ([x]) => nb.sqrt(x) },
  abs: { arb: unary(awayFromZero()), fn: ([x]) => nb.abs(x) },
  sign: { notDifferentiable: 'its derivative is 0 almost everywhere (no gradient declared)', sample: (x) => nb.sign(x) },
  reciprocal: { arb: unary(awayFromZero(0.5)), fn: ([x]) => nb.reciprocal(x) },
  relu: { arb: unary(awayFromZero()), fn: ([x]) => nb.relu(x) },
  sigmoid: { arb: unary(), fn: ([x]) => nb.sigmoid(x) },
  tanh: { arb: unary(), fn: ([x]) => nb.tanh(x) },
  leakyRelu: { arb: unary(awayFromZero()), fn: ([x]) => nb.leakyRelu(x, 0.1) },
  elu: { arb: unary(awayFromZero()), fn: ([x]) => nb.elu(x, 1.5) },
  erf: { arb: unary(), fn: ([x]) => nb.erf(x) },
  gelu: {
    arb: unary().chain((c) => fc.constantFrom('none', 'tanh').map((approximate) => ({ ...c, args: { approximate } }))),
    fn: ([x], a: { approximate: 'none' | 'tanh' }) => nb.gelu(x, { approximate: a.approximate }),
  },
  // the fused backward gates, differentiated again (double backward); y away from relu's kink
  reluBackward: { arb: binary(within(-2, 2), awayFromZero()), fn: ([dy, y]) => reluBackward(dy, y) },
  sigmoidBackward: { arb: binary(), fn: ([dy, y]) => sigmoidBackward(dy, y) },
  tanhBackward: { arb: binary(), fn: ([dy, y]) => tanhBackward(dy, y) },
  where: {
    arb: gradCase(broadcastShapesArb(3, SMALL).chain(([sc, sa, sb]) =>
      fc.tuple(floats(sc, fc.constantFrom(0, 1), 'const'), floats(sa), floats(sb))), fc.constant({})),
    fn: ([c, a, b]) => nb.where(c, a, b),
  },
  clamp: { arb: clampCase, fn: ([x], a: { min?: number; max?: number }) => nb.clamp(x, a.min, a.max) },
  clip: { arb: clampCase, fn: ([x], a: { min?: number; max?: number }) => nb.clip(x, a.min, a.max) },
  sum: { arb: reduction(), fn: ([x], a: Reduce) => nb.sum(x, a.dims, a.keepdim) },
  sumTo: {
    // g has the broadcast shape of (s, other) and is summed down to s, as the engine does
    arb: broadcastShapesArb(2, SMALL).chain(([s, other]) =>
      gradCase(fc.tuple(floats(broadcastRule(s, other)!)), fc.constant({ shape: s }))),
    fn: ([g], a: { shape: number[] }) => nb.sumTo(g, a.shape),
  },
  mean: { arb: reduction(), fn: ([x], a: Reduce) => nb.mean(x, a.dims, a.keepdim) },
  variance: {
    arb: reduction(floats, {}, (s, axes) => axes.reduce((p, a) => p * s[a], 1) > 1)
      .chain((c) => fc.constantFrom(0, 1).map((correction) => ({ ...c, args: { ...c.args, correction } }))),
    fn: ([x], a: Reduce & { correction: number }) =>
      nb.variance(x, a.dims, { correction: a.correction, keepdim: a.keepdim }),
  },
  max: { arb: reduction(distinct, { minDim: 1 }), fn: ([x], a: Reduce) => nb.max(x, a.dims, a.keepdim) },
  min: { arb: reduction(distinct, { minDim: 1 }), fn: ([x], a: Reduce) => nb.min(x, a.dims, a.keepdim) },
  logsumexp: {
    arb: reduction(floats, { minDim: 1 }),
    fn: ([x], a: Reduce) => nb.logsumexp(x, a.dims ?? x.shape.map((_, i) => i), a.keepdim),
  },
  // max over contiguous groups of k along the last dim: distinct values, so no ties
  maxout: {
    arb: gradCase(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([rows, k, m]) => fc.tuple(distinct([rows, k * m]))), fc.constant({}))
      .map((c) => ({ ...c, args: { k: c.inputs[0].shape[1] } })),
    fn: ([x], a: { k: number }) => nb.maxout(x, a.k),
  },
  argmax: { notDifferentiable: 'an int32 index', sample: (x) => nb.argmax(x) },
  argmin: { notDifferentiable: 'an int32 index', sample: (x) => nb.argmin(x) },
};
