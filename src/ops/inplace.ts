// In-place updates of a tensor's own memory: copy_, fill_, zero_, add_, sub_, mul_, div_ (PyTorch's
// trailing-underscore methods). They are how layers update buffers (batch norm's running
// statistics), how initializers and optimizers write parameters, and how loadStateDict restores
// state — never backend.write from layer code (docs/design.md §3.6). They are not recorded for
// backward: with grad enabled, an in-place op on (or from) a tensor that requires grad is an error.

import { ArgumentError, BackendError, DTypeError, ShapeError } from '../core/errors.js';
import { badArg, checkNumber, checkOptions } from '../core/check.js';
import { isFloat } from '../core/dtype.js';
import { broadcastShapes, broadcastStrides, collapseDims, sameShape, stridesOf } from '../core/shape.js';
import type { BinaryOpId } from '../backend/kernels.js';
import { isGradEnabled } from '../autograd/no-grad.js';
import { Tensor } from '../tensor/tensor.js';
import { scalarOn } from '../tensor/create.js';
import { notTensor } from '../tensor/expect.js';
import { broadcastOperands, storageAs } from './operand.js';
import { addOp } from './add.js';
import { subOp } from './sub.js';
import { mulOp } from './mul.js';
import { divOp } from './div.js';
import { castOp } from './cast.js';

/** Marks self's memory as overwritten: a graph that saved it refuses to backward (autograd/engine.ts). */
function bump(self: Tensor): Tensor {
  self.storage.version = (self.storage.version ?? 0) + 1;
  return self;
}

/** Refuses an in-place op autograd would not see (PyTorch records it; nabla asks for noGrad). */
function checkNotRecorded(op: string, self: Tensor, src: Tensor | null): void {
  if (!isGradEnabled()) return;
  const who = self.requiresGrad ? self : src !== null && src.requiresGrad ? src : null;
  if (who === null) return;
  throw new ArgumentError(op, 'an in-place op is not recorded for backward, so it may not touch a tensor that requires grad while grad is enabled', {
    got: [[who === self ? 'self' : 'src', `${who.describe()} requiresGrad`]],
  }, 'wrap the update in noGrad(() => …) (as optimizers and initializers do), or use the out-of-place op');
}

/** `src` as a tensor on self's backend; a number becomes a 0-d tensor of self's dtype. */
function operand(op: string, self: Tensor, src: unknown, arg: string): Tensor {
  if (typeof src === 'number') {
    if (!isFloat(self.dtype) && !Number.isInteger(src)) {
      throw new DTypeError(op, `${arg} must be an integer for an ${self.dtype} tensor`, { got: [[arg, String(src)], ['self', self.dtype]] });
    }
    return scalarOn(src, self.dtype, self.backend);
  }
  if (!(src instanceof Tensor)) {
    throw badArg(op, `${arg} must be a Tensor or a number`, src);
  }
  src.assertAlive(op);
  if (src.backend !== self.backend) {
    throw new BackendError(op, `${arg} must live on self's backend`, { got: [['self', self.backend.name], [arg, src.backend.name]] },
      'copy_ moves values between backends');
  }
  return src;
}

/** The result must keep self's shape: `src` broadcasts to it, never the other way. */
function checkBroadcastsTo(op: string, self: Tensor, src: Tensor, arg: string): void {
  if (sameShape(src.shape, self.shape)) return;
  const out = broadcastShapes(op, ['self', arg], [self.shape, src.shape]);
  if (!sameShape(out, self.shape)) {
    throw new ShapeError(op, `${arg} must broadcast to self's shape (an in-place op cannot grow self)`, {
      got: [['self', self.shape], [arg, src.shape]],
    });
  }
}

function binaryInPlace(name: string, id: BinaryOpId, self: Tensor, src: unknown, alpha?: number): Tensor {
  const op = `Tensor.${name}`;
  self.assertAlive(op);
  let b = operand(op, self, src, 'other');
  if (b.dtype !== self.dtype && !isFloat(self.dtype) && isFloat(b.dtype)) {
    throw new DTypeError(op, `the result (${b.dtype}) cannot be stored in self (${self.dtype})`, { got: [['self', self.dtype], ['other', b.dtype]] });
  }
  if (alpha !== undefined && !isFloat(self.dtype) && !Number.isInteger(alpha)) {
    throw new DTypeError(op, `alpha must be an integer for an ${self.dtype} tensor`, { got: [['alpha', String(alpha)], ['self', self.dtype]] });
  }
  checkBroadcastsTo(op, self, b, 'other');
  checkNotRecorded(op, self, b);
  // alpha·other in self's dtype (an int32 other times 0.5 must not round to 0 first)
  const scaled = alpha !== undefined && alpha !== 1
    ? mulOp.apply([b.dtype === self.dtype ? b : castOp.apply([b], { dtype: self.dtype }), scalarOn(alpha, self.dtype, b.backend)], {})
    : null;
  const k = self.backend;
  const { ops, shape } = broadcastOperands(k, [self, scaled ?? b], self.shape, self.dtype);
  k.binary(id, ops[0], ops[1], self.storage, shape);
  return bump(self);
}

