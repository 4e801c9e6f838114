import type { Tensor } from '../../tensor/tensor.js';
import { badArg } from '../../core/check.js';
import { checkIntValues } from '../../tensor/nested.js';
import { initArgs } from './fan.js';

/**
 * Fills with one value in place (concepts §6: all-zero / constant init shows the symmetry problem —
 * every hidden unit computes the same thing and receives the same gradient).
 * Matches `torch.nn.init.constant_` / `zeros_` / `ones_`.
 */
export function constant_(t: Tensor, value: number): Tensor {
  return fillConstant('constant_', t, value);
}

function fillConstant(op: string, t: Tensor, value: unknown): Tensor {
  initArgs(op, t, undefined, [], false);
  if (typeof value !== 'number') throw badArg(op, 'value must be a number', value);
  checkIntValues(op, [value], t.dtype, () => 'value');
  t.backend.fill(t.storage, value);
  return t;
}
/** Fills with 0 in place (concepts §6). Matches `torch.nn.init.zeros_`. */
export const zeros_ = (t: Tensor) => fillConstant('zeros_', t, 0);
/** Fills with 1 in place (concepts §6). Matches `torch.nn.init.ones_`. */
export const ones_ = (t: Tensor) => fillConstant('ones_', t, 1);
