import { defineOp } from '../autograd/define-op.js';
import type { DType } from '../core/dtype.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkDType } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';

/**
 * Converts to another dtype (float → int32 truncates toward zero). Gradient: dy cast back
 * (float ↔ float only; int32 results are not differentiable). Matches `torch.Tensor.to(dtype)`.
 */
export const castOp = defineOp<{ dtype: DType }>({
  name: 'cast',
  spec: '§2',
  args: ['x'],
  shape: ([x], a) => ({ shape: x.shape, dtype: a.dtype }),
  forward(ctx) {
    ctx.k.cast(ctx.inputs[0].storage, ctx.out.storage);
  },
  backward: (ctx, dy) => [ctx.attrs.dtype === 'int32' ? null : cast(dy, ctx.inputs[0].dtype)],
});

/** Converts to another dtype (concepts §2). */
export function cast(x: Tensor, dtype: DType): Tensor {
  expectTensor('cast', 'x', x);
  checkDType('cast', dtype);
  return x.dtype === dtype ? x : castOp.apply([x], { dtype });
}
