// Softmax cross-entropy on logits (concepts §3, §4): the fused op, the function and the module.

import { defineOp } from '../autograd/define-op.js';
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { expectTensor, tensorHint } from '../tensor/expect.js';
import { storageAs } from '../ops/operand.js';
import { logSoftmax, softmax } from '../ops/softmax.js';
import { sub } from '../ops/sub.js';
import { fromArray } from '../tensor/create.js';
import { isGradEnabled } from '../autograd/no-grad.js';
import { mul, mulOp } from '../ops/mul.js';
import { sum } from '../ops/sum.js';
import { neg, negOp } from '../ops/neg.js';
import { expand } from '../ops/expand.js';
import { reshape } from '../ops/reshape.js';
import { forwardInput, Module } from '../nn/module.js';
import { applyReduction, checkReduction, lossOptions, type Reduction } from './reduction.js';

interface XentAttrs {
  reduction: Reduction;
}

/**
 * Softmax cross-entropy on logits and class indices, fused (concepts §3, §4).
 * Formula: ℓᵢ = −log softmax(xᵢ)_{yᵢ}; mean over the batch by default.
 * Gradient: dx = (p − onehot(y)) · dy / N for 'mean' — the notes' (p − y)/N, in one kernel.
 * Shape: x [N, C], target int32 [N] → [] ('mean'/'sum') or [N] ('none').
 * Matches `torch.nn.functional.cross_entropy` with class-index targets.
 */
export const crossEntropyOp = defineOp<XentAttrs>({
  name: 'crossEntropy',
  spec: '§4',
  args: ['input', 'target'],
  shape([x, y], a) {
    if (x.shape.length !== 2) throw new ShapeError('crossEntropy', 'input must be [N, C] logits', { got: [['input', x.shape]] });
    if (y.dtype !== 'int32') {
      throw new DTypeError('crossEntropy', 'class-index targets must be int32', { got: [['target', y.dtype]] }, 'for probability targets pass a float tensor of the input\'s shape');
    }
    if (y.shape.length !== 1 || y.shape[0] !== x.shape[0]) {
      throw new ShapeError('crossEntropy', 'target must be [N] with N the batch size of input', { got: [['input', x.shape], ['target', y.shape]] });
    }
    checkReduction('crossEntropy', a.reduction);
    return { shape: a.reduction === 'none' ? [x.shape[0]] : [], dtype: x.dtype };
  },
  forward(ctx) {
    const [x, y] = ctx.inputs;
    const [n, c] = x.shape;
    const k = ctx.k;
    checkTargets(k.read(y.storage), c);
    const logp = k.alloc(x.dtype, x.size, 'crossEntropy');
    k.softmax(x.storage, logp, n, c, true);
    const picked = k.alloc(x.dtype, n, 'crossEntropy');
    k.pick(logp, y.storage, picked, n, c);
    if (ctx.attrs.reduction === 'none') k.unary(negOp.id, picked, ctx.out.storage);
    else {
      const total = k.alloc(x.dtype, 1);
      k.reduce('sum', picked, total, 1, n, 1);
      const factor = scalarStorage(k, x.dtype, ctx.attrs.reduction === 'mean' ? -1 / n : -1);
      k.binary(mulOp.id, { s: total, offset: 0, strides: [] }, { s: factor, offset: 0, strides: [] }, ctx.out.storage, []);
      k.free(total);
      k.free(factor);
    }
    k.free(picked);
    if (ctx.needsGrad) {
      k.softmax(x.storage, logp, n, c, false); // the buffer now holds p = softmax(x)
      ctx.saveOwned(new Tensor(logp, x.shape, k));
    } else k.free(logp);
  },
  backward(ctx, dy) {
    const [x, y] = ctx.inputs;
    const n = x.shape[0];
    // per-row scale: dy/N ('mean'), dy ('sum'), dyᵢ ('none')
    const scale = ctx.attrs.reduction === 'none' ? dy : expand(reshape(ctx.attrs.reduction === 'mean' ? mul(dy, 1 / n) : dy, [1]), [n]);
    if (isGradEnabled()) {
      // createGraph: the same (p − y)·scale written with differentiable ops, so that a
      // second-order gradient flows through softmax(x) (the fused kernel's p is a constant)
      const c = x.shape[1];
      const labels = y.toTypedArray();
      const onehot = new Float64Array(n * c);
      for (let i = 0; i < n; i++) onehot[i * c + labels[i]] = 1;
      const yOne = fromArray(onehot, [n, c], { dtype: x.dtype, backend: x.backend.name });
      return [mul(sub(softmax(x, -1), yOne), reshape(scale, [n, 1])), null];
    }
    return [xentGradOp.apply([ctx.saved[0], y, scale], {}), null];
  },
});

