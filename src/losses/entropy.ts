// Information theory on probability tensors (concepts §1): entropy, cross-entropy and KL divergence,
// in nats or bits.

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
import { sub } from '../ops/sub.js';
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

/** The options and the reduced dim of the functions here, checked against `rank` (base first). */
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
  const plogp = mul(p, log(where(eq(p, 0), 1, p))); // p·log p → 0 at p = 0, with a finite gradient
  return div(neg(sum(plogp, dim)), scale);
}

/**
 * Cross-entropy H(p, q) = −Σ p log q along `dim` of a predicted distribution q (`input`) under the
 * true distribution p (`target`), the argument order of crossEntropy(input, target); terms with
 * p = 0 contribute 0 (concepts §1, §4). With p one-hot at y it is the log-likelihood loss
 * −log q_y: −log₂ 0.0508 = 4.2990 bits. For logits use crossEntropy.
 * Gradient: dq = −p/q·dy, dp = −log q·dy (÷ ln base).
 * Shape: input and target broadcast → reduced over `dim`.
 * @example distributionCrossEntropy(tensor([0.5, 0.5]), tensor([1, 0]), { base: 2 }).item() // 1
 */
export function distributionCrossEntropy(input: Tensor, target: Tensor, opts: InfoOptions = {}): Tensor {
  const op = 'distributionCrossEntropy';
  const { dim, scale } = pairOptions(op, input, target, opts);
  const plogq = mul(target, log(where(eq(target, 0), 1, input))); // 0 where target = 0, gradient 0 there (xlogy)
  return div(neg(sum(plogq, dim)), scale);
}

/**
 * Kullback–Leibler divergence KL(p ‖ q) = Σ p log(p/q) = H(p, q) − H(p) along `dim`: how much
 * longer a code built for q (`input`) is than one built for p (`target`); ≥ 0, and 0 only when
 * q = p (concepts §1).
 * Gradient: dq = −p/q·dy, dp = (log(p/q) + 1)·dy (÷ ln base).
 * Shape: input and target broadcast → reduced over `dim`.
 * Differs from `torch.nn.functional.kl_div`, a loss that takes log q and reduces over all
 * elements; this is `(p * (p.log() − q.log())).sum(dim)`.
 * @example klDivergence(tensor([0.5, 0.5]), tensor([1, 0]), { base: 2 }).item() // 1
 */
export function klDivergence(input: Tensor, target: Tensor, opts: InfoOptions = {}): Tensor {
  const op = 'klDivergence';
  const { dim, scale } = pairOptions(op, input, target, opts);
  const plogp = mul(target, log(where(eq(target, 0), 1, target)));
  const plogq = mul(target, log(where(eq(target, 0), 1, input))); // 0 where target = 0, gradient 0 there (xlogy)
  return div(sum(sub(plogp, plogq), dim), scale);
}

/** The two distributions of a cross-entropy or divergence (broadcast, at least 1-D) and its options. */
function pairOptions(op: string, input: Tensor, target: Tensor, opts: InfoOptions | undefined) {
  expectTensor(op, 'input', input);
  expectTensor(op, 'target', target);
  const shape = broadcastShapes(op, ['input', 'target'], [input.shape, target.shape]);
  if (input.ndim === 0 || target.ndim === 0) {
    throw new ShapeError(op, 'input and target must hold distributions (at least 1-D)', { got: [['input', input.shape], ['target', target.shape]] });
  }
  return infoOptions(op, shape.length, opts);
}
