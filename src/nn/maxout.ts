// Maxout layer (Goodfellow et al. 2013): a Linear to out·k units, then the max of each group of k.

import { DTypeError } from '../core/errors.js';
import { checkBool, checkDType, checkInt, checkOptions } from '../core/check.js';
import { checkRng } from '../core/rng.js';
import { defaultDtype, isFloat } from '../core/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { zeros } from '../tensor/create.js';
import { linear } from '../ops/linear.js';
import { maxout } from '../ops/maxout.js';
import { forwardDType, forwardInput, Module } from './module.js';
import { Parameter } from './parameter.js';
import { kaimingUniform_, uniform_ } from './init/index.js';
import type { LinearOptions } from './linear.js';

/**
 * Maxout layer. Formula: z = x·Wᵀ + b, yᵢ = max_{j<k} z_{i·k+j} (concepts §3).
 * Gradient: through maxout (dy to each group's maximal unit) and linear.
 * Shape: x [*, D_in] → [*, D_out]; weight [D_out·k, D_in], bias [D_out·k]: the k pieces of output
 * unit i are rows i·k … i·k+k−1 (contiguous groups, z viewed [*, D_out, k], max over the last).
 * Init as Linear(D_in, D_out·k), drawing the same numbers from the same rng. No torch module;
 * torch spelling: `F.linear(x, w, b).view(N, D_out, k).max(-1).values`.
 * @example new Maxout(4, 3, 2).forward(zeros([5, 4])).shape // [5, 3]
 */
export class Maxout extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  constructor(readonly inFeatures: number, readonly outFeatures: number, readonly k: number, opts: LinearOptions = {}) {
    super();
    checkInt('Maxout', 'inFeatures', inFeatures, 1);
    checkInt('Maxout', 'outFeatures', outFeatures, 1);
    checkInt('Maxout', 'k', k, 1);
    const o = checkOptions('Maxout', opts, ['bias', 'dtype', 'rng']);
    if (o.bias !== undefined) checkBool('Maxout', 'bias', o.bias);
    const dtype = o.dtype === undefined ? defaultDtype() : checkDType('Maxout', o.dtype);
    if (!isFloat(dtype)) throw new DTypeError('Maxout', 'parameters must be floating-point', { got: [['dtype', dtype]] });
    checkRng('Maxout', o.rng);
    this.weight = new Parameter(zeros([outFeatures * k, inFeatures], { dtype }));
    kaimingUniform_(this.weight, { a: Math.sqrt(5), rng: opts.rng });
    if (opts.bias ?? true) {
      this.bias = new Parameter(zeros([outFeatures * k], { dtype }));
      const bound = 1 / Math.sqrt(inFeatures);
      uniform_(this.bias, -bound, bound, { rng: opts.rng });
    } else this.bias = null;
  }
  forward(x: Tensor): Tensor {
    forwardDType(this, forwardInput(this, x), this.weight.dtype);
    const label = `Maxout(${this.inFeatures} → ${this.outFeatures}, k=${this.k})`;
    return maxout(linear(x, this.weight, this.bias, label), this.k);
  }
  protected override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, k=${this.k}, bias=${this.bias !== null}`;
  }
}
