// Noise injection (concepts §5): Gaussian noise added to activations, and weight noise — the
// weights perturbed in the forward pass during training, the stored weights untouched.

import { checkNumber, checkOptions } from '../core/check.js';
import { checkRng, globalRng, type Rng } from '../core/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { add } from '../ops/add.js';
import { requireFloat } from '../ops/elementwise.js';
import { randn } from '../ops/random.js';
import { checkModuleArg, forwardInput, Module } from './module.js';
import { Parameter } from './parameter.js';

export interface NoiseOptions {
  /** Generator of the noise; the global one (manualSeed) when omitted. */
  rng?: Rng;
}

function noiseOptions(op: string, std: number, opts: NoiseOptions): Rng {
  checkNumber(op, 'std', std, { min: 0 });
  const o = checkOptions(op, opts, ['rng']);
  checkRng(op, o.rng);
  return o.rng ?? globalRng;
}

/** x + ε, ε ~ N(0, std²) of x's shape, dtype and backend. */
function noisy(x: Tensor, std: number, rng: Rng): Tensor {
  return add(x, randn(x.shape, { std, rng, dtype: x.dtype as 'float32', backend: x.backend.name }));
}

/**
 * Adds Gaussian noise in training: y = x + ε, ε ~ N(0, σ²) per element; the identity after eval()
 * (concepts §5). Gradient: dx = dy. (PyTorch has no such layer; Keras' GaussianNoise.)
 * @example new GaussianNoise(0.1).eval().forward(ones([2])).tolist() // [1, 1]
 */
export class GaussianNoise extends Module {
  private readonly rng: Rng;
  constructor(readonly std: number, opts: NoiseOptions = {}) {
    super();
    this.rng = noiseOptions('GaussianNoise', std, opts);
  }
  forward(x: Tensor): Tensor {
    requireFloat('GaussianNoise.forward', forwardInput(this, x), 'input');
    return this.training && this.std > 0 ? noisy(x, this.std, this.rng) : x;
  }
  protected override extraRepr(): string {
    return `std=${this.std}`;
  }
}

/**
 * Weight noise: in training each forward of the wrapped module sees its parameters perturbed,
 * W̃ = W + ε with ε ~ N(0, σ²) drawn afresh per forward, while the stored W stays as it is; the
 * gradient reaches W (dW̃/dW = 1), so the optimizer updates the clean weights (concepts §5). After
 * eval() the module runs unperturbed. State (stateDict) is the wrapped module's, under `module.`.
 * @example new WeightNoise(new Linear(2, 2), 0.01).forward(ones([1, 2])).shape // [1, 2]
 */
export class WeightNoise extends Module {
  private readonly rng: Rng;
  constructor(readonly module: Module, readonly std: number, opts: NoiseOptions = {}) {
    super();
    checkModuleArg('WeightNoise', 'module', module);
    this.rng = noiseOptions('WeightNoise', std, opts);
  }
  forward(...inputs: Tensor[]): Tensor {
    if (!this.training || this.std === 0) return this.module.forward(...inputs);
    // every module below sees, in its parameter fields, W + ε for the length of this forward
    const swapped: [Record<string, unknown>, string, Parameter][] = [];
    for (const [, m] of this.module.namedModules()) {
      for (const [key, v] of Object.entries(m)) if (v instanceof Parameter) swapped.push([m as unknown as Record<string, unknown>, key, v]);
    }
    try {
      for (const [m, key, w] of swapped) m[key] = noisy(w, this.std, this.rng);
      return this.module.forward(...inputs);
    } finally {
      for (const [m, key, w] of swapped) m[key] = w;
    }
  }
  protected override extraRepr(): string {
    return `std=${this.std}`;
  }
}
