// Batch normalization (concepts §5): normalize each channel by the batch's statistics in training,
// by running averages of them in evaluation; BatchNorm1d here, BatchNorm2d (images) reuses the base.

import { ShapeError } from '../core/errors.js';
import { badArg, checkBool, checkDType, checkInt, checkNumber, checkOptions } from '../core/check.js';
import { defaultDtype, isFloat, type DType } from '../core/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import type { BinaryOpId } from '../backend/kernels.js';
import { ones, zeros } from '../tensor/create.js';
import { noGrad } from '../autograd/no-grad.js';
import { add, addOp } from '../ops/add.js';
import { sub } from '../ops/sub.js';
import { mul, mulOp } from '../ops/mul.js';
import { mean } from '../ops/mean.js';
import { sqrt } from '../ops/sqrt.js';
import { reciprocal } from '../ops/reciprocal.js';
import { reshape } from '../ops/reshape.js';
import { sum } from '../ops/sum.js';
import { broadcastOperands } from '../ops/operand.js';
import { defineOp } from '../autograd/define-op.js';
import { isGradEnabled } from '../autograd/no-grad.js';
import { forwardDType, forwardInput, Module } from './module.js';
import { Parameter } from './parameter.js';
import { Buffer } from './buffer.js';

export interface BatchNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  eps?: number;
  /**
   * Weight of the new batch in the running averages (default 0.1): r ← (1 − momentum)·r +
   * momentum·batch. null: the cumulative average over every batch so far (torch's momentum=None).
   */
  momentum?: number | null;
  /** Learnable per-channel scale γ (weight, init 1) and shift β (bias, init 0). Default true. */
  affine?: boolean;
  /** Keep running mean/variance for evaluation (default true); false: batch statistics always. */
  trackRunningStats?: boolean;
  dtype?: DType;
}

interface NormAttrs {
  readonly eps: number;
  /** The reduced dims (all but the channel dim 1) and the per-channel broadcast shape [1, C, 1…]. */
  readonly dims: readonly number[];
  readonly bshape: readonly number[];
  /** Filled by the forward with the batch mean and biased variance ([1, C, 1…]), for the running averages. */
  readonly stats: { mean?: Tensor; var?: Tensor };
}

/** x − μ and 1/√(σ² + ε) of the batch, with ops (differentiable when grad is enabled). */
function centre(x: Tensor, a: NormAttrs): { mu: Tensor; xc: Tensor; v: Tensor; invstd: Tensor } {
  const mu = mean(x, a.dims, true);
  const xc = sub(x, mu);
  const v = mean(mul(xc, xc), a.dims, true);
  return { mu, xc, v, invstd: reciprocal(sqrt(add(v, a.eps))) };
}

/**
 * Batch normalization with batch statistics, inputs [x, γ, β] or [x] (affine false). Forward:
 * y = (x − μ)·(γ/√(σ² + ε)) + β. Backward in closed form, per channel with s = γ/√(σ² + ε),
 * r = 1/√(σ² + ε) and sums over the N·L values of the channel:
 *   dx = s·dy − s·r²·(x − μ)·Σ(dy·(x − μ))/n − s·Σdy/n,  dγ = r·Σ(dy·(x − μ)),  dβ = Σdy
 * (7 full-size passes instead of the ~15 that autograd makes of the composite; concepts §5).
 */
const batchNormOp = defineOp<NormAttrs>({
  name: 'batchNorm',
  spec: '§5',
  args: ['input', 'weight', 'bias'],
  shape: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  forward(ctx) {
    const [x, w, b] = ctx.inputs;
    const a = ctx.attrs;
    const { mu, xc, v, invstd } = centre(x, a);
    a.stats.mean = mu;
    a.stats.var = v;
    const scale = w ? mul(invstd, reshape(w, a.bshape)) : invstd;
    const k = ctx.k, out = ctx.out;
    const last = (id: BinaryOpId, p: Tensor, q: Tensor) => {
      const { ops, shape } = broadcastOperands(k, [p, q], out.shape, out.dtype);
      k.binary(id, ops[0], ops[1], out.storage, shape);
    };
    if (b) last(ADD, mul(xc, scale), reshape(b, a.bshape));
    else last(MUL, xc, scale);
    ctx.save(xc, invstd);
  },
  backward(ctx, dy) {
    const [x, w] = ctx.inputs;
    const a = ctx.attrs;
    // createGraph: x − μ and r recomputed with ops, so second derivatives see them depend on x
    const [xc, r] = isGradEnabled() ? (({ xc: c, invstd }) => [c, invstd])(centre(x, a)) : ctx.saved;
    const n = x.size / x.shape[1];
    const sdy = sum(dy, a.dims, true);
    const sdyxc = sum(mul(dy, xc), a.dims, true);
    const s = w ? mul(r, reshape(w, a.bshape)) : r;
    const dx = add(add(mul(dy, s), mul(xc, mul(mul(mul(s, r), r), sdyxc).mul(-1 / n))), mul(s, sdy).mul(-1 / n));
    const c = [x.shape[1]];
    return [dx, w ? reshape(mul(sdyxc, r), c) : null, ctx.inputs[2] ? reshape(sdy, c) : null];
  },
});

const ADD = addOp.id, MUL = mulOp.id;

