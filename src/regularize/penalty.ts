// Weight penalties R(W) added to the data loss (concepts §5): L1, L2, elastic net and weight decay,
// each over a chosen set of parameters. A penalty is only a recipe; value() records it for backward.

import { Tensor } from '../tensor/tensor.js';
import { Module } from '../nn/module.js';
import { isFloat } from '../core/dtype.js';
import { ArgumentError, DTypeError } from '../core/errors.js';
import { badArg, checkNumber, checkOptions } from '../core/check.js';
import { abs, add, mul, sum } from '../ops/index.js';

/** What a penalty covers: a Module (its parameters picked by `include`), a Parameter, or an array of them. */
export type PenaltyTarget = Module | Tensor | readonly Tensor[];

/** Which parameters of a Module a penalty covers. */
export interface PenaltyOptions {
  /**
   * 'weights' (default): parameters with ndim ≥ 2 (Linear and conv weights, embeddings), so biases
   * and normalisation scales and shifts (1-D) are left out; 'all': every parameter; or a predicate
   * on the parameter's state_dict name and the parameter. Only for a Module target.
   */
  include?: 'weights' | 'all' | ((name: string, param: Tensor) => boolean);
}

export type PenaltyKind = 'l1' | 'l2' | 'elasticNet' | 'weightDecay';

/**
 * A weight penalty R(W) (concepts §5), made by l1Penalty, l2Penalty, elasticNet or weightDecay:
 * R = l1·Σ|w| + l2·Σw² over `params`. `value()` is R as a 0-d tensor recorded for backward;
 * `lambda` is the strength as given, `names` the state_dict names of the parameters it covers
 * (`[i]` for a parameter given directly). trainStep adds it to the data loss.
 */
export class Penalty {
  /** @internal Made by the penalty functions, which check their arguments. */
  constructor(
    readonly kind: PenaltyKind,
    readonly lambda: number | { readonly l1: number; readonly l2: number },
    /** Coefficient of Σ|w|. */
    readonly l1: number,
    /** Coefficient of Σw² (λ/2 for weightDecay). */
    readonly l2: number,
    readonly names: readonly string[],
    readonly params: readonly Tensor[],
  ) {}

  /** R(W) = l1·Σ|w| + l2·Σw², summed over the parameters, as a 0-d tensor (concepts §5). */
  value(): Tensor {
    let total: Tensor | undefined;
    for (const p of this.params) {
      // scale after the sum: the gradient is then l2·w + l2·w (weightDecay: exactly λw)
      const l1 = this.l1 !== 0 ? mul(sum(abs(p)), this.l1) : undefined;
      const l2 = this.l2 !== 0 || !l1 ? mul(sum(mul(p, p)), this.l2) : undefined;
      const r = l1 && l2 ? add(l1, l2) : (l1 ?? l2)!;
      total = total ? add(total, r) : r;
    }
    return total!;
  }
}

/** True when `x` is a Penalty (concepts §5). */
export function isPenalty(x: unknown): x is Penalty {
  return x instanceof Penalty;
}

/**
 * L1 penalty λ·Σ|w| over the target's weights (concepts §5).
 * Gradient: λ·sign(w) (0 at w = 0, as the `abs` op). Drives weights to exactly 0.
 * Default selection from a Module: weights only (ndim ≥ 2); biases and normalisation parameters
 * are excluded. PyTorch has no such helper (one writes `lam * sum(p.abs().sum() for p in …)`).
 * @example
 * const model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
 * const p = l1Penalty(model, 0.01);
 * p.names // ["0.weight", "2.weight"]
 */
export function l1Penalty(target: PenaltyTarget, lambda: number, opts?: PenaltyOptions): Penalty {
  const lam = checkNumber('l1Penalty', 'lambda', lambda, { min: 0 });
  const [names, params] = select('l1Penalty', target, opts);
  return new Penalty('l1', lam, lam, 0, names, params);
}

/**
 * L2 penalty λ·Σw² over the target's weights (concepts §5).
 * Gradient: 2λw. Prefers many small weights. weightDecay(target, 2λ) has the same gradient.
 * Default selection from a Module: weights only (ndim ≥ 2); biases and normalisation parameters
 * are excluded.
 * @example
 * const w = tensor([[1, -2]], { requiresGrad: true });
 * l2Penalty(w, 0.5).value().item() // 2.5
 */
export function l2Penalty(target: PenaltyTarget, lambda: number, opts?: PenaltyOptions): Penalty {
  const lam = checkNumber('l2Penalty', 'lambda', lambda, { min: 0 });
  const [names, params] = select('l2Penalty', target, opts);
  return new Penalty('l2', lam, 0, lam, names, params);
}

/**
 * Elastic net λ₁·Σ|w| + λ₂·Σw² over the target's weights (concepts §5).
 * Gradient: λ₁·sign(w) + 2λ₂w. Both strengths are required (either may be 0).
 * Default selection from a Module: weights only (ndim ≥ 2).
 * @example
 * const w = tensor([[1, -2]], { requiresGrad: true });
 * elasticNet(w, { l1: 0.1, l2: 0.5 }).value().item() // 2.8
 */
