import { defineOp } from '../autograd/define-op.js';
import { ArgumentError } from '../core/errors.js';
import { collapseDims, normAxis, stridesOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';

interface SliceAttrs {
  dim: number;
  start: number;
  end: number;
  step: number;
}

function norm(x: { shape: readonly number[] }, a: SliceAttrs) {
  // torch: "slice() cannot be applied to a 0-dim tensor" (here it made a shape of [NaN])
  if (x.shape.length === 0) throw new ArgumentError('slice', 'x must have at least one dim', { got: [['x', x.shape]] });
  const dim = normAxis('slice', a.dim, x.shape.length);
  const n = x.shape[dim];
  if (!Number.isInteger(a.step) || a.step <= 0) {
    throw new ArgumentError('slice', 'step must be a positive integer', { got: [['x', x.shape]], note: `step = ${a.step}` });
  }
  const clampIdx = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  const start = clampIdx(a.start), end = Math.max(clampIdx(a.end), start);
  const len = Math.ceil((end - start) / a.step);
  return { dim, start, len, step: a.step };
}

/**
 * Elements start, start+step, … < end along `dim` (Python slice semantics, negative indices
 * count from the end; a copy). Gradient: dy scattered back into zeros of x's shape (SPEC §2).
 * Matches `x[..., start:end:step]` in PyTorch.
 */
export const sliceOp = defineOp<SliceAttrs>({
  name: 'slice',
  spec: '§2',
  args: ['x'],
  shape([x], a) {
    const { dim, len } = norm(x, a);
    const shape = [...x.shape];
    shape[dim] = len;
    return { shape, dtype: x.dtype };
  },
  forward(ctx) {
    const x = ctx.inputs[0];
    const { dim, start, step } = norm(x, ctx.attrs);
    const xs = stridesOf(x.shape);
    const offset = start * xs[dim];
    const src = xs.map((s, i) => (i === dim ? s * step : s));
    const c = collapseDims(ctx.out.shape, [src, stridesOf(ctx.out.shape)]);
    ctx.k.copyStrided({ s: x.storage, offset, strides: c.strides[0] }, { s: ctx.out.storage, offset: 0, strides: c.strides[1] }, c.shape);
  },
  backward(ctx, dy) {
    const x = ctx.inputs[0];
    const { dim, start, step } = norm(x, ctx.attrs);
    return [sliceBackwardOp.apply([dy], { xShape: x.shape, dim, start, step })];
  },
});

interface SliceBackAttrs {
  xShape: readonly number[];
  dim: number;
  start: number;
  step: number;
}

/** The adjoint of slice: zeros of x's shape with dy written into the sliced positions. */
const sliceBackwardOp = defineOp<SliceBackAttrs>({
  name: 'sliceBackward',
  spec: '§2',
  args: ['dy'],
  shape: ([dy], a) => ({ shape: a.xShape, dtype: dy.dtype }),
  forward(ctx) {
    const dy = ctx.inputs[0];
    const { dim, start, step } = ctx.attrs;
    ctx.k.fill(ctx.out.storage, 0);
    const os = stridesOf(ctx.out.shape);
    const dst = os.map((s, i) => (i === dim ? s * step : s));
    const c = collapseDims(dy.shape, [stridesOf(dy.shape), dst]);
    ctx.k.copyStrided({ s: dy.storage, offset: 0, strides: c.strides[0] }, { s: ctx.out.storage, offset: start * os[dim], strides: c.strides[1] }, c.shape);
  },
  backward: (ctx, dg) => [slice(dg, ctx.attrs.dim, ctx.attrs.start, ctx.attrs.start + dg.shape[ctx.attrs.dim], ctx.attrs.step)],
});

/** Elements start, start + step, … < end along `dim` (SPEC §2). */
export function slice(x: Tensor, dim: number, start = 0, end = Number.MAX_SAFE_INTEGER, step = 1): Tensor {
  return sliceOp.apply([x], { dim, start, end, step });
}

/** `length` elements from `start` along `dim` (torch.narrow; SPEC §2). */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  return slice(x, dim, start, start + length);
}
