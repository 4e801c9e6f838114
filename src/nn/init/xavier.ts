import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fans, fillWith } from './fan.js';

/**
 * Xavier/Glorot uniform (SPEC §6): W ~ U(−r, r), r = gain·√6/√(n_in + n_out).
 * Matches `torch.nn.init.xavier_uniform_`.
 */
export function xavierUniform_(t: Tensor, opts: { gain?: number; rng?: Rng } = {}): Tensor {
  const { fanIn, fanOut } = fans('xavierUniform_', t);
  const r = (opts.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
  return fillWith(t, (g) => g.uniform(-r, r), opts.rng);
}

/**
 * Xavier/Glorot normal (SPEC §6): W ~ N(0, σ²), σ = gain·√(2/(n_in + n_out)).
 * Matches `torch.nn.init.xavier_normal_`.
 */
export function xavierNormal_(t: Tensor, opts: { gain?: number; rng?: Rng } = {}): Tensor {
  const { fanIn, fanOut } = fans('xavierNormal_', t);
  const std = (opts.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
  return fillWith(t, (g) => g.normal(0, std), opts.rng);
}
