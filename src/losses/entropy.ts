// Information theory on probability tensors (concepts §1): entropy and cross-entropy, in nats or bits.

import { ShapeError } from '../core/errors.js';
import { badArg, checkOptions } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import type { Tensor } from '../tensor/tensor.js';
import { broadcastShapes, normAxis } from '../core/shape.js';
import { mul } from '../ops/mul.js';
import { log } from '../ops/log.js';
import { sum } from '../ops/sum.js';
import { neg } from '../ops/neg.js';
import { div } from '../ops/div.js';
import { where } from '../ops/where.js';
import { eq } from '../ops/compare.js';

export interface InfoOptions {
  /** 'e' for nats (default), 2 for bits, or any positive base. */
  base?: 'e' | number;
  /** The axis holding the distribution (default last). */
  dim?: number;
}

function logBase(op: string, base: InfoOptions['base']): number {
  if (base === undefined || base === 'e') return 1;
  if (typeof base !== 'number' || !(base > 0) || base === 1 || base === Infinity) {
    throw badArg(op, "base must be 'e' or a positive number other than 1", base);
  }
  return Math.log(base);
}

/** The options and the reduced dim of entropy/crossEntropyOf, checked against `rank` (base first). */
function infoOptions(op: string, rank: number, opts: InfoOptions | undefined): { dim: number; scale: number } {
  const o = checkOptions(op, opts, ['base', 'dim']);
  const scale = logBase(op, o.base);
  return { dim: normAxis(op, o.dim ?? -1, rank), scale };
}

/**
 * Entropy H(p) = −Σ p log p along `dim` (0·log 0 taken as 0) (concepts §1).
 * A fair coin gives ln 2 ≈ 0.693 nats (1 bit); a fair die ln 6 ≈ 1.79 nats.
 * Shape: p [*, K] → [*].
 * @example entropy(tensor([0.5, 0.5]), { base: 2 }).item() // 1
 */
export function entropy(p: Tensor, opts: InfoOptions = {}): Tensor {
  expectTensor('entropy', 'p', p);
  const { dim, scale } = infoOptions('entropy', p.ndim, opts);
  const plogp = where(eq(p, 0), 0, mul(p, log(p)));
  return div(neg(sum(plogp, dim)), scale);
}

/**
 * Cross-entropy H(q, p) = −Σ q log p along `dim`, q the true distribution and p the model's
 * (terms with q = 0 contribute 0) (concepts §1, §4). With q one-hot it is the log-likelihood loss
 * −log p_y: −log₂ 0.0508 = 4.2990 bits.
 * Shape: q and p broadcast → reduced over `dim`.
 */
export function crossEntropyOf(q: Tensor, p: Tensor, opts: InfoOptions = {}): Tensor {
  expectTensor('crossEntropyOf', 'q', q);
  expectTensor('crossEntropyOf', 'p', p);
  const shape = broadcastShapes('crossEntropyOf', ['q', 'p'], [q.shape, p.shape]);
  if (q.ndim === 0 || p.ndim === 0) throw new ShapeError('crossEntropyOf', 'q and p must hold distributions (at least 1-D)', { got: [['q', q.shape], ['p', p.shape]] });
  const { dim, scale } = infoOptions('crossEntropyOf', shape.length, opts);
  const qlogp = where(eq(q, 0), 0, mul(q, log(p)));
  return div(neg(sum(qlogp, dim)), scale);
}
