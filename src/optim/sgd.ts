import type { Tensor } from '../tensor/tensor.js';
import { ArgumentError } from '../core/errors.js';
import { Optimizer, optimOptions } from './optimizer.js';
import { badArg, checkOptions } from '../core/check.js';

export interface SGDOptions {
  /** Required, as in PyTorch. */
  lr: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

/**
 * Stochastic gradient descent with optional momentum and Nesterov (concepts §6), as torch.optim.SGD:
 *   1. g ← ∇θ + λθ                              (weight decay λ, the L2 gradient)
 *   2. b ← g on the first step, else b ← μb + (1 − τ)g   (momentum μ, dampening τ)
 *   3. g ← g + μb if Nesterov, else g ← b
 *   4. θ ← θ − lr·g
 * With τ = 0 this is the notes' v = αv − p·g, θ += v scaled by lr; Nesterov evaluates the
 * gradient at the look-ahead point in this reformulation (Sutskever et al. 2013).
 * Defaults as PyTorch: lr is required; momentum 0, dampening 0, weightDecay 0, no Nesterov.
 * @example
 * const w = tensor([1, -2], { requiresGrad: true });
 * const opt = new SGD([w], { lr: 0.1 });
 * w.mul(w).sum().backward(); // g = 2w
 * opt.step();
 * w.tolist() // [0.8, -1.6]
 */
export class SGD extends Optimizer {
  protected o: Required<SGDOptions>;
  constructor(params: Iterable<Tensor>, opts: SGDOptions) {
    super(params, 'SGD');
    this.o = SGD.validate(opts, { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } as Required<SGDOptions>);
  }
  /** lr (required), momentum, weightDecay finite and ≥ 0; dampening in [0, 1]; nesterov a boolean. */
  private static validate(opts: unknown, defaults: Required<SGDOptions>): Required<SGDOptions> {
    const given = typeof opts === 'object' && opts !== null ? (opts as Partial<SGDOptions>) : undefined;
    if (defaults.lr === undefined && (opts === undefined || (given && given.lr === undefined))) {
      checkOptions('SGD', given, ['lr', 'momentum', 'dampening', 'nesterov', 'weightDecay']); // a misspelt lr first
      throw badArg('SGD', 'lr must be a finite number ≥ 0', undefined,
        'SGD has no default learning rate (nor has PyTorch): new SGD(params, { lr: 0.01 })');
    }
    const o = optimOptions('SGD', opts, defaults, {
      lr: { min: 0 }, momentum: { min: 0 }, dampening: { min: 0, max: 1 }, nesterov: 'boolean', weightDecay: { min: 0 },
    });
    const { momentum, dampening, nesterov } = o;
    if (nesterov && !(momentum > 0 && dampening === 0)) {
      throw new ArgumentError('SGD', 'Nesterov momentum requires a momentum and zero dampening', {
        note: `momentum = ${momentum}, dampening = ${dampening}`,
      });
    }
    return o;
  }
  step(): void {
    const grads = this.gradients(arguments);
    this.stepCount++;
    for (let i = 0; i < this.params.length; i++) {
      const p = this.params[i], g = grads[i];
      if (!g) continue;
      this.nextStep(p);
      const useBuf = this.o.momentum !== 0;
      const firstStep = useBuf && !this.hasBuffer(p, 'momentumBuffer');
      const b = useBuf ? this.buffer(p, 'momentumBuffer') : null;
      p.backend.sgdStep(p.storage, g.storage, b ? b.storage : null, { ...this.o, firstStep });
    }
  }
  protected options() {
    return { ...this.o };
  }
  protected loadOptions(options: Record<string, unknown>): void {
    this.o = SGD.validate(options, this.o);
  }
}
