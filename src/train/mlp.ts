// The multilayer perceptron the CLI and the benchmarks train: Linear → ReLU → … → Linear.

import { checkRng, Rng } from '../core/rng.js';
import { badArg, checkInt, checkOneOf, checkOptions } from '../core/check.js';
import { Linear } from '../nn/linear.js';
import { ReLU } from '../nn/activations.js';
import { Sequential } from '../nn/sequential.js';
import type { Module } from '../nn/module.js';
import { kaimingNormal_ } from '../nn/init/kaiming.js';
import { zeros_ } from '../nn/init/constant.js';

/**
 * An MLP with ReLU between layers (concepts §3): sizes [784, 256, 128, 10] gives
 * Linear(784→256), ReLU, Linear(256→128), ReLU, Linear(128→10). With `init: 'he'` the weights are
 * He-normal (σ = √(2/n_in)) and the biases zero, as in the PyTorch anchor benchmark.
 */
export function mlp(sizes: readonly number[], opts: { init?: 'he' | 'default'; rng?: Rng } = {}): Sequential {
  if (!Array.isArray(sizes) || sizes.length < 2) throw badArg('mlp', 'sizes must be an array of at least 2 layer sizes', sizes, 'e.g. mlp([784, 256, 10])');
  sizes.forEach((n, i) => checkInt('mlp', `sizes[${i}]`, n, 1));
  const o = checkOptions('mlp', opts, ['init', 'rng']);
  if (o.init !== undefined) checkOneOf('mlp', 'init', o.init, ['he', 'default']);
  checkRng('mlp', o.rng);
  const layers: Module[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const lin = new Linear(sizes[i], sizes[i + 1], { rng: opts.rng });
    if ((opts.init ?? 'he') === 'he') {
      kaimingNormal_(lin.weight, { nonlinearity: 'relu', rng: opts.rng });
      if (lin.bias) zeros_(lin.bias);
    }
    layers.push(lin);
    if (i + 2 < sizes.length) layers.push(new ReLU());
  }
  return new Sequential(...layers);
}
