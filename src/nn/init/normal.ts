import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fans, fillWith, initArgs } from './fan.js';
import { checkNumber } from '../../core/check.js';

/**
 * N(mean, std²) in place; std 0.01 is the notes' (AlexNet) small-Gaussian init (concepts §6).
 * Matches `torch.nn.init.normal_`.
 */
export function normal_(t: Tensor, mean = 0, std = 1, opts: { rng?: Rng } = {}): Tensor {
  return normalFill('normal_', t, mean, std, opts);
}

function normalFill(op: string, t: Tensor, mean: number, std: number, opts: { rng?: Rng } | undefined): Tensor {
  const o = initArgs(op, t, opts, ['rng']);
  checkNumber(op, 'mean', mean);
  checkNumber(op, 'std', std, { min: 0 });
  return fillWith(t, (r) => r.normal(mean, std), o.rng);
}

/**
 * LeCun normal: W ~ N(0, σ²), σ = 1/√n_in — what the notes call "Xavier normal" (concepts §6).
 * PyTorch has no lecun_normal_; this equals `torch.nn.init.kaiming_normal_(w,
 * nonlinearity='linear')` (gain 1, fan_in). PyTorch's xavier_normal_ (Glorot) uses
 * √(2/(n_in + n_out)) instead; see xavierNormal_.
 */
export function lecunNormal_(t: Tensor, opts: { rng?: Rng } = {}): Tensor {
  initArgs('lecunNormal_', t, opts, ['rng']);
  const { fanIn } = fans('lecunNormal_', t);
  return normalFill('lecunNormal_', t, 0, 1 / Math.sqrt(fanIn), opts); // torch: gain 1 / √fan
}
