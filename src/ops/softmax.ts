import { defineOp } from '../autograd/define-op.js';
import { normAxis } from '../core/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from './elementwise.js';
import { transpose } from './permute.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { exp } from './exp.js';
import { reshape } from './reshape.js';

interface SoftmaxAttrs {
  log: boolean;
}

/** Row-wise (last dim) softmax or log-softmax; the public functions move `dim` last first. */
const softmaxLastOp = defineOp<SoftmaxAttrs>({
  name: 'softmax',
  spec: '§3',
  args: ['x'],
  shape([x]) {
    return { shape: x.shape, dtype: x.dtype };
  },
  forward(ctx) {
    const x = ctx.inputs[0];
    const cols = x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1];
    ctx.k.softmax(x.storage, ctx.out.storage, cols === 0 ? 0 : x.size / cols, cols, ctx.attrs.log);
    ctx.save(ctx.out);
  },
  backward(ctx, dy) {
    const y = ctx.saved[0];
    if (ctx.attrs.log) return [sub(dy, mul(exp(y), sum(dy, -1, true)))]; // dx = dy − softmax·Σdy
    return [mul(y, sub(dy, sum(mul(dy, y), -1, true)))]; // dx = y ⊙ (dy − Σ dy·y)
  },
});

function along(x: Tensor, dim: number, log: boolean, name: string): Tensor {
  expectTensor(name, 'x', x);
  requireFloat(name, x);
  const d = normAxis(name, dim, x.ndim); // a 0-d tensor takes dim 0 or −1 only
  if (x.ndim === 0) return reshape(softmaxLastOp.apply([reshape(x, [1])], { log }), []);
  if (d === x.ndim - 1) return softmaxLastOp.apply([x], { log });
  return transpose(softmaxLastOp.apply([transpose(x, d, -1)], { log }), d, -1);
}

/**
 * Softmax along `dim` (default last). Formula: yᵢ = e^{xᵢ − max} / Σⱼ e^{xⱼ − max} (concepts §3).
 * Gradient: dx = y ⊙ (dy − Σ dy ⊙ y). Shape: x → x. Matches `torch.softmax`.
 */
export function softmax(x: Tensor, dim = -1): Tensor {
  return along(x, dim, false, 'softmax');
}

/**
 * Log-softmax along `dim`. Formula: yᵢ = xᵢ − max − log Σⱼ e^{xⱼ − max} (concepts §3).
 * Gradient: dx = dy − softmax(x) Σ dy. Matches `torch.log_softmax`.
 */
export function logSoftmax(x: Tensor, dim = -1): Tensor {
  return along(x, dim, true, 'logSoftmax');
}
