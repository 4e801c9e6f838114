// The reduction shared by every loss (concepts §4): its type, its one check and its application;
// and the input rule of the element-wise losses (input and target of one shape).

import { checkOneOf, checkOptions } from '../core/check.js';
import { ShapeError } from '../core/errors.js';
import { sameShape } from '../core/shape.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from '../ops/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { sum } from '../ops/sum.js';
import { mean } from '../ops/mean.js';

/** How a loss combines its per-element values: their mean (default), their sum, or none. */
export type Reduction = 'mean' | 'sum' | 'none';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/** 'mean', 'sum' or 'none'; undefined gives 'mean' (every loss's default, as PyTorch's). */
export function checkReduction(op: string, v: unknown): Reduction {
  return v === undefined ? 'mean' : checkOneOf(op, 'reduction', v, REDUCTIONS);
}

/**
 * A loss's options object checked in one place: only `known` keys, and `reduction` one of the
 * three (defaulting to 'mean'). The loss's own options are checked by its caller after this.
 */
export function lossOptions<T extends { reduction?: Reduction }>(
  op: string, opts: T | undefined, known: readonly string[],
): Omit<Partial<T>, 'reduction'> & { reduction: Reduction } {
  const o = checkOptions(op, opts, ['reduction', ...known]);
  return { ...o, reduction: checkReduction(op, o.reduction) };
}

/** The per-element loss `l` reduced: mean(l), sum(l) or l itself. */
export function applyReduction(l: Tensor, reduction: Reduction): Tensor {
  return reduction === 'none' ? l : reduction === 'sum' ? sum(l) : mean(l);
}

/** Float `input` and `target` Tensors of the same shape (mseLoss, l1Loss, the binary losses). */
export function expectSameShape(op: string, input: Tensor, target: Tensor): void {
  expectTensor(op, 'input', input);
  expectTensor(op, 'target', target);
  requireFloat(op, input, 'input');
  requireFloat(op, target, 'target');
  if (!sameShape(input.shape, target.shape)) {
    throw new ShapeError(op, 'input and target must have the same shape', { got: [['input', input.shape], ['target', target.shape]] });
  }
}
