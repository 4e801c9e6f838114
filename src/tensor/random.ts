// Random tensors from the seeded generator (core/rng.ts): uniform, normal, integers, Bernoulli and
// permutations. Arguments are checked before anything is drawn (docs/design.md §7).

import { arrayFor, DEFAULT_DTYPE } from '../core/dtype.js';
import { badArg, checkGradDType, checkInt, checkNumber, checkShape } from '../core/check.js';
import { globalRng, type Rng } from '../core/rng.js';
import { sizeOf } from '../core/shape.js';
import { createOptions, make, shapeArgs, type RandomOptions, type ShapeArgs } from './create.js';
import { checkIntValues } from './nested.js';
import type { Tensor } from './tensor.js';

function randomFill(op: string, shape: readonly number[], o: RandomOptions, draw: (r: Rng) => number) {
  const rng = o.rng ?? globalRng;
  const dtype = o.dtype ?? DEFAULT_DTYPE;
  if (o.requiresGrad) checkGradDType(op, dtype); // before anything is drawn
  const a = arrayFor(dtype, sizeOf(shape));
  for (let i = 0; i < a.length; i++) a[i] = draw(rng);
  return make(op, a, shape, dtype, o);
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
