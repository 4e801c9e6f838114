import { defineOp } from '../autograd/define-op.js';
import type { Tensor } from '../tensor/tensor.js';
import { ArgumentError } from '../core/errors.js';
import { planReduce } from './reduce-plan.js';
import { runReduce } from './sum.js';
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
      if (x.shape.some((d) => d === 0)) {
        throw new ArgumentError(name, 'cannot reduce a tensor with no elements', { got: [['x', x.shape]] });
      }
      const shape = a.dim === undefined ? (a.keepdim ? x.shape.map(() => 1) : []) : planReduce(name, x.shape, a.dim, a.keepdim ?? false).outShape;
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

export const argmax = (x: Tensor, dim?: number, keepdim = false) => argmaxOp.apply([x], { dim, keepdim });
export const argmin = (x: Tensor, dim?: number, keepdim = false) => argminOp.apply([x], { dim, keepdim });
