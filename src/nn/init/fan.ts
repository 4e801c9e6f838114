// Fan-in / fan-out of a weight tensor and the recommended gains, as torch.nn.init computes them.

import { ArgumentError } from '../../core/errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { arrayFor } from '../../core/dtype.js';
import { globalRng, type Rng } from '../../core/rng.js';

export type Nonlinearity = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'conv2d';

/**
 * fan_in = size(1)·receptive field, fan_out = size(0)·receptive field (weight [D_out, D_in, k…])
 * (SPEC §6: the n_in and n_out of the init formulas).
 */
export function fans(op: string, t: Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2) {
    throw new ArgumentError(op, 'fan in and fan out need a tensor with at least 2 dims', { got: [['tensor', t.shape]] });
  }
  const receptive = t.shape.slice(2).reduce((p, d) => p * d, 1);
  return { fanIn: t.shape[1] * receptive, fanOut: t.shape[0] * receptive };
}

/** torch.nn.init.calculate_gain: relu √2, tanh 5/3, leaky_relu √(2/(1+a²)), else 1 (SPEC §6). */
export function calculateGain(nonlinearity: Nonlinearity, a = 0.01): number {
  switch (nonlinearity) {
    case 'relu':
      return Math.SQRT2;
    case 'tanh':
      return 5 / 3;
    case 'leaky_relu':
      return Math.sqrt(2 / (1 + a * a));
    default:
      return 1;
  }
}

/** Overwrites t's data in place with values drawn one by one. */
export function fillWith(t: Tensor, draw: (r: Rng) => number, rng: Rng = globalRng): Tensor {
  const a = arrayFor(t.dtype, t.size);
  for (let i = 0; i < a.length; i++) a[i] = draw(rng);
  t.backend.write(t.storage, a);
  return t;
}
