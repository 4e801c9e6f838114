import type { Tensor } from '../tensor/tensor.js';
import { Optimizer, optimOptions } from './optimizer.js';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
}

/**
 * Adam (Kingma & Ba 2015), concepts §6 — momentum plus RMSProp with bias correction. At step t:
 *   1. g ← ∇θ + λθ                       (weight decay λ, L2 form as torch.optim.Adam)
 *   2. m ← β₁m + (1 − β₁)g
 *   3. v ← β₂v + (1 − β₂)g²
 *   4. m̂ ← m / (1 − β₁ᵗ),  v̂ ← v / (1 − β₂ᵗ)
 *   5. θ ← θ − lr·m̂ / (√v̂ + ε)
 * (The notes' formula has typos; this follows the paper.) Defaults as PyTorch: lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 0. One fused kernel pass per parameter.
 * @example
 * const w = tensor([1, -2], { requiresGrad: true });
 * const opt = new Adam([w], { lr: 0.1 });
 * w.mul(w).sum().backward();
 * opt.step(); // the first step moves each weight by about lr·sign(g): m̂/√v̂ = g/|g|
 * w.tolist() // [0.9, -1.9]
 */
export class Adam extends Optimizer {
  protected o: Required<AdamOptions>;
  constructor(params: Iterable<Tensor>, opts: AdamOptions = {}) {
    super(params, 'Adam');
    this.o = Adam.validate(opts, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 });
  }
  /** lr, eps, weightDecay finite and ≥ 0, betas in [0, 1) (as torch.optim.Adam). */
  private static validate(opts: unknown, defaults: Required<AdamOptions>): Required<AdamOptions> {
    return optimOptions('Adam', opts, defaults, { lr: { min: 0 }, betas: 'betas', eps: { min: 0 }, weightDecay: { min: 0 } });
  }
  step(): void {
    const grads = this.gradients(arguments);
    this.stepCount++;
    const [beta1, beta2] = this.o.betas;
    const { lr, eps, weightDecay } = this.o;
    for (let i = 0; i < this.params.length; i++) {
      const p = this.params[i], g = grads[i];
      if (!g) continue;
      const m = this.buffer(p, 'm');
      const v = this.buffer(p, 'v');
      const step = this.nextStep(p);
      p.backend.adamStep(p.storage, g.storage, m.storage, v.storage, { lr, beta1, beta2, eps, weightDecay, step });
    }
  }
  protected options() {
    return { ...this.o, betas: [...this.o.betas] };
  }
  protected loadOptions(options: Record<string, unknown>): void {
    this.o = Adam.validate(options, this.o);
  }
}