function scalarStorage(k: Tensor['backend'], dtype: Tensor['dtype'], v: number) {
  const s = k.alloc(dtype, 1);
  k.fill(s, v);
  return s;
}

function checkTargets(t: ArrayLike<number>, c: number) {
  for (let i = 0; i < t.length; i++) {
    if (!(t[i] >= 0 && t[i] < c)) {
      throw new ArgumentError('crossEntropy', `target values must lie in [0, ${c - 1}]`, { note: `target[${i}] = ${t[i]}` });
    }
  }
}

/**
 * dx = (p − onehot(y)) · scaleᵢ, with p saved by the forward: the first-order path. Under
 * createGraph the backward above composes the same formula from differentiable ops instead.
 */
const xentGradOp = defineOp({
  name: 'crossEntropyBackward',
  spec: '§4',
  args: ['p', 'target', 'scale'],
  shape: ([p]) => ({ shape: p.shape, dtype: p.dtype }),
  forward(ctx) {
    const [p, y, scale] = ctx.inputs;
    ctx.k.softmaxXentBackward(p.storage, y.storage, storageAs(ctx.k, scale, p.dtype), ctx.out.storage, p.shape[0], p.shape[1]);
  },
});

/**
 * Cross-entropy loss on logits (concepts §4). With int32 class indices it is the fused primitive
 * above; with a float target of the input's shape (probabilities, e.g. soft or mixed labels) it is
 * the composite −Σ target · log softmax(x), averaged over the batch.
 * @example
 * const x = tensor([[0, 0, 0]], { requiresGrad: true });
 * const loss = crossEntropy(x, tensor([0], { dtype: 'int32' }));
 * loss.item() // 1.0986
 * loss.backward(); // dx = (p − onehot(y)) / N
 * x.grad!.tolist() // [[-0.6667, 0.3333, 0.3333]]
 */
export function crossEntropy(input: Tensor, target: Tensor, opts: { reduction?: Reduction } = {}): Tensor {
  expectTensor('crossEntropy', 'input', input);
  expectTensor('crossEntropy', 'target', target, tensorHint(target, Array.isArray(target) && target.every(Number.isInteger) ? ", { dtype: 'int32' }" : ''));
  const { reduction } = lossOptions('crossEntropy', opts, []);
  if (target.dtype !== 'int32' && target.ndim === input.ndim) {
    if (target.shape.some((d, i) => d !== input.shape[i])) {
      throw new ShapeError('crossEntropy', 'probability targets must have the input\'s shape', { got: [['input', input.shape], ['target', target.shape]] });
    }
    const per = neg(sum(mul(target, logSoftmax(input, -1)), -1));
    return applyReduction(per, reduction);
  }
  return crossEntropyOp.apply([input, target], { reduction });
}

/**
 * Softmax cross-entropy on logits, as a module (concepts §3, §4): `forward(input, target)` is
 * `crossEntropy(input, target, opts)`. Matches `torch.nn.CrossEntropyLoss`.
 */
export class CrossEntropyLoss extends Module {
  constructor(readonly opts: { reduction?: Reduction } = {}) {
    super();
    lossOptions('CrossEntropyLoss', opts, []);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    const hint = Array.isArray(target) && target.every(Number.isInteger) ? tensorHint(target, ", { dtype: 'int32' }") : undefined;
    return crossEntropy(forwardInput(this, input), forwardInput(this, target, 'target', hint), this.opts);
  }
}
