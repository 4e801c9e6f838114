import { defineOp } from '../autograd/define-op.js';
import { ArgumentError, ShapeError } from '../core/errors.js';
import { stridesOf, collapseDims, normAxis } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { badArg } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';

interface PermuteAttrs {
  dims: readonly number[];
}

/**
 * Reorders dimensions: y.shape[i] = x.shape[dims[i]] (a copy; concepts §2).
 * Gradient: dx = permute(dy, inverse(dims)). Matches `torch.permute`.
 */
export const permuteOp = defineOp<PermuteAttrs>({
  name: 'permute',
  spec: '§2',
  args: ['x'],
  shape([x], { dims }) {
    const ok = dims.length === x.shape.length && [...dims].map((d) => (d < 0 ? d + x.shape.length : d)).sort((a, b) => a - b).every((d, i) => d === i);
    if (!ok) {
      throw new ArgumentError('permute', 'dims must be a permutation of the tensor\'s axes', {
        got: [['x', x.shape], ['dims', `[${dims.join(', ')}]`]],
      });
    }
    return { shape: dims.map((d) => x.shape[d < 0 ? d + x.shape.length : d]), dtype: x.dtype };
  },
  forward(ctx) {
    const x = ctx.inputs[0];
    const xs = stridesOf(x.shape);
    const dims = ctx.attrs.dims.map((d) => (d < 0 ? d + x.ndim : d));
    const c = collapseDims(ctx.out.shape, [dims.map((d) => xs[d]), stridesOf(ctx.out.shape)]);
    ctx.k.copyStrided({ s: x.storage, offset: 0, strides: c.strides[0] }, { s: ctx.out.storage, offset: 0, strides: c.strides[1] }, c.shape);
  },
  backward(ctx, dy) {
    const dims = ctx.attrs.dims.map((d) => (d < 0 ? d + dy.ndim : d));
    const inv = new Array<number>(dims.length);
    dims.forEach((d, i) => (inv[d] = i));
    return [permute(dy, inv)];
  },
});

/** Reorders dimensions: y.shape[i] = x.shape[dims[i]] (concepts §2). */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (!Array.isArray(dims) || !dims.every((d) => typeof d === 'number' && Number.isInteger(d))) {
    throw badArg('permute', 'dims must be an array of integers', dims);
  }
  return permuteOp.apply([x], { dims });
}

/** Swaps two dims (torch.transpose; concepts §2). */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  expectTensor('transpose', 'x', x);
  const a = normAxis('transpose', dim0, x.ndim, 'dim0'), b = normAxis('transpose', dim1, x.ndim, 'dim1');
  if (x.ndim === 0) return x;
  const dims = [...x.shape.keys()];
  [dims[a], dims[b]] = [dims[b], dims[a]];
  return permute(x, dims);
}

/** The transpose of a matrix, ≤ 2-D as torch.Tensor.t (a batch: transpose(x, -2, -1); concepts §2). */
export function t(x: Tensor): Tensor {
  expectTensor('t', 'x', x);
  if (x.ndim < 2) return x;
  if (x.ndim > 2) {
    throw new ShapeError('t', 'x must have at most 2 dimensions', { got: [['x', x.shape]] },
      'transpose(x, -2, -1) swaps the last two dimensions of a batch');
  }
  return transpose(x, -2, -1);
}
