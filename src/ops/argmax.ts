import { defineOp } from '../autograd/define-op.js';
import type { Tensor } from '../tensor/tensor.js';
import { ArgumentError } from '../core/errors.js';
import { planReduce } from './reduce-plan.js';
import { checkKeepdim, runReduce } from './sum.js';
import { normAxis } from '../core/shape.js';
import { reshape } from './reshape.js';

interface ArgAttrs {
  dim?: number;
  keepdim?: boolean;
}

function defineArg(name: 'argmax' | 'argmin') {
  return defineOp<ArgAttrs>({
    name,
    spec: '§2',
    args: ['x'],
    shape: ([x], a) => {
      const plan = a.dim === undefined ? null : planReduce(name, x.shape, a.dim, a.keepdim ?? false);
      // an empty slice has no extreme; other zero-size dims just give an empty result (PyTorch)
      if (plan ? plan.axes.some((i) => x.shape[i] === 0) : x.shape.some((d) => d === 0)) {
        throw new ArgumentError(name, 'cannot reduce over a dimension of size 0', { got: [['x', x.shape]] });
      }
      const shape = plan ? plan.outShape : a.keepdim ? x.shape.map(() => 1) : [];
      return { shape, dtype: 'int32' };
    },
    forward(ctx) {
      const x = ctx.inputs[0];
      const flat = ctx.attrs.dim === undefined ? reshape(x, [x.size]) : x;
      runReduce(name, flat, ctx.out, name, { dims: ctx.attrs.dim ?? 0 });
    },
  });
}

/** Index of the largest value along `dim` (of the flattened tensor when omitted); int32; first index on ties. Matches `torch.argmax`. */
export const argmaxOp = defineArg('argmax');
/** Index of the smallest value along `dim`. Matches `torch.argmin`. */
export const argminOp = defineArg('argmin');

/** Index of the largest value along `dim` (of the flattened tensor when omitted) (concepts §2). */
export function argmax(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argmaxOp.apply([x], argAttrs('argmax', dim, keepdim));
}
/** Index of the smallest value along `dim` (of the flattened tensor when omitted) (concepts §2). */
export function argmin(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argminOp.apply([x], argAttrs('argmin', dim, keepdim));
}

function argAttrs(op: string, dim: unknown, keepdim: unknown): ArgAttrs {
  if (dim !== undefined && (typeof dim !== 'number' || !Number.isInteger(dim))) normAxis(op, dim as number, 0);
  checkKeepdim(op, keepdim);
  return { dim: dim as number | undefined, keepdim };
}
