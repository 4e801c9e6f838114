import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fans, fillWith } from './fan.js';

/**
 * N(mean, std²) in place; std 0.01 is the notes' (AlexNet) small-Gaussian init (SPEC §6).
 * Matches `torch.nn.init.normal_`.
 */
export function normal_(t: Tensor, mean = 0, std = 1, opts: { rng?: Rng } = {}): Tensor {
  return fillWith(t, (r) => r.normal(mean, std), opts.rng);
}

/**
 * LeCun normal: std = 1/√n_in — what the notes call "Xavier normal" (SPEC §6). PyTorch's
 * xavier_normal_ uses √(2/(n_in+n_out)) instead; see xavierNormal_.
 */
export function lecunNormal_(t: Tensor, opts: { rng?: Rng } = {}): Tensor {
  const { fanIn } = fans('lecunNormal_', t);
  return normal_(t, 0, 1 / Math.sqrt(fanIn), opts);
}