/** Shared by BatchNorm1d and BatchNorm2d: statistics over every dim except the channel dim 1 (concepts §5). */
export abstract class BatchNormBase extends Module {
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  readonly weight: Parameter | null;
  readonly bias: Parameter | null;
  readonly runningMean: Buffer | null;
  readonly runningVar: Buffer | null;
  readonly numBatchesTracked: Buffer | null;
  private readonly dtype: DType;

  constructor(readonly numFeatures: number, opts: BatchNormOptions = {}) {
    super();
    const op = new.target.name;
    checkInt(op, 'numFeatures', numFeatures, 1);
    const o = checkOptions(op, opts, ['eps', 'momentum', 'affine', 'trackRunningStats', 'dtype']);
    this.eps = o.eps === undefined ? 1e-5 : checkNumber(op, 'eps', o.eps, { min: 0 });
    this.momentum = o.momentum === null ? null : o.momentum === undefined ? 0.1 : checkNumber(op, 'momentum', o.momentum, { min: 0, max: 1 });
    this.affine = o.affine === undefined ? true : checkBool(op, 'affine', o.affine);
    this.trackRunningStats = o.trackRunningStats === undefined ? true : checkBool(op, 'trackRunningStats', o.trackRunningStats);
    const dtype = o.dtype === undefined ? defaultDtype() : checkDType(op, o.dtype);
    if (!isFloat(dtype)) throw badArg(op, "dtype must be 'float32' or 'float64'", dtype);
    this.dtype = dtype;
    this.weight = this.affine ? new Parameter(ones([numFeatures], { dtype })) : null;
    this.bias = this.affine ? new Parameter(zeros([numFeatures], { dtype })) : null;
    this.runningMean = this.trackRunningStats ? new Buffer(zeros([numFeatures], { dtype })) : null;
    this.runningVar = this.trackRunningStats ? new Buffer(ones([numFeatures], { dtype })) : null;
    this.numBatchesTracked = this.trackRunningStats ? new Buffer(zeros([], { dtype: 'int32' })) : null;
  }

  /** The ranks this layer takes (2 and 3 for 1d, 4 for 2d), for the shape check. */
  protected abstract readonly ranks: readonly number[];
  protected abstract readonly layout: string;

  /**
   * Formula (per channel c, over the batch and every position): training: μ = mean x,
   * σ² = mean (x − μ)² (biased), y = γ·(x − μ)/√(σ² + ε) + β, and the running averages take μ and
   * the unbiased n/(n − 1)·σ²; evaluation: μ, σ² are the running averages. Gradients by autograd.
   */
  forward(x: Tensor): Tensor {
    const op = `${this.constructor.name}.forward`;
    forwardDType(this, forwardInput(this, x), this.dtype);
    if (!this.ranks.includes(x.ndim) || x.shape[1] !== this.numFeatures) {
      throw new ShapeError(op, `input must be ${this.layout} with C = numFeatures (${this.numFeatures})`, { got: [['input', x.shape]] });
    }
    const dims = [0, ...Array.from({ length: x.ndim - 2 }, (_, i) => i + 2)];
    const n = x.size / this.numFeatures;
    const useBatch = this.training || this.runningMean === null;
    if (useBatch && this.training && n <= 1) {
      throw new ShapeError(op, 'training needs more than one value per channel', { got: [['input', x.shape]] },
        'use a batch of 2 or more, or call model.eval()');
    }
    const bshape = [1, this.numFeatures, ...Array(x.ndim - 2).fill(1)];
    if (useBatch) {
      const stats: NormAttrs['stats'] = {};
      const inputs = this.weight !== null ? [x, this.weight, this.bias!] : [x];
      const y = batchNormOp.apply(inputs, { eps: this.eps, dims, bshape, stats });
      if (this.training && this.runningMean !== null) this.track(stats.mean!, stats.var!, n);
      return y;
    }
    // evaluation: the running statistics, a per-channel affine map
    const r = reciprocal(sqrt(add(reshape(this.runningVar!, bshape), this.eps)));
    const s = this.weight !== null ? mul(r, reshape(this.weight, bshape)) : r;
    const y = mul(sub(x, reshape(this.runningMean!, bshape)), s);
    return this.bias !== null ? add(y, reshape(this.bias, bshape)) : y;
  }

  /** The running averages take this batch's mean and unbiased variance, in place. */
  private track(mu: Tensor, v: Tensor, n: number): void {
    // mu, v: [1, C, 1…]
    noGrad(() => {
      this.numBatchesTracked!.add_(1);
      const f = this.momentum ?? 1 / this.numBatchesTracked!.item();
      const c = [this.numFeatures];
      this.runningMean!.mul_(1 - f).add_(reshape(mu, c), { alpha: f });
      this.runningVar!.mul_(1 - f).add_(reshape(v, c), { alpha: (f * n) / (n - 1) });
    });
  }

  protected override extraRepr(): string {
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum}, affine=${this.affine}, track_running_stats=${this.trackRunningStats}`;
  }
}

/**
 * Batch normalization over [N, C] or [N, C, L], statistics per channel C over N and L (concepts §5). Parameters weight γ [C] (ones) and bias β [C] (zeros); buffers running_mean, running_var,
 * num_batches_tracked. train()/eval() switch batch and running statistics. Matches
 * `torch.nn.BatchNorm1d` (same defaults, same state_dict keys).
 * @example new BatchNorm1d(3).forward(randn([8, 3])).shape // [8, 3]
 */
export class BatchNorm1d extends BatchNormBase {
  protected readonly ranks = [2, 3];
  protected readonly layout = '[N, C] or [N, C, L]';
}
