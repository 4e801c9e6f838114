import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fillWith, initArgs } from './fan.js';
import { checkNumber } from '../../core/check.js';

/** U(low, high) in place (concepts §6). Matches `torch.nn.init.uniform_`. */
export function uniform_(t: Tensor, low = 0, high = 1, opts: { rng?: Rng } = {}): Tensor {
  const o = initArgs('uniform_', t, opts, ['rng']);
  checkNumber('uniform_', 'low', low);
  checkNumber('uniform_', 'high', high, { min: low, minName: 'low' });
  return fillWith(t, (r) => r.uniform(low, high), o.rng);
}