export function elasticNet(target: PenaltyTarget, lambda: { l1: number; l2: number }, opts?: PenaltyOptions): Penalty {
  if (typeof lambda === 'number') {
    throw badArg('elasticNet', 'lambda must be an object', lambda, `write { l1: ${lambda}, l2: ${lambda} }`);
  }
  const o = checkOptions('elasticNet', lambda, ['l1', 'l2'], 'lambda');
  const l1 = checkNumber('elasticNet', 'lambda.l1', o.l1, { min: 0 });
  const l2 = checkNumber('elasticNet', 'lambda.l2', o.l2, { min: 0 });
  const [names, params] = select('elasticNet', target, opts);
  return new Penalty('elasticNet', { l1, l2 }, l1, l2, names, params);
}

/**
 * Weight decay as a penalty: λ/2·Σw², whose gradient is exactly λw (concepts §5) — the term that
 * `torch.optim.SGD(weight_decay=λ)` adds to the gradient. The ½ makes λ the decay rate: a step is
 * θ ← (1 − ηλ)θ − ηg. Default selection from a Module: weights only (ndim ≥ 2), the usual
 * PyTorch practice of a no-decay parameter group for biases and norm parameters.
 * @example
 * const w = tensor([[1, -2]], { requiresGrad: true });
 * weightDecay(w, 0.5).value().backward();
 * w.grad.tolist() // [[0.5, -1]]
 */
export function weightDecay(target: PenaltyTarget, lambda: number, opts?: PenaltyOptions): Penalty {
  const lam = checkNumber('weightDecay', 'lambda', lambda, { min: 0 });
  const [names, params] = select('weightDecay', target, opts);
  return new Penalty('weightDecay', lam, 0, lam / 2, names, params);
}

const TARGET = 'target must be a Module, a Parameter or an array of Parameters';

/** The covered parameters with their names; every check before the penalty exists. */
function select(fn: string, target: unknown, opts: PenaltyOptions | undefined): [string[], Tensor[]] {
  const { include } = checkOptions(fn, opts, ['include']);
  if (include !== undefined && include !== 'weights' && include !== 'all' && typeof include !== 'function') {
    throw badArg(fn, "include must be 'weights', 'all' or a function (name, param) => boolean", include);
  }
  if (target instanceof Module) return fromModule(fn, target, include);
  if (include !== undefined && (target instanceof Tensor || Array.isArray(target))) {
    throw badArg(fn, 'include applies only to a Module target', include,
      'a Parameter or an array is penalized as given');
  }
  if (target instanceof Tensor) {
    floating(fn, 'target', target);
    return [['[0]'], [target]];
  }
  if (!Array.isArray(target) || target.length === 0) {
    const f = typeof target === 'function' ? (target as { name: string; prototype?: unknown }) : undefined;
    const hint = f?.prototype instanceof Module ? `construct it: new ${f.name}(…)`
      : f?.name === 'parameters' ? 'pass the model (its weights) or call model.parameters() (every parameter)'
      : undefined;
    throw badArg(fn, Array.isArray(target) ? `${TARGET} (not empty)` : TARGET, target, hint);
  }
  target.forEach((p, i) => {
    if (!(p instanceof Tensor)) throw badArg(fn, `target[${i}] must be a Tensor (a Parameter)`, p);
    const j = target.indexOf(p);
    if (j < i) throw badArg(fn, `target[${i}] repeats target[${j}]; a parameter is penalized once`, p);
    floating(fn, `target[${i}]`, p);
  });
  return [target.map((_, i) => `[${i}]`), [...target]];
}

/** A Module's parameters by the include rule (default: ndim ≥ 2), each once. */
function fromModule(fn: string, m: Module, include: PenaltyOptions['include']): [string[], Tensor[]] {
  const keep = include === 'all' ? () => true
    : typeof include === 'function' ? include
    : (_: string, p: Tensor) => p.ndim >= 2;
  const seen = new Set<Tensor>(); // a tied parameter is penalized once, under its first name
  const names: string[] = [], params: Tensor[] = [];
  for (const [n, p] of m.namedParameters()) {
    if (seen.has(p)) continue;
    seen.add(p);
    if (!keep(n, p)) continue;
    floating(fn, n, p);
    names.push(n);
    params.push(p);
  }
  if (params.length === 0) {
    throw new ArgumentError(fn, 'target has no parameters to penalize', { note: m.constructor.name },
      include === undefined
        ? "the default keeps weights (ndim ≥ 2); pass { include: 'all' } to cover biases too" : undefined);
  }
  return [names, params];
}

function floating(fn: string, arg: string, p: Tensor): void {
  if (!isFloat(p.dtype)) throw new DTypeError(fn, 'parameters must be floating-point', { got: [[arg, p.dtype]] });
}
