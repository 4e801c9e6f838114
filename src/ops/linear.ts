import { defineOp, GRAD_WRITTEN, type GradResult } from '../autograd/define-op.js';
import { ShapeError } from '../core/errors.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { badArg } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { matmulGradInto, matmulOp } from './matmul.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';
import { storageAs } from './operand.js';

interface LinearAttrs {
  /** How errors name the caller, e.g. `Linear(784 → 256)`. */
  label?: string;
}

/**
 * Affine map with a fused bias (concepts §2, §3).
 * Formula: Y = X·Wᵀ + b, with W stored [D_out, D_in] as in PyTorch.
 * Gradient: dX = dY·W, dW = dYᵀ·X, db = Σ_batch dY.
 * Shape: x [*, D_in], weight [D_out, D_in], bias [D_out] → [*, D_out]. Matches `torch.nn.functional.linear`.
 */
export const linearOp = defineOp<LinearAttrs>({
  name: 'linear',
  spec: '§3',
  args: ['x', 'weight', 'bias'],
  shape(inputs, a) {
    const [x, w, b] = inputs;
    const op = a.label ?? 'linear';
    if (w.shape.length !== 2) throw new ShapeError(op, 'weight must be 2-D [D_out, D_in]', { got: [['weight', w.shape]] });
    const [dOut, dIn] = w.shape;
    if (x.shape.length === 0 || x.shape[x.shape.length - 1] !== dIn) {
      // Suggest a Flatten only when it would fix the call (STYLE §3.6's example).
      const flat = x.shape.slice(1).reduce((p, d) => p * d, 1);
      throw new ShapeError(op, `last input dimension must be ${dIn}`, { got: [['x', x.shape]] },
        x.shape.length > 2 && flat === dIn ? `a Flatten before this layer yields ${flat} = ${x.shape.slice(1).join('·')}` : undefined);
    }
    if (b && (b.shape.length !== 1 || b.shape[0] !== dOut)) {
      throw new ShapeError(op, `bias must have shape [${dOut}]`, { got: [['bias', b.shape]] });
    }
    return { shape: [...x.shape.slice(0, -1), dOut], dtype: w.dtype };
  },
  forward(ctx) {
    const [x, w, b] = ctx.inputs;
    const [dOut, dIn] = w.shape;
    // rows from the shape, not x.size / dIn: D_in = 0 made that NaN, and the kernel wrote nothing
    const rows = sizeOf(x.shape.slice(0, -1));
    const d = ctx.out.dtype;
    ctx.k.matmul(storageAs(ctx.k, x, d), w.storage, ctx.out.storage, {
      batch: 1, m: rows, n: dOut, k: dIn, transA: false, transB: true, aBatchStride: 0, bBatchStride: 0,
      bias: b ? storageAs(ctx.k, b, d) : undefined,
    });
    ctx.save(x, w);
  },
  backward(ctx, dy) {
    const [x, w] = ctx.saved;
    const [dOut, dIn] = w.shape;
    const rows = sizeOf(x.shape.slice(0, -1)); // as in forward: D_in or D_out may be 0
    const dy2 = reshape(dy, [rows, dOut]);
    const x2 = reshape(x, [rows, dIn]);
    const dx = x.requiresGrad ? reshape(matmulOp.apply([dy2, w], { transA: false, transB: false }), x.shape) : null;
    // dW = dYᵀ·X, straight into the weight's gradient buffer when the engine offers it
    const dw = w.requiresGrad ? matmulGradInto(ctx, 1, dy2, x2, true, false) : null;
    // db = Σ_batch dY, reduced straight into a zeroed bias gradient (the reduce kernel overwrites)
    const b = ctx.inputs[2];
    let db: GradResult = null;
    if (b && b.requiresGrad) {
      const t = ctx.gradTarget(2, dy.dtype, { overwriteOnly: true });
      if (t) {
        dy.backend.reduce('sum', dy.storage, t.out.storage, 1, rows, dOut);
        db = GRAD_WRITTEN;
      } else db = sum(dy2, 0);
    }
    return [dx, dw, db];
  },
});

/** The affine map x·Wᵀ + b, with W stored [D_out, D_in] (concepts §3). */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null, label?: string): Tensor {
  const op = typeof label === 'string' ? label : 'linear';
  expectTensor(op, 'x', x);
  expectTensor(op, 'weight', weight);
  if (bias !== undefined && bias !== null) expectTensor(op, 'bias', bias);
  if (label !== undefined && typeof label !== 'string') throw badArg('linear', 'label must be a string', label);
  return linearOp.apply(bias ? [x, weight, bias] : [x, weight], { label });
}
