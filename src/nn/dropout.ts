// Inverted dropout (concepts §5): in training each unit is kept with probability 1 − p and scaled
// by 1/(1 − p), so evaluation is the identity and the expected activation is the same in both.

import { checkBool, checkNumber, checkOptions } from '../core/check.js';
import { checkRng, globalRng, type Rng } from '../core/rng.js';
import { expectTensor } from '../tensor/expect.js';
import type { Tensor } from '../tensor/tensor.js';
import { requireFloat } from '../ops/elementwise.js';
import { mul } from '../ops/mul.js';
import { randomFillOp } from '../ops/random.js';
import { forwardInput, Module } from './module.js';

export interface DropoutOptions {
  /** Generator of the masks; the global one (manualSeed) when omitted. */
  rng?: Rng;
}

const TWO_32 = 2 ** 32;

/**
 * The mask m of x's shape: m = 1/(1 − p) with probability 1 − p, else 0. One 32-bit draw per
 * element: kept when u < round((1 − p)·2³²), so the keep rate is 1 − p to within 2⁻³².
 */
export function dropoutMask(x: Tensor, p: number, rng: Rng): Tensor {
  const threshold = Math.round((1 - p) * TWO_32);
  const scale = p === 1 ? 0 : 1 / (1 - p);
  return randomFillOp.apply([], { shape: x.shape, dtype: x.dtype, rng, draw: (r) => (r.nextU32() < threshold ? scale : 0) }, x.backend);
}

/**
 * Inverted dropout. Formula: y = x ⊙ m / (1 − p), m ~ Bernoulli(1 − p) per element, in training;
 * y = x otherwise (concepts §5). Gradient: dx = dy ⊙ m / (1 − p). p = 1 gives zeros, p = 0 returns
 * x. Matches `torch.nn.functional.dropout` (the masks differ: nabla draws from its own generator).
 * @example dropout(ones([4]), 0.5, false).tolist() // [1, 1, 1, 1]
 */
export function dropout(x: Tensor, p = 0.5, training = true, opts: DropoutOptions = {}): Tensor {
  expectTensor('dropout', 'x', x);
  checkNumber('dropout', 'p', p, { min: 0, max: 1 });
  checkBool('dropout', 'training', training);
  const o = checkOptions('dropout', opts, ['rng']);
  checkRng('dropout', o.rng);
  requireFloat('dropout', x);
  if (!training || p === 0) return x;
  return mul(x, dropoutMask(x, p, o.rng ?? globalRng));
}

/**
 * Inverted dropout as a layer: active in training, the identity after eval() (concepts §5).
 * Matches `torch.nn.Dropout`.
 * @example new Dropout(0.2).eval().forward(ones([2])).tolist() // [1, 1]
 */
export class Dropout extends Module {
  private readonly rng: Rng | undefined;
  constructor(readonly p = 0.5, opts: DropoutOptions = {}) {
    super();
    checkNumber('Dropout', 'p', p, { min: 0, max: 1 });
    const o = checkOptions('Dropout', opts, ['rng']);
    checkRng('Dropout', o.rng);
    this.rng = o.rng;
  }
  forward(x: Tensor): Tensor {
    return dropout(forwardInput(this, x), this.p, this.training, { rng: this.rng });
  }
  protected override extraRepr(): string {
    return `p=${this.p}`;
  }
}
