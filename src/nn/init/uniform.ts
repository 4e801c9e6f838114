import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { fillWith } from './fan.js';

/** U(low, high) in place (SPEC §6). Matches `torch.nn.init.uniform_`. */
export function uniform_(t: Tensor, low = 0, high = 1, opts: { rng?: Rng } = {}): Tensor {
  return fillWith(t, (r) => r.uniform(low, high), opts.rng);
}
