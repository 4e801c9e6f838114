// Fan-in / fan-out of a weight tensor and the recommended gains, as torch.nn.init computes them.

import { ArgumentError, DTypeError } from '../../core/errors.js';
import { badArg, checkNumber, checkOneOf, checkOptions } from '../../core/check.js';
import { expectTensor } from '../../tensor/expect.js';
import type { Tensor } from '../../tensor/tensor.js';
import { arrayFor, isFloat } from '../../core/dtype.js';
import { checkRng, globalRng, Rng } from '../../core/rng.js';
import { fromArray } from '../../tensor/create.js';
import { noGrad } from '../../autograd/no-grad.js';
import { copy_ } from '../../ops/inplace.js';

/** The nonlinearity names of torch.nn.init.calculate_gain (torch's spelling, kept as is). */
export type Nonlinearity =
  | 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d'
  | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/**
 * fan_in = size(1)·receptive field, fan_out = size(0)·receptive field (weight [D_out, D_in, k…])
 * (concepts §6: the n_in and n_out of the init formulas).
 */
export function fans(op: string, t: Tensor): { fanIn: number; fanOut: number } {
  if (typeof op !== 'string') throw badArg('fans', 'op (the name errors use) must be a string', op, "e.g. init.fans('myInit', w)");
  expectTensor(op, 't', t);
  if (t.ndim < 2) {
    throw new ArgumentError(op, 'fan in and fan out need a tensor with at least 2 dims', { got: [['tensor', t.shape]] });
  }
  const receptive = t.shape.slice(2).reduce((p, d) => p * d, 1);
  return { fanIn: t.shape[1] * receptive, fanOut: t.shape[0] * receptive };
}

/**
 * torch.nn.init.calculate_gain (concepts §6): relu √2, tanh 5/3, leaky_relu √(2/(1+a²)) with
 * a the negative slope (default 0.01), selu 3/4; linear, sigmoid and the conv names 1.
 */
export function calculateGain(nonlinearity: Nonlinearity, a = 0.01): number {
  checkOneOf('calculateGain', 'nonlinearity', nonlinearity, NONLINEARITIES);
  checkNumber('calculateGain', 'a', a);
  switch (nonlinearity) {
    case 'relu':
      return Math.SQRT2;
    case 'tanh':
      return 5 / 3;
    case 'leaky_relu':
      return Math.sqrt(2 / (1 + a ** 2));
    case 'selu':
      return 3 / 4;
    default:
      return 1;
  }
}

export const NONLINEARITIES: readonly Nonlinearity[] = [
  'linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d',
  'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu',
];

/**
 * The checked arguments of an initializer: `t` a live floating-point tensor (random values
 * would truncate in an integer one, as PyTorch refuses), options holding only `keys`, rng an Rng.
 */
export function initArgs<O extends { rng?: Rng }>(op: string, t: unknown, opts: O | undefined, keys: readonly string[], float = true): Partial<O> {
  const x = expectTensor(op, 't', t);
  x.assertAlive(op);
  if (float && !isFloat(x.dtype)) throw new DTypeError(op, 't must be a floating-point tensor', { got: [['t', x.dtype]] });
  const o = checkOptions(op, opts, keys);
  checkRng(op, o.rng);
  return o;
}

/** Overwrites t's data in place with values drawn one by one. */
export function fillWith(t: Tensor, draw: (r: Rng) => number, rng: Rng = globalRng): Tensor {
  const a = arrayFor(t.dtype, t.size);
  for (let i = 0; i < a.length; i++) a[i] = draw(rng);
  return writeValues(t, a);
}

/**
 * The one write path of nn.init: overwrites t's values (row-major, t.size of them) in place,
 * outside autograd (a Parameter keeps its identity, its storage and its requiresGrad). Rounds to
 * t's dtype. Goes through the public in-place copy_ (ops/inplace.ts), like every layer's update.
 */
export function writeValues(t: Tensor, values: ArrayLike<number>): Tensor {
  if (values.length !== t.size) throw new Error(`writeValues: ${values.length} values for ${t.size} elements`);
  const src = fromArray(values, t.shape, { dtype: t.dtype, backend: t.backend.name });
  return noGrad(() => copy_(t, src));
}
