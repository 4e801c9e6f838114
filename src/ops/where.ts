import { defineOp } from '../autograd/define-op.js';
import { broadcastShapes } from '../core/shape.js';
import { broadcastOperands, asTensor, promoteAll, type TensorLike } from './operand.js';
import { Tensor } from '../tensor/tensor.js';
import { zerosLike } from '../tensor/create.js';
import { expectTensor } from '../tensor/expect.js';

/**
 * Selects element-wise: y = cond ≠ 0 ? a : b, all three broadcast (concepts §2).
 * Gradient: da = dy · [cond ≠ 0], db = dy · [cond = 0]. Matches `torch.where`.
 */
export const whereOp = defineOp({
  name: 'where',
  spec: '§2',
  args: ['cond', 'a', 'b'],
  shape(inputs) {
    const shape = broadcastShapes('where', ['cond', 'a', 'b'], inputs.map((t) => t.shape));
    return { shape, dtype: promoteAll(inputs.slice(1)) };
  },
  forward(ctx) {
    const [c] = ctx.inputs;
    const d = ctx.out.dtype;
    const { ops, shape } = broadcastOperands(ctx.k, ctx.inputs, ctx.out.shape, [null, d, d]);
    ctx.k.where(ops[0], ops[1], ops[2], ctx.out.storage, shape);
    ctx.save(c);
  },
  backward(ctx, dy) {
    const c = ctx.saved[0];
    const zero = zerosLike(dy);
    return [null, where(c, dy, zero), where(c, zero, dy)];
  },
});

/** cond ≠ 0 ? a : b element-wise, broadcast (concepts §2). */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  expectTensor('where', 'cond', cond);
  const like = a instanceof Tensor ? a : b instanceof Tensor ? b : cond;
  return whereOp.apply([cond, asTensor(a, like, 'where', 'a'), asTensor(b, like, 'where', 'b')], {});
}
