// Linear (affine) layer, PyTorch layout: weight [D_out, D_in], bias [D_out].

import { DTypeError } from '../core/errors.js';
import { checkBool, checkDType, checkInt, checkOptions } from '../core/check.js';
import { checkRng, Rng } from '../core/rng.js';
import { defaultDtype, isFloat, type DType } from '../core/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { zeros } from '../tensor/create.js';
import { linear } from '../ops/linear.js';
import { forwardDType, forwardInput, Module } from './module.js';
import { Parameter } from './parameter.js';
import { kaimingUniform_, uniform_ } from './init/index.js';

export interface LinearOptions {
  bias?: boolean;
  /** Parameter dtype; getDefaultDtype() (float32 unless changed) when omitted. */
  dtype?: DType;
  rng?: Rng;
}

/**
 * Affine layer. Formula: y = x·Wᵀ + b (concepts §3).
 * Gradient: dX = dY·W, dW = dYᵀ·X, db = Σ_batch dY (see ops/linear.ts).
 * Shape: x [*, D_in] → [*, D_out]; weight [D_out, D_in], bias [D_out].
 * Init as `torch.nn.Linear`: W ~ U(−1/√D_in, 1/√D_in) (kaiming_uniform with a = √5), b likewise.
 * @example new Linear(784, 256).forward(zeros([64, 784])).shape // [64, 256]
 */
export class Linear extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter | null;
  constructor(readonly inFeatures: number, readonly outFeatures: number, opts: LinearOptions = {}) {
    super();
    checkInt('Linear', 'inFeatures', inFeatures, 1);
    checkInt('Linear', 'outFeatures', outFeatures, 1);
    const o = checkOptions('Linear', opts, ['bias', 'dtype', 'rng']);
    if (o.bias !== undefined) checkBool('Linear', 'bias', o.bias);
    const dtype = o.dtype === undefined ? defaultDtype() : checkDType('Linear', o.dtype);
    if (!isFloat(dtype)) throw new DTypeError('Linear', 'parameters must be floating-point', { got: [['dtype', dtype]] });
    checkRng('Linear', o.rng);
    this.weight = new Parameter(zeros([outFeatures, inFeatures], { dtype }));
    kaimingUniform_(this.weight, { a: Math.sqrt(5), rng: opts.rng });
    if (opts.bias ?? true) {
      this.bias = new Parameter(zeros([outFeatures], { dtype }));
      const bound = 1 / Math.sqrt(inFeatures);
      uniform_(this.bias, -bound, bound, { rng: opts.rng });
    } else this.bias = null;
  }
  forward(x: Tensor): Tensor {
    forwardDType(this, forwardInput(this, x), this.weight.dtype);
    return linear(x, this.weight, this.bias, `Linear(${this.inFeatures} → ${this.outFeatures})`);
  }
  protected override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
