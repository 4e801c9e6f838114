import { defineOp } from '../autograd/define-op.js';
import { Tensor } from '../tensor/tensor.js';
import { expectTensor } from '../tensor/expect.js';

/** A copy with its own memory. Gradient: dx = dy. Matches `torch.clone`. */
export const cloneOp = defineOp({
  name: 'clone',
  spec: '§2',
  args: ['x'],
  shape: ([x]) => ({ shape: x.shape, dtype: x.dtype }),
  forward(ctx) {
    const x = ctx.inputs[0];
    ctx.k.copyStrided({ s: x.storage, offset: 0, strides: [1] }, { s: ctx.out.storage, offset: 0, strides: [1] }, [x.size]);
  },
  backward: (_ctx, dy) => [dy],
});

/** A copy with its own memory (concepts §2). */
export const clone = (x: Tensor) => cloneOp.apply([x], {});

/**
 * The same data, cut from the graph (no gradient flows through it; concepts §2).
 * Matches `torch.detach`.
 */
export function detach(x: Tensor): Tensor {
  expectTensor('detach', 'x', x);
  x.assertAlive('detach');
  return new Tensor(x.storage, x.shape, x.backend, x.dtype);
}
