import type { Tensor } from '../tensor/tensor.js';
import { Optimizer } from './optimizer.js';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
}

/**
 * Adam (Kingma & Ba 2015), SPEC §6 — momentum plus RMSProp with bias correction. At step t:
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
    this.o = Adam.validate({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, ...opts });
  }
  private static validate(o: Required<AdamOptions>): Required<AdamOptions> {
    const { lr, betas, eps, weightDecay } = o;
    Optimizer.check('Adam', 'learning rate', lr, lr >= 0);
    Optimizer.check('Adam', 'epsilon value', eps, eps >= 0);
    Optimizer.check('Adam', 'beta parameter at index 0', betas[0], betas[0] >= 0 && betas[0] < 1);
    Optimizer.check('Adam', 'beta parameter at index 1', betas[1], betas[1] >= 0 && betas[1] < 1);
    Optimizer.check('Adam', 'weightDecay value', weightDecay, weightDecay >= 0);
    return { ...o, betas: [betas[0], betas[1]] };
  }
  step(): void {
    this.stepCount++;
    const [beta1, beta2] = this.o.betas;
    const { lr, eps, weightDecay } = this.o;
    for (const p of this.params) {
      const g = this.gradOf(p);
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
    this.o = Adam.validate({ ...this.o, ...(options as Partial<AdamOptions>) });
  }
}
