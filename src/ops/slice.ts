import { defineOp } from '../autograd/define-op.js';
import { ArgumentError } from '../core/errors.js';
import { collapseDims, normAxis, stridesOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { badArg, checkInt } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';

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
  const clampIdx = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
  const start = clampIdx(a.start), end = Math.max(clampIdx(a.end), start);
  const len = Math.ceil((end - start) / a.step);
  return { dim, start, len, step: a.step };
}

/**
 * Elements start, start+step, … < end along `dim` (Python slice semantics, negative indices
 * count from the end; a copy). Gradient: dy scattered back into zeros of x's shape (concepts §2).
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

/** Elements start, start + step, … < end along `dim` (concepts §2). */
export function slice(x: Tensor, dim: number, start = 0, end = Number.MAX_SAFE_INTEGER, step = 1): Tensor {
  index('slice', 'start', start);
  index('slice', 'end', end);
  checkInt('slice', 'step', step, 1);
  return sliceOp.apply([x], { dim, start, end, step });
}

/** An index of slice: an integer, or ±Infinity for "from the start" / "to the end". */
function index(op: string, arg: string, v: unknown): void {
  if (typeof v !== 'number' || !(Number.isInteger(v) || v === Infinity || v === -Infinity)) {
    throw badArg(op, `${arg} must be an integer`, v);
  }
}

/**
 * `length` elements from `start` along `dim` (torch.narrow; concepts §2). Unlike slice, the range
 * must lie inside the dim, as in PyTorch (a negative start counts from the end).
 */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  expectTensor('narrow', 'x', x);
  const d = normAxis('narrow', dim, x.ndim);
  const n = x.shape[d];
  checkInt('narrow', 'start', start);
  if (start < -n || start > n) throw badArg('narrow', `start must lie in [${-n}, ${n}] for dim ${dim} of size ${n}`, start);
  checkInt('narrow', 'length', length, 0);
  const s = start < 0 ? start + n : start;
  if (s + length > n) {
    throw new ArgumentError('narrow', `start + length must not exceed the size of dim ${dim} (${n})`, {
      got: [['start', String(start)], ['length', String(length)]],
    });
  }
  return slice(x, d, s, s + length);
}
