// Builders for element-wise ops: the shape rule (same shape, or NumPy broadcasting) and the
// forward on the unary/binary kernel families are the same for every such op; each op file
// supplies its formula (`scalar`) and its backward.

import { DTypeError } from '../core/errors.js';
import { isFloat } from '../core/dtype.js';
import { broadcastShapes, sameShape } from '../core/shape.js';
import type { BinaryOpId, UnaryOpId } from '../backend/kernels.js';
import { defineOp, type BackwardCtx, type Op } from '../autograd/define-op.js';
import type { Tensor } from '../tensor/tensor.js';
import { broadcastOperands, promoteAll, storageAs } from './operand.js';

export interface UnarySpec {
  name: string;
  spec: string;
  scalar: (x: number) => number;
  /** dx from dy, the input x and the output y. Omit for non-differentiable ops. */
  grad?: (dy: Tensor, x: Tensor, y: Tensor) => Tensor;
  /** Which of x, y the gradient needs (saved only when recorded). */
  saves?: 'x' | 'y' | 'none';
  /** Accepts int32 input (otherwise int32 is promoted to float32). */
  intOk?: boolean;
}

export function defineUnary(spec: UnarySpec): Op<Record<string, never>> & { id: UnaryOpId } {
  const id: UnaryOpId = { id: spec.name, scalar: spec.scalar };
  const op = defineOp<Record<string, never>>({
    name: spec.name,
    spec: spec.spec,
    args: ['x'],
    shape: ([x]) => ({ shape: x.shape, dtype: !isFloat(x.dtype) && !spec.intOk ? 'float32' : x.dtype }),
    forward(ctx) {
      const x = ctx.inputs[0];
      ctx.k.unary(id, storageAs(ctx.k, x, ctx.out.dtype), ctx.out.storage);
      if (spec.saves === 'x') ctx.save(x);
      else if (spec.saves === 'y') ctx.save(ctx.out);
    },
    backward: spec.grad
      ? (ctx: BackwardCtx<Record<string, never>>, dy: Tensor) => {
          const x = spec.saves === 'x' ? ctx.saved[0] : ctx.inputs[0];
          const y = spec.saves === 'y' ? ctx.saved[0] : (undefined as unknown as Tensor);
          return [spec.grad!(dy, x, y)];
        }
      : undefined,
  });
  return Object.assign(op, { id });
}

export interface BinarySpec {
  name: string;
  spec: string;
  scalar: (a: number, b: number) => number;
  /** [da, db] in the output's shape; the engine sums broadcast dims. */
  grad?: (dy: Tensor, a: Tensor, b: Tensor, y: Tensor) => [Tensor | null, Tensor | null];
  /** The backward reads the output y. */
  savesY?: boolean;
  /** Float-only op (int32 inputs promote to float32). */
  floatOnly?: boolean;
}

export function defineBinary(spec: BinarySpec): Op<Record<string, never>> & { id: BinaryOpId } {
  const id: BinaryOpId = { id: spec.name, scalar: spec.scalar };
  const op = defineOp<Record<string, never>>({
    name: spec.name,
    spec: spec.spec,
    args: ['a', 'b'],
    shape(inputs) {
      const [a, b] = inputs;
      const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(spec.name, ['a', 'b'], [a.shape, b.shape]);
      let dtype = promoteAll(inputs);
      if (spec.floatOnly && !isFloat(dtype)) dtype = 'float32';
      return { shape, dtype };
    },
    forward(ctx) {
      const out = ctx.out;
      const { ops, shape } = broadcastOperands(ctx.k, ctx.inputs, out.shape, out.dtype);
      ctx.k.binary(id, ops[0], ops[1], out.storage, shape);
      if (ctx.needsGrad) {
        ctx.save(ctx.inputs[0], ctx.inputs[1]);
        if (spec.savesY) ctx.save(out);
      }
    },
    backward: spec.grad
      ? (ctx, dy) => spec.grad!(dy, ctx.saved[0], ctx.saved[1], ctx.saved[2])
      : undefined,
  });
  return Object.assign(op, { id });
}

export function requireFloat(op: string, t: Tensor, arg = 'x'): void {
  if (!isFloat(t.dtype)) {
    throw new DTypeError(op, `${arg} must be a floating-point tensor`, { got: [[arg, `${t.dtype}`]] });
  }
}
