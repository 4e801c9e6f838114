import { defineOp } from '../autograd/define-op.js';
import { ArgumentError, ShapeError } from '../core/errors.js';
import { collapseDims, normAxis, stridesOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { promoteAll, storageAs } from './operand.js';
import { slice } from './slice.js';
import { unsqueeze } from './reshape.js';
import { expectTensorList } from '../tensor/expect.js';

interface CatAttrs {
  dim: number;
}

/**
 * Joins tensors along an existing dim (concepts §2). Every other dim must match.
 * Gradient: each input gets its slice of dy. Matches `torch.cat`.
 */
export const catOp = defineOp<CatAttrs>({
  name: 'cat',
  spec: '§2',
  args: ['tensors'],
  shape(inputs, a) {
    const first = inputs[0].shape;
    const scalarAt = inputs.findIndex((t) => t.shape.length === 0);
    if (scalarAt >= 0) {
      throw new ShapeError('cat', 'zero-dimensional tensors cannot be concatenated', {
        got: [[`tensors[${scalarAt}]`, inputs[scalarAt].shape]],
      }, 'stack joins them along a new dim');
    }
    const dim = normAxis('cat', a.dim, first.length);
    let total = 0;
    inputs.forEach((t, i) => {
      const ok = t.shape.length === first.length && t.shape.every((d, j) => j === dim || d === first[j]);
      if (!ok) {
        throw new ShapeError('cat', `tensors must match in every dim except ${a.dim}`, {
          got: [['tensors[0]', first], [`tensors[${i}]`, t.shape]],
        });
      }
      total += t.shape[dim];
    });
    const shape = [...first];
    shape[dim] = total;
    return { shape, dtype: promoteAll(inputs) };
  },
  forward(ctx) {
    const dim = normAxis('cat', ctx.attrs.dim, ctx.out.ndim);
    const os = stridesOf(ctx.out.shape);
    let off = 0;
    for (const t of ctx.inputs) {
      const c = collapseDims(t.shape, [stridesOf(t.shape), os]);
      ctx.k.copyStrided(
        { s: storageAs(ctx.k, t, ctx.out.dtype), offset: 0, strides: c.strides[0] },
        { s: ctx.out.storage, offset: off * os[dim], strides: c.strides[1] },
        c.shape,
      );
      off += t.shape[dim];
    }
  },
  backward(ctx, dy) {
    const dim = normAxis('cat', ctx.attrs.dim, dy.ndim);
    let off = 0;
    return ctx.inputs.map((t) => {
      const g = slice(dy, dim, off, off + t.shape[dim]);
      off += t.shape[dim];
      return g;
    });
  },
});

/** Joins tensors along an existing dim (concepts §2). */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  expectTensorList('cat', 'tensors', tensors);
  if (typeof dim !== 'number' || !Number.isInteger(dim)) normAxis('cat', dim, 0);
  return catOp.apply(tensors, { dim });
}

/** Joins tensors along a new dim (torch.stack). Composite: unsqueeze then cat (concepts §2). */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  expectTensorList('stack', 'tensors', tensors);
  const r = tensors[0].ndim + 1;
  if (typeof dim !== 'number' || !Number.isInteger(dim)) normAxis('stack', dim, 0);
  if (dim < -r || dim >= r) {
    throw new ArgumentError('stack', `dim ${dim} is out of range [${-r}, ${r - 1}]`, { got: [['tensors[0]', tensors[0].shape]] });
  }
  tensors.forEach((t, i) => {
    if (t.ndim !== tensors[0].ndim || t.shape.some((d, j) => d !== tensors[0].shape[j])) {
      throw new ShapeError('stack', 'all tensors must have the same shape', {
        got: [['tensors[0]', tensors[0].shape], [`tensors[${i}]`, t.shape]],
      });
    }
  });
  const d = dim < 0 ? dim + tensors[0].ndim + 1 : dim;
  return cat(tensors.map((t) => unsqueeze(t, d)), d);
}
