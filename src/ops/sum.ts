import { defineOp } from '../autograd/define-op.js';
import type { ReduceOp } from '../backend/kernels.js';
import { Tensor } from '../tensor/tensor.js';
import { badArg, checkShape } from '../core/check.js';
import { notTensor } from '../tensor/expect.js';
import { planReduce } from './reduce-plan.js';
import { permute } from './permute.js';
import { reshape } from './reshape.js';
import { expand } from './expand.js';
import { cast } from './cast.js';

export interface ReduceAttrs {
  dims?: number | readonly number[];
  keepdim?: boolean;
}

/** Runs the reduce kernel for `op` following the plan (shared by sum, max, min, argmax). */
export function runReduce(kind: ReduceOp, x: Tensor, out: Tensor, name: string, attrs: ReduceAttrs): void {
  const plan = planReduce(name, x.shape, attrs.dims, attrs.keepdim ?? false);
  let src = plan.perm ? permute(x, plan.perm) : x;
  if (kind === 'sum' && src.dtype !== out.dtype) src = cast(src, out.dtype);
  x.backend.reduce(kind, src.storage, out.storage, plan.outer, plan.r, plan.inner);
}

/**
 * Sum over `dims` (all when omitted), optionally keeping them as size 1 (concepts §2).
 * Formula: y = Σ_dims x. Gradient: dx = dy broadcast back over the summed dims.
 * Shape: x → x without dims (or with 1s when keepdim). Matches `torch.sum`.
 */
export const sumOp = defineOp<ReduceAttrs>({
  name: 'sum',
  spec: '§2',
  args: ['x'],
  // uint8 sums into int32 (PyTorch: into int64) so they cannot wrap at 256
  shape: ([x], a) => ({ shape: planReduce('sum', x.shape, a.dims, a.keepdim ?? false).outShape, dtype: x.dtype === 'uint8' ? 'int32' : x.dtype }),
  forward(ctx) {
    runReduce('sum', ctx.inputs[0], ctx.out, 'sum', ctx.attrs);
  },
  backward(ctx, dy) {
    const x = ctx.inputs[0];
    const plan = planReduce('sum', x.shape, ctx.attrs.dims, true);
    return [expand(reshape(dy, plan.keptShape), x.shape)];
  },
});

/** Sum over `dims` (all when omitted), optionally keeping them as size 1 (concepts §2). */
export function sum(x: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  checkKeepdim('sum', keepdim);
  return sumOp.apply([x], { dims, keepdim });
}

/** keepdim is true or false, else an error with a pointer for `x.sum(1, { keepdim: true })`. */
export function checkKeepdim(op: string, v: unknown): asserts v is boolean {
  if (v === false || v === true) return;
  const hint = typeof v === 'object' && v !== null ? `keepdim is positional: x.${op}(dims, true)` : undefined;
  throw badArg(op, 'keepdim must be true or false', v, hint);
}

/** Sums a gradient of a broadcast shape down to `shape` (the engine's unbroadcast; concepts §2). */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (!(g instanceof Tensor)) throw notTensor('sumTo', 'g', g);
  checkShape('sumTo', shape);
  const lead = g.shape.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  }
  const s = dims.length > 0 ? sum(g, dims, true) : g;
  return reshape(s, shape);
}
