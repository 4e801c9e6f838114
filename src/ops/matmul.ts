import { defineOp, GRAD_WRITTEN, type BackwardCtx, type GradResult, type Op } from '../autograd/define-op.js';
import { ShapeError } from '../core/errors.js';
import { sizeOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { expectTensor } from '../tensor/expect.js';
import { promoteAll, storageAs } from './operand.js';
import { reshape } from './reshape.js';
import { expand } from './expand.js';

interface MatmulAttrs {
  /** a is given as [.., k, m] and read transposed (internal: used by backward passes). */
  transA: boolean;
  transB: boolean;
}

function dims(a: readonly number[], b: readonly number[], at: MatmulAttrs) {
  const m = at.transA ? a[a.length - 1] : a[a.length - 2];
  const ka = at.transA ? a[a.length - 2] : a[a.length - 1];
  const kb = at.transB ? b[b.length - 1] : b[b.length - 2];
  const n = at.transB ? b[b.length - 2] : b[b.length - 1];
  return { m, ka, kb, n };
}

/**
 * Matrix product, batched over leading dims with broadcasting (concepts §2).
 * Formula: Y = A·B. Gradient: dA = dY·Bᵀ, dB = Aᵀ·dY (batch dims summed by the engine).
 * Shape: a [*, m, k], b [*, k, n] → [*, m, n]; 1-D operands as in `torch.matmul`.
 */
export const matmulOp: Op<MatmulAttrs> = defineOp<MatmulAttrs>({
  name: 'matmul',
  spec: '§2',
  args: ['a', 'b'],
  shape([a, b], at) {
    const { m, ka, kb, n } = dims(a.shape, b.shape, at);
    if (ka !== kb) {
      throw new ShapeError('matmul', 'inner dimensions must match', { got: [['a', a.shape], ['b', b.shape]], note: `${ka} ≠ ${kb}` });
    }
    const batch = batchShape(a.shape, b.shape);
    return { shape: [...batch, m, n], dtype: promoteAll([a, b]) };
  },
  forward(ctx) {
    let [a, b] = ctx.inputs;
    const out = ctx.out;
    const batchShape = out.shape.slice(0, -2);
    const batch = sizeOf(batchShape);
    // an operand whose batch dims differ from the output's (but is not a single matrix) is
    // materialised by expand; a single matrix is reused with batch stride 0
    const stride = (t: Tensor) => {
      const tb = t.shape.slice(0, -2);
      if (sizeOf(tb) === 1) return { t, s: 0 };
      if (tb.length === batchShape.length && tb.every((d, i) => d === batchShape[i])) return { t, s: t.shape.at(-1)! * t.shape.at(-2)! };
      const e = expand(t, [...batchShape, ...t.shape.slice(-2)]);
      return { t: e, s: t.shape.at(-1)! * t.shape.at(-2)! };
    };
    const sa = stride(a), sb = stride(b);
    a = sa.t;
    b = sb.t;
    const { m, ka, n } = dims(a.shape, b.shape, ctx.attrs);
    ctx.k.matmul(storageAs(ctx.k, a, out.dtype), storageAs(ctx.k, b, out.dtype), out.storage, {
      batch, m, n, k: ka, transA: ctx.attrs.transA, transB: ctx.attrs.transB, aBatchStride: sa.s, bBatchStride: sb.s,
    });
    ctx.save(ctx.inputs[0], ctx.inputs[1]);
  },
  backward(ctx, dy) {
    const [a, b] = ctx.saved;
    const { transA, transB } = ctx.attrs;
    // dA = dY·Bᵀ (or B·dYᵀ when A was read transposed); dB = Aᵀ·dY (or dYᵀ·A); a 2-D leaf's
    // gradient goes straight into its .grad buffer when the engine offers it
    const da = a.requiresGrad
      ? (transA ? matmulGradInto(ctx, 0, b, dy, transB, true) : matmulGradInto(ctx, 0, dy, b, false, !transB)) : null;
    const db = b.requiresGrad
      ? (transB ? matmulGradInto(ctx, 1, dy, a, true, transA) : matmulGradInto(ctx, 1, a, dy, !transA, false)) : null;
    return [da, db];
  },
});

/** Broadcast of the batch dims, with an error that shows the user's full shapes. */
function batchShape(a: readonly number[], b: readonly number[]): number[] {
  const ba = a.slice(0, -2), bb = b.slice(0, -2);
  const rank = Math.max(ba.length, bb.length);
  const out: number[] = [];
  for (let i = -rank; i < 0; i++) {
    const da = ba.length + i >= 0 ? ba[ba.length + i] : 1;
    const db = bb.length + i >= 0 ? bb[bb.length + i] : 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError('matmul', 'batch dimensions must broadcast', {
        got: [['a', a], ['b', b]], note: `dimension ${i - 2}: ${da} vs ${db}`,
      });
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

function mm(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Tensor {
  return matmulOp.apply([a, b], { transA, transB });
}

/**
 * op(a)·op(b) as the gradient of input `i` of the op whose backward runs (matmul, linear):
 * written into the leaf's .grad when the engine offers it (2-D operands of one dtype, a 2-D
 * input), else a new tensor.
 */
export function matmulGradInto<A>(ctx: BackwardCtx<A>, i: number, a: Tensor, b: Tensor, transA: boolean,
  transB: boolean): GradResult {
  if (a.ndim === 2 && b.ndim === 2 && a.dtype === b.dtype && ctx.inputs[i].ndim === 2) {
    const t = ctx.gradTarget(i, a.dtype);
    if (t) {
      const m = transA ? a.shape[1] : a.shape[0], k = transA ? a.shape[0] : a.shape[1];
      const n = transB ? b.shape[0] : b.shape[1];
      a.backend.matmul(a.storage, b.storage, t.out.storage, {
        batch: 1, m, n, k, transA, transB, aBatchStride: 0, bBatchStride: 0, accumulate: t.accumulate,
      });
      return GRAD_WRITTEN;
    }
  }
  return mm(a, b, transA, transB);
}

/**
 * Matrix product, batched over leading dims with broadcasting (concepts §2).
 * @example
 * matmul(ones([2, 3]), ones([3, 4])).shape // [2, 4]
 * matmul(tensor([[1, 2]]), tensor([[3], [4]])).tolist() // [[11]]
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  expectTensor('matmul', 'a', a);
  expectTensor('matmul', 'b', b);
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ShapeError('matmul', 'both arguments need at least 1 dimension', { got: [['a', a.shape], ['b', b.shape]] });
  }
  if (a.ndim === 1 && b.ndim === 1) {
    if (a.shape[0] !== b.shape[0]) {
      throw new ShapeError('matmul', 'inner dimensions must match', { got: [['a', a.shape], ['b', b.shape]], note: `${a.shape[0]} ≠ ${b.shape[0]}` });
    }
    return reshape(mm(reshape(a, [1, a.shape[0]]), reshape(b, [b.shape[0], 1]), false, false), []);
  }
  if (a.ndim === 1) {
    if (a.shape[0] !== b.shape.at(-2)) {
      throw new ShapeError('matmul', 'inner dimensions must match', { got: [['a', a.shape], ['b', b.shape]], note: `${a.shape[0]} ≠ ${b.shape.at(-2)}` });
    }
    const y = mm(reshape(a, [1, a.shape[0]]), b, false, false);
    return reshape(y, [...y.shape.slice(0, -2), y.shape.at(-1)!]);
  }
  if (b.ndim === 1) {
    if (b.shape[0] !== a.shape.at(-1)) {
      throw new ShapeError('matmul', 'inner dimensions must match', { got: [['a', a.shape], ['b', b.shape]], note: `${a.shape.at(-1)} ≠ ${b.shape[0]}` });
    }
    const y = mm(a, reshape(b, [b.shape[0], 1]), false, false);
    return reshape(y, y.shape.slice(0, -1));
  }
  return mm(a, b, false, false);
}
