import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fans, fillWith, initArgs } from './fan.js';
import { checkNumber } from '../../core/check.js';

/** U(low, high) in place (concepts §6). Matches `torch.nn.init.uniform_`. */
export function uniform_(t: Tensor, low = 0, high = 1, opts: { rng?: Rng } = {}): Tensor {
  const o = initArgs('uniform_', t, opts, ['rng']);
  checkNumber('uniform_', 'low', low);
  checkNumber('uniform_', 'high', high, { min: low, minName: 'low' });
  return fillWith(t, (r) => r.uniform(low, high), o.rng);
}

/**
 * LeCun uniform: W ~ U(−b, b), b = √3/√n_in, the uniform with LeCun normal's variance 1/n_in
 * (concepts §6). PyTorch has no lecun_uniform_; this equals
 * `torch.nn.init.kaiming_uniform_(w, nonlinearity='linear')`.
 */
export function lecunUniform_(t: Tensor, opts: { rng?: Rng } = {}): Tensor {
  const o = initArgs('lecunUniform_', t, opts, ['rng']);
  const { fanIn } = fans('lecunUniform_', t);
  const b = Math.sqrt(3) * (1 / Math.sqrt(fanIn)); // torch: √3 · (gain / √fan)
  return fillWith(t, (r) => r.uniform(-b, b), o.rng);
}
