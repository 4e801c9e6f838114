import { defineOp } from '../autograd/define-op.js';
import { ArgumentError, DTypeError } from '../core/errors.js';
import { normAxis, sizeOf } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { expectTensor, tensorHint } from '../tensor/expect.js';
import { fromArray } from '../tensor/create.js';
import { matmulOp } from './matmul.js';
import { reshape } from './reshape.js';
import { transpose } from './permute.js';

/**
 * Rows of x picked by an int32 index vector along dim 0 (torch.index_select(x, 0, index)).
 * Gradient: dx = Oᵀ·dy with O the one-hot matrix of the indices (repeated indices add up).
 * Shape: x [R, *], index [M] → [M, *].
 */
export const indexSelectOp = defineOp({
  name: 'indexSelect',
  spec: '§2',
  args: ['x', 'index'],
  shape([x, idx]) {
    if (idx.dtype !== 'int32') throw new DTypeError('indexSelect', 'index must be int32', { got: [['index', idx.dtype]] });
    if (idx.shape.length !== 1) throw new ArgumentError('indexSelect', 'index must be 1-D', { got: [['index', idx.shape]] });
    if (x.shape.length === 0) throw new ArgumentError('indexSelect', 'x must have at least one dim', { got: [['x', x.shape]] });
    return { shape: [idx.shape[0], ...x.shape.slice(1)], dtype: x.dtype };
  },
  forward(ctx) {
    const [x, idx] = ctx.inputs;
    const ix = ctx.k.read(idx.storage);
    for (let i = 0; i < ix.length; i++) {
      if (!(ix[i] >= 0 && ix[i] < x.shape[0])) {
        throw new ArgumentError('indexSelect', `index values must lie in [0, ${x.shape[0] - 1}]`, { note: `index[${i}] = ${ix[i]}` });
      }
    }
    ctx.k.gatherRows(x.storage, idx.storage, x.size / Math.max(x.shape[0], 1), ctx.out.storage);
  },
  backward(ctx, dy) {
    const [x, idx] = ctx.inputs;
    const m = idx.shape[0], r = x.shape[0];
    const ix = idx.toTypedArray();
    const onehot = new Float64Array(m * r);
    for (let i = 0; i < m; i++) onehot[i * r + ix[i]] = 1;
    const o = fromArray(onehot, [m, r], { dtype: dy.dtype, backend: dy.backend.name });
    const dy2 = reshape(dy, [m, sizeOf(x.shape.slice(1))]);
    return [reshape(matmulOp.apply([o, dy2], { transA: true, transB: false }), x.shape), null];
  },
});

/** Slices of x along `dim` picked by an int32 index vector (concepts §2). */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  expectTensor('indexSelect', 'x', x);
  expectTensor('indexSelect', 'index', index, tensorHint(index, ", { dtype: 'int32' }"));
  const d = normAxis('indexSelect', dim, x.ndim);
  if (d === 0) return indexSelectOp.apply([x, index], {});
  return transpose(indexSelectOp.apply([transpose(x, 0, d), index], {}), 0, d);
}
