import { defineOp } from '../autograd/define-op.js';
import { broadcastShapes, broadcastStrides, collapseDims, sameShape, stridesOf } from '../core/shape.js';
import { ShapeError } from '../core/errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { expectTensor } from '../tensor/expect.js';
import { checkDims } from './reshape.js';

interface ExpandAttrs {
  shape: readonly number[];
}

/**
 * Broadcasts x to `shape` (materialised copy; concepts §2 broadcasting).
 * Gradient: dx = dy summed over the broadcast dims (done by the engine). Matches `torch.expand`
 * (but copies). −1 keeps a dim.
 */
export const expandOp = defineOp<ExpandAttrs>({
  name: 'expand',
  spec: '§2',
  args: ['x'],
  shape([x], a) {
    const target = a.shape.map((d, i) => (d === -1 ? x.shape[i - (a.shape.length - x.shape.length)] : d));
    const b = broadcastShapes('expand', ['x', 'shape'], [x.shape, target]);
    if (!sameShape(b, target)) {
      throw new ShapeError('expand', 'x cannot be expanded to the requested shape', { got: [['x', x.shape], ['shape', target]] });
    }
    return { shape: target, dtype: x.dtype };
  },
  forward(ctx) {
    const x = ctx.inputs[0];
    const c = collapseDims(ctx.out.shape, [broadcastStrides(x.shape, ctx.out.shape), stridesOf(ctx.out.shape)]);
    ctx.k.copyStrided({ s: x.storage, offset: 0, strides: c.strides[0] }, { s: ctx.out.storage, offset: 0, strides: c.strides[1] }, c.shape);
  },
  backward: (_ctx, dy) => [dy],
});

/** Broadcasts x to `shape` (−1 keeps a dim) (concepts §2). */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  expectTensor('expand', 'x', x);
  checkDims('expand', shape, 'shape');
  if (sameShape(x.shape, shape)) return x;
  return expandOp.apply([x], { shape });
}
