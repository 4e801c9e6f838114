import { defineOp } from '../autograd/define-op.js';
import type { Tensor } from '../tensor/tensor.js';
import { ArgumentError } from '../core/errors.js';
import { planReduce } from './reduce-plan.js';
import { checkKeepdim, runReduce, sum, type ReduceAttrs } from './sum.js';
import { reshape } from './reshape.js';
import { eq } from './compare.js';
import { mul } from './mul.js';
import { div } from './div.js';

function defineExtreme(name: 'max' | 'min') {
  return defineOp<ReduceAttrs>({
    name,
    spec: '§2',
    args: ['x'],
    shape: ([x], a) => {
      const plan = planReduce(name, x.shape, a.dims, a.keepdim ?? false);
      // an empty slice has no extreme; other zero-size dims just give an empty result (PyTorch)
      if (plan.axes.some((i) => x.shape[i] === 0)) {
        throw new ArgumentError(name, 'cannot reduce over a dimension of size 0', { got: [['x', x.shape]] });
      }
      return { shape: plan.outShape, dtype: x.dtype };
    },
    forward(ctx) {
      runReduce(name, ctx.inputs[0], ctx.out, name, ctx.attrs);
      ctx.save(ctx.out);
    },
    backward(ctx, dy) {
      const x = ctx.inputs[0];
      const plan = planReduce(name, x.shape, ctx.attrs.dims, true);
      const y = reshape(ctx.saved[0], plan.keptShape);
      const mask = eq(x, y);
      const count = sum(mask, plan.axes, true);
      return [div(mul(mask, reshape(dy, plan.keptShape)), count)];
    },
  });
}

/**
 * Maximum over `dims` (all when omitted), values only (concepts §2).
 * Gradient: dy spread evenly over the positions that attain the maximum (as `torch.amax`).
 * Shape: x → x without dims (1s with keepdim). Matches `torch.amax`.
 */
export const maxOp = defineExtreme('max');
/** Minimum over `dims`; the mirror of max. Matches `torch.amin`. */
export const minOp = defineExtreme('min');

/** Maximum over `dims` (all when omitted), values only (concepts §2). */
export function max(x: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  checkKeepdim('max', keepdim);
  return maxOp.apply([x], { dims, keepdim });
}
/** Minimum over `dims` (all when omitted), values only (concepts §2). */
export function min(x: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  checkKeepdim('min', keepdim);
  return minOp.apply([x], { dims, keepdim });
}