function alphaOption(op: string, opts: { alpha?: number } | undefined): number | undefined {
  const o = checkOptions(op, opts, ['alpha']);
  return o.alpha === undefined ? undefined : checkNumber(op, 'alpha', o.alpha);
}

/** self += alpha·other in place (other broadcast to self's shape; torch.Tensor.add_; concepts §2). */
export function add_(self: Tensor, other: Tensor | number, opts?: { alpha?: number }): Tensor {
  return binaryInPlace('add_', addOp.id, self, other, alphaOption('Tensor.add_', opts));
}
/** self −= alpha·other in place (torch.Tensor.sub_; concepts §2). */
export function sub_(self: Tensor, other: Tensor | number, opts?: { alpha?: number }): Tensor {
  return binaryInPlace('sub_', subOp.id, self, other, alphaOption('Tensor.sub_', opts));
}
/** self ·= other in place (torch.Tensor.mul_; concepts §2). */
export function mul_(self: Tensor, other: Tensor | number): Tensor {
  return binaryInPlace('mul_', mulOp.id, self, other);
}
/** self /= other in place (float tensors; torch.Tensor.div_; concepts §2). */
export function div_(self: Tensor, other: Tensor | number): Tensor {
  if (self instanceof Tensor && !isFloat(self.dtype)) {
    throw new DTypeError('Tensor.div_', 'self must be a floating-point tensor (true division)', { got: [['self', self.dtype]] });
  }
  return binaryInPlace('div_', divOp.id, self, other);
}

/** Every element of self set to `value` (torch.Tensor.fill_; concepts §2). */
export function fill_(self: Tensor, value: number): Tensor {
  const op = 'Tensor.fill_';
  self.assertAlive(op);
  if (typeof value !== 'number') throw badArg(op, 'value must be a number', value);
  if (!isFloat(self.dtype) && !Number.isInteger(value)) {
    throw new DTypeError(op, `value must be an integer for an ${self.dtype} tensor`, { got: [['value', String(value)], ['self', self.dtype]] });
  }
  checkNotRecorded(op, self, null);
  self.backend.fill(self.storage, value);
  return bump(self);
}

/** self's values replaced by src's (broadcast to self's shape, converted to self's dtype, from any backend; torch.Tensor.copy_; concepts §2). */
export function copy_(self: Tensor, src: Tensor): Tensor {
  const op = 'Tensor.copy_';
  self.assertAlive(op);
  if (!(src instanceof Tensor)) throw notTensor(op, 'src', src);
  src.assertAlive(op);
  checkBroadcastsTo(op, self, src, 'src');
  checkNotRecorded(op, self, src);
  const k = self.backend;
  if (src.backend !== k) {
    // another backend: its values through a plain array, then copied here
    const moved = new Tensor(k.fromArray(src.backend.read(src.storage), src.dtype, op), src.shape, k, src.dtype);
    try {
      return copy_(self, moved); // bumps
    } finally {
      moved.dispose();
    }
  }
  if (self.size === 0 || (src.storage === self.storage && sameShape(src.shape, self.shape))) return self;
  // a view of self's own memory is copied out first (the strided copy would read what it wrote)
  const s = src.storage === self.storage ? k.alloc(self.dtype, src.size, op) : storageAs(k, src, self.dtype);
  if (src.storage === self.storage) k.copyStrided({ s: src.storage, offset: 0, strides: [1] }, { s, offset: 0, strides: [1] }, [src.size]);
  const c = collapseDims(self.shape, [broadcastStrides(src.shape, self.shape), stridesOf(self.shape)]);
  const [shape, from, to] = c.shape.length === 0 ? [[1], [0], [1]] : [c.shape, c.strides[0], c.strides[1]];
  k.copyStrided({ s, offset: 0, strides: from }, { s: self.storage, offset: 0, strides: to }, shape);
  if (s !== src.storage) k.free(s);
  return bump(self);
}
