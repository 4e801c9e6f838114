import type { Tensor } from '../../tensor/tensor.js';

/**
 * Fills with one value in place (SPEC §6: all-zero / constant init shows the symmetry problem —
 * every hidden unit computes the same thing and receives the same gradient).
 * Matches `torch.nn.init.constant_` / `zeros_` / `ones_`.
 */
export function constant_(t: Tensor, value: number): Tensor {
  t.backend.fill(t.storage, value);
  return t;
}
/** Fills with 0 in place (SPEC §6). Matches `torch.nn.init.zeros_`. */
export const zeros_ = (t: Tensor) => constant_(t, 0);
/** Fills with 1 in place (SPEC §6). Matches `torch.nn.init.ones_`. */
export const ones_ = (t: Tensor) => constant_(t, 1);
