// Activation layers with a setting (concepts §3): LeakyReLU, ELU, GELU; each forwards to its op
// and checks its setting in the constructor.

import type { Tensor } from '../tensor/tensor.js';
import { leakyRelu } from '../ops/leaky-relu.js';
import { elu } from '../ops/elu.js';
import { gelu, type GeluOptions } from '../ops/gelu.js';
import { checkNumber, checkOneOf, checkOptions } from '../core/check.js';
import { forwardInput, Module } from './module.js';

/** A number as Python prints a float: 1 → '1.0', 0.01 → '0.01' (torch's extraRepr). */
const pyFloat = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

/**
 * y = x if x > 0, else negativeSlope·x (concepts §3). Default negativeSlope 0.01.
 * Matches `torch.nn.LeakyReLU`.
 * @example new LeakyReLU(0.2).forward(tensor([-1, 2])).tolist() // [-0.2, 2]
 */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
    checkNumber('LeakyReLU', 'negativeSlope', negativeSlope);
  }
  forward(x: Tensor): Tensor {
    return leakyRelu(forwardInput(this, x), this.negativeSlope);
  }
  protected override extraRepr(): string {
    return `negative_slope=${pyFloat(this.negativeSlope)}`;
  }
}

/** y = x if x > 0, else α(eˣ − 1) (concepts §3). Default alpha 1. Matches `torch.nn.ELU`. */
export class ELU extends Module {
  constructor(readonly alpha = 1) {
    super();
    checkNumber('ELU', 'alpha', alpha);
  }
  forward(x: Tensor): Tensor {
    return elu(forwardInput(this, x), this.alpha);
  }
  protected override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}`;
  }
}

/**
 * y = x·Φ(x), exact (erf) or with approximate 'tanh' (concepts §3). Default 'none'.
 * Matches `torch.nn.GELU`; the setting is an options object, as in gelu(x, opts).
 */
export class GELU extends Module {
  readonly approximate: 'none' | 'tanh';
  constructor(opts: GeluOptions = {}) {
    super();
    const o = checkOptions('GELU', opts, ['approximate']);
    this.approximate = o.approximate === undefined ? 'none' : checkOneOf('GELU', 'approximate', o.approximate, ['none', 'tanh'] as const);
  }
  forward(x: Tensor): Tensor {
    return gelu(forwardInput(this, x), { approximate: this.approximate });
  }
  protected override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
}
