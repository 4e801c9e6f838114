// Softmax cross-entropy on logits (concepts §3, §4): the fused op, the function and the module.

import { defineOp } from '../autograd/define-op.js';
import { ArgumentError, ShapeError } from '../core/errors.js';
import { isFloat } from '../core/dtype.js';
import { sameShape } from '../core/shape.js';
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
import { add } from '../ops/add.js';
import { cast } from '../ops/cast.js';
import { applyReduction, lossOptions, type Reduction } from './reduction.js';
import { checkClassOptions, classIndexLoss, classLayout, classTargets, classWeight, type ClassLayout } from './class-target.js';

interface XentAttrs {
  reduction: Reduction;
}

/**
 * The fused softmax cross-entropy for the common case (concepts §3, §4): logits [N, C], int32
 * class indices [N] already checked by crossEntropy, no weight, no label smoothing, no ignored
 * target. Forward through log-softmax; backward dx = (p − onehot(y))·dy/N ('mean') in one kernel.
 */
export const crossEntropyOp = defineOp<XentAttrs>({
  name: 'crossEntropy',
  spec: '§4',
  args: ['input', 'target'],
  shape: ([x], a) => ({ shape: a.reduction === 'none' ? [x.shape[0]] : [], dtype: x.dtype }),
  forward(ctx) {
    const [x, y] = ctx.inputs;
    const [n, c] = x.shape;
    const k = ctx.k;
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

export interface CrossEntropyOptions {
  /** Rescales each class's loss: w [C] (default all 1). */
  weight?: Tensor;
  /** Class-index targets equal to it add nothing and are not counted by the mean (default −100). */
  ignoreIndex?: number;
  /** ε in [0, 1]: the target becomes (1 − ε)·target + ε/C (default 0). */
  labelSmoothing?: number;
  reduction?: Reduction;
}

function xentOptions(op: string, opts: CrossEntropyOptions | undefined) {
  const o = lossOptions(op, opts, ['weight', 'ignoreIndex', 'labelSmoothing']);
  checkClassOptions(op, o);
  return { weight: o.weight, ignoreIndex: o.ignoreIndex ?? -100, labelSmoothing: o.labelSmoothing ?? 0, reduction: o.reduction };
}

/**
 * Cross-entropy of logits against class indices or class probabilities (concepts §4), with
 * log p = logSoftmax(input) along the class axis 1 (0 for an unbatched [C] input).
 * Formula, class indices y: ℓᵢ = −Σ_c ((1 − ε)·w_y·[c = yᵢ] + (ε/C)·w_c)·log p[i, c], 0 where
 * yᵢ = ignoreIndex; 'mean' = Σ ℓᵢ / Σ w_{yᵢ} over the targets not ignored (PyTorch's weighted
 * mean). Probabilities q (a float target of input's shape): ℓᵢ = −Σ_c w_c·q'[i, c]·log p[i, c]
 * with q' = (1 − ε)·q + ε/C; 'mean' divides by the number of rows N·d1·…, weights or not.
 * Gradient: dx = (Σ_c M_c·p − M)·dy with M the weighted target above; with plain class indices
 * the notes' (p − onehot(y))/N, computed by one fused kernel.
 * Shape: input [N, C, d1, …] or [C]; target int32 [N, d1, …] or [], or float of input's shape →
 * [] or [N, d1, …] ('none').
 * Matches `torch.nn.functional.cross_entropy` (weight gets a gradient only with probability
 * targets, as in PyTorch).
 * @example
 * const x = tensor([[0, 0, 0]], { requiresGrad: true });
 * const loss = crossEntropy(x, tensor([0], { dtype: 'int32' }));
 * loss.item() // 1.0986
 * loss.backward(); // dx = (p − onehot(y)) / N
 * x.grad!.tolist() // [[-0.6667, 0.3333, 0.3333]]
 */
export function crossEntropy(input: Tensor, target: Tensor, opts: CrossEntropyOptions = {}): Tensor {
  expectTensor('crossEntropy', 'input', input);
  expectTensor('crossEntropy', 'target', target, tensorHint(target, Array.isArray(target) && target.every(Number.isInteger) ? ", { dtype: 'int32' }" : ''));
  const o = xentOptions('crossEntropy', opts);
  const layout = classLayout('crossEntropy', input, 'logits');
  if (isFloat(target.dtype) && target.ndim === input.ndim) return probabilityTargets(input, target, layout, o);
  const labels = classTargets('crossEntropy', input, target, layout, o.ignoreIndex,
    "for probability targets pass a float tensor of the input's shape");
  const weight = classWeight('crossEntropy', o.weight, layout.c);
  if (input.ndim === 2 && !weight && o.labelSmoothing === 0 && !labels.includes(o.ignoreIndex)) {
    return crossEntropyOp.apply([input, target], { reduction: o.reduction });
  }
  return classIndexLoss(logSoftmax(input, layout.axis), labels, layout, { ...o, weight });
}

function probabilityTargets(input: Tensor, target: Tensor, layout: ClassLayout, o: ReturnType<typeof xentOptions>): Tensor {
  if (!sameShape(target.shape, input.shape)) {
    throw new ShapeError('crossEntropy', "probability targets must have the input's shape", { got: [['input', input.shape], ['target', target.shape]] });
  }
  if (o.ignoreIndex >= 0) {
    throw new ArgumentError('crossEntropy', 'ignoreIndex applies to class-index targets only, not to probability targets',
      { got: [[`ignoreIndex ${o.ignoreIndex}`]] });
  }
  if (o.weight !== undefined) classWeight('crossEntropy', o.weight, layout.c);
  let q = target;
  if (o.labelSmoothing > 0) q = add(mul(target, 1 - o.labelSmoothing), o.labelSmoothing / layout.c);
  let m = mul(q, logSoftmax(input, layout.axis));
  if (o.weight) {
    const w = o.weight.dtype === input.dtype ? o.weight : cast(o.weight, input.dtype);
    m = mul(m, input.ndim === 1 ? w : reshape(w, [layout.c, ...new Array<number>(input.ndim - 2).fill(1)]));
  }
  return applyReduction(neg(sum(m, layout.axis)), o.reduction);
}

/**
 * Softmax cross-entropy on logits, as a module (concepts §3, §4): `forward(input, target)` is
 * `crossEntropy(input, target, opts)`. Matches `torch.nn.CrossEntropyLoss`.
 */
export class CrossEntropyLoss extends Module {
  constructor(readonly opts: CrossEntropyOptions = {}) {
    super();
    xentOptions('CrossEntropyLoss', opts);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    const hint = Array.isArray(target) && target.every(Number.isInteger) ? tensorHint(target, ", { dtype: 'int32' }") : undefined;
    return crossEntropy(forwardInput(this, input), forwardInput(this, target, 'target', hint), this.opts);
  }
}
