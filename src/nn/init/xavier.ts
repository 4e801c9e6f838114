import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fans, fillWith, initArgs } from './fan.js';
import { checkNumber } from '../../core/check.js';

/**
 * Xavier/Glorot uniform (concepts §6): W ~ U(−r, r), r = gain·√6/√(n_in + n_out).
 * Matches `torch.nn.init.xavier_uniform_`.
 */
export function xavierUniform_(t: Tensor, opts: { gain?: number; rng?: Rng } = {}): Tensor {
  const o = initArgs('xavierUniform_', t, opts, ['gain', 'rng']);
  if (o.gain !== undefined) checkNumber('xavierUniform_', 'gain', o.gain, { min: 0 });
  const { fanIn, fanOut } = fans('xavierUniform_', t);
  const r = Math.sqrt(3) * ((o.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut))); // torch's order of operations
  return fillWith(t, (g) => g.uniform(-r, r), opts.rng);
}

/**
 * Xavier/Glorot normal (concepts §6): W ~ N(0, σ²), σ = gain·√(2/(n_in + n_out)).
 * Matches `torch.nn.init.xavier_normal_`.
 */
export function xavierNormal_(t: Tensor, opts: { gain?: number; rng?: Rng } = {}): Tensor {
  const o = initArgs('xavierNormal_', t, opts, ['gain', 'rng']);
  if (o.gain !== undefined) checkNumber('xavierNormal_', 'gain', o.gain, { min: 0 });
  const { fanIn, fanOut } = fans('xavierNormal_', t);
  const std = (o.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
  return fillWith(t, (g) => g.normal(0, std), opts.rng);
}
