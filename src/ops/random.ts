// Random tensors from the seeded generator (core/rng.ts): uniform, normal, integers, Bernoulli and
// permutations. Each is one op without tensor inputs (randomFillOp), so a random tensor made inside
// an allocation scope (a training step's dropout mask) is freed with it like any op's output.
// Arguments are checked before anything is drawn (docs/design.md §7).

import { keepAlive } from '../tensor/alloc-scope.js';
import { arrayFor, defaultDtype, type DType } from '../core/dtype.js';
import { badArg, checkGradDType, checkInt, checkNumber, checkShape } from '../core/check.js';
import { globalRng, type Rng } from '../core/rng.js';
import { backendNamed } from '../backend/registry.js';
import { defineOp } from '../autograd/define-op.js';
import { createOptions, make, shapeArgs, type RandomOptions, type ShapeArgs } from '../tensor/create.js';
import { checkIntValues } from '../tensor/nested.js';
import type { Tensor } from '../tensor/tensor.js';

interface FillAttrs {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly rng: Rng;
  readonly draw: (r: Rng) => number;
}

/**
 * A tensor of `shape` whose elements are `draw(rng)` in row-major order, drawn on the CPU from the
 * seeded generator, so the values are the same on every backend and thread count. No gradient.
 */
export const randomFillOp = defineOp<FillAttrs>({
  name: 'randomFill',
  spec: '§2',
  args: [],
  shape: (_inputs, a) => ({ shape: a.shape, dtype: a.dtype }),
  forward(ctx) {
    const { rng, draw } = ctx.attrs;
    const a = arrayFor(ctx.out.dtype, ctx.out.size);
    for (let i = 0; i < a.length; i++) a[i] = draw(rng);
    ctx.k.write(ctx.out.storage, a);
  },
});

function randomFill(op: string, shape: readonly number[], o: RandomOptions, draw: (r: Rng) => number) {
  const dtype = o.dtype ?? defaultDtype();
  if (o.requiresGrad) checkGradDType(op, dtype); // before anything is drawn
  const t = randomFillOp.apply([], { shape: [...shape], dtype, rng: o.rng ?? globalRng, draw }, backendNamed(op, o.backend));
  if (o.requiresGrad) t.requiresGrad = true;
  if (o.longLived) keepAlive(t);
  return t;
}

type RandOptions = RandomOptions & { low?: number; high?: number };
type RandnOptions = RandomOptions & { mean?: number; std?: number };

/** Uniform on [low, high) (torch.rand for the default [0, 1)); rand(2, 3) also works (concepts §2). */
export function rand(shape: readonly number[], opts?: RandOptions): Tensor;
export function rand(...sizes: ShapeArgs<RandOptions>): Tensor;
export function rand(...args: unknown[]): Tensor {
  const { shape, opts } = shapeArgs('rand', args);
  const o = createOptions('rand', opts as RandOptions, ['rng', 'low', 'high']);
  const low = checkNumber('rand', 'low', o.low ?? 0);
  const high = checkNumber('rand', 'high', o.high ?? 1, { min: low, minName: 'low' });
  return randomFill('rand', shape, o, (r) => r.uniform(low, high));
}

/** Normal with the given mean and std (torch.randn for N(0, 1)); randn(2, 3) also works (concepts §2). */
export function randn(shape: readonly number[], opts?: RandnOptions): Tensor;
export function randn(...sizes: ShapeArgs<RandnOptions>): Tensor;
export function randn(...args: unknown[]): Tensor {
  const { shape, opts } = shapeArgs('randn', args);
  const o = createOptions('randn', opts as RandnOptions, ['rng', 'mean', 'std']);
  const mean = checkNumber('randn', 'mean', o.mean ?? 0);
  const std = checkNumber('randn', 'std', o.std ?? 1, { min: 0 });
  return randomFill('randn', shape, o, (r) => r.normal(mean, std));
}

/** Integers uniform in [low, high), int32 by default (concepts §2). */
export function randint(low: number, high: number, shape: readonly number[], opts?: RandomOptions) {
  const o = createOptions('randint', opts, ['rng']);
  checkInt('randint', 'low', low);
  checkInt('randint', 'high', high);
  if (high <= low) throw badArg('randint', `high must be greater than low (${low})`, high);
  checkShape('randint', shape);
  const dtype = o.dtype ?? 'int32';
  checkIntValues('randint', [low, high - 1], dtype, (i) => (i === 0 ? 'low' : 'high − 1'));
  return randomFill('randint', shape, { ...o, dtype }, (r) => low + r.int(high - low));
}

/** 1 with probability p, else 0 (concepts §2). */
export function bernoulli(p: number, shape: readonly number[], opts?: RandomOptions) {
  const o = createOptions('bernoulli', opts, ['rng']);
  checkNumber('bernoulli', 'p', p, { min: 0, max: 1 });
  return randomFill('bernoulli', checkShape('bernoulli', shape), o, (r) => (r.random() < p ? 1 : 0));
}

/** A random permutation of 0..n-1 as an int32 tensor (torch.randperm; concepts §2). */
export function randperm(n: number, opts?: RandomOptions) {
  const o = createOptions('randperm', opts, ['rng']);
  checkInt('randperm', 'n', n, 0);
  const dtype = o.dtype ?? 'int32';
  checkIntValues('randperm', [n - 1], dtype, () => 'n − 1');
  if (o.requiresGrad) checkGradDType('randperm', dtype);
  return make('randperm', (o.rng ?? globalRng).permutation(n), [n], dtype, o);
}
