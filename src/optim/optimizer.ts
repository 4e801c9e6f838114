// The optimizer base: a list of parameters (never a module: optim does not import nn), per-
// parameter state keyed by the parameter object, option validation, and state save/restore.

import { ArgumentError, CheckpointError } from '../core/errors.js';
import { keepAlive } from '../tensor/alloc-scope.js';
import { badArg, checkBool, checkNumber, checkOptions, type NumberRule } from '../core/check.js';
import { notTensor } from '../tensor/expect.js';
import type { TypedArray } from '../core/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { zerosLike } from '../tensor/create.js';
import { zeroGradOf, zeroGradOptions } from '../autograd/zero-grad.js';

export interface OptimizerState {
  step: number;
  /** Per parameter, its own step count t. */
  steps: number[];
  /** Per parameter, in the order given to the constructor: its named state buffers. */
  state: Array<Record<string, TypedArray>>;
  options: Record<string, unknown>;
}

/**
 * Base of the optimizers (concepts §6): the parameter list, per-parameter state and step counts,
 * zeroGrad, a settable learning rate (for schedules) and a bit-exact stateDict/loadStateDict.
 */
export abstract class Optimizer {
  readonly params: Tensor[];
  /** Number of step() calls made. */
  stepCount = 0;
  protected readonly state = new Map<Tensor, Record<string, Tensor>>();
  /** Per-parameter step count t (a parameter without a gradient in a step is not advanced). */
  protected readonly steps = new Map<Tensor, number>();

  constructor(params: Iterable<Tensor>, name: string) {
    this.params = paramList(name, params);
    if (this.params.length === 0) throw new ArgumentError(name, 'got an empty parameter list', {});
    // a frozen parameter (requiresGrad false) is accepted, as in torch.optim: it gets no gradient,
    // so step() leaves it alone until it is unfrozen (fine-tuning, affine: false, LSUV)
  }

  /**
   * Applies one update to every parameter that has a gradient. Takes no arguments (PyTorch's
   * closure is not supported); every gradient is checked before any parameter changes.
   */
  abstract step(): void;

  /**
   * Zeroes the gradients in place, keeping each parameter's gradient buffer for the next backward
   * (PyTorch's zero_grad(set_to_none=False)), so a training loop allocates no gradient memory
   * after its first step. `{ setToNone: true }` drops the buffers instead (PyTorch 2's default).
   */
  zeroGrad(opts: { setToNone?: boolean } = {}): void {
    const setToNone = zeroGradOptions(`${this.constructor.name}.zeroGrad`, opts);
    for (const p of this.params) zeroGradOf(p, setToNone);
  }

  /** The options of the concrete optimizer; every optimizer has a learning rate. */
  protected abstract o: { lr: number };

  /** Current learning rate (schedules change it through this). */
  get lr(): number {
    return this.o.lr;
  }
  set lr(v: number) {
    this.o.lr = checkNumber(`${this.constructor.name}.lr`, 'lr', v, { min: 0 });
  }

  /**
   * A state buffer of p, created as zeros on first use; pinned when p is long-lived (a
   * parameter), else an ordinary temporary: an optimizer made per step for a fresh leaf must not
   * pin memory that finalization cannot release inside a synchronous loop (docs/design.md §3).
   */
  protected buffer(p: Tensor, key: string): Tensor {
    let s = this.state.get(p);
    if (!s) this.state.set(p, (s = {}));
    let b = s[key];
    if (!b) {
      b = zerosLike(p);
      if (p.longLived) keepAlive(b);
      s[key] = b;
    }
    return b;
  }

  protected hasBuffer(p: Tensor, key: string): boolean {
    return this.state.get(p)?.[key] !== undefined;
  }

  protected abstract options(): Record<string, unknown>;

  /** Step count, options and every state buffer (copies), so a resume is bit-exact. */
  stateDict(): OptimizerState {
    return {
      step: this.stepCount,
      steps: this.params.map((p) => this.steps.get(p) ?? 0),
      state: this.params.map((p) => {
        const out: Record<string, TypedArray> = {};
        for (const [k, t] of Object.entries(this.state.get(p) ?? {})) out[k] = t.toTypedArray();
        return out;
      }),
      options: this.options(),
    };
  }

  /**
   * Restores step counts, options (a schedule may have changed lr) and every state buffer, as
   * PyTorch's load_state_dict. Everything is checked first: a mismatch throws and changes nothing.
   */
  loadStateDict(s: OptimizerState): void {
    checkState(`${this.constructor.name}.loadStateDict`, s);
    if (s.state.length !== this.params.length || s.steps.length !== this.params.length) {
      throw new CheckpointError(this.constructor.name, 'optimizer state has a different number of parameters', {
        note: `state ${s.state.length}, optimizer ${this.params.length}`,
      });
    }
    s.state.forEach((entry, i) => {
      for (const [k, data] of Object.entries(entry)) {
        if (data.length !== this.params[i].size) {
          throw new CheckpointError(this.constructor.name, `state '${k}' of parameter ${i} has ${data.length} values, expected ${this.params[i].size}`);
        }
      }
    });
    this.loadOptions(s.options);
    this.state.clear();
    this.steps.clear();
    s.state.forEach((entry, i) => {
      for (const [k, data] of Object.entries(entry)) {
        const b = this.buffer(this.params[i], k);
        b.backend.write(b.storage, data);
      }
    });
    this.stepCount = s.step;
    s.steps.forEach((t, i) => this.steps.set(this.params[i], t));
  }

  /** Validates and adopts saved options; throws (changing nothing) if they are invalid. */
  protected abstract loadOptions(options: Record<string, unknown>): void;

  /** Advances and returns p's own step count. */
  protected nextStep(p: Tensor): number {
    const t = (this.steps.get(p) ?? 0) + 1;
    this.steps.set(p, t);
    return t;
  }

  /**
   * The gradient of every parameter (null where there is none), each checked — on p's backend,
   * dtype and size, both alive — before step() changes anything; `args` are step's arguments.
   */
  protected gradients(args: ArrayLike<unknown>): (Tensor | null)[] {
    const op = `${this.constructor.name}.step`;
    if (args.length > 0) throw badArg(op, 'takes no arguments (closures are not supported)', args[0]);
    return this.params.map((p) => {
      p.assertAlive(op);
      const g = this.gradOf(p);
      g?.assertAlive(op);
      return g;
    });
  }

  /** The gradient of p on p's backend and dtype, or null. */
  protected gradOf(p: Tensor): Tensor | null {
    const g = p.grad;
    if (!g) return null;
    if (g.dtype !== p.dtype || g.backend !== p.backend || g.size !== p.size) {
      throw new ArgumentError(`${this.constructor.name}.step`, 'a gradient must match its parameter in shape, dtype and backend', {
        got: [['param', p.shape], ['grad', g.shape]],
      });
    }
    return g;
  }
}

/** The parameters as an array of Tensors; `model.parameters` (the method) gets a pointer. */
function paramList(name: string, params: unknown): Tensor[] {
  const iterable = typeof params === 'object' && params !== null && typeof (params as Iterable<unknown>)[Symbol.iterator] === 'function';
  if (!iterable || params instanceof Tensor) {
    const hint = typeof params === 'function' && params.name === 'parameters' ? 'call it: model.parameters()'
      : typeof (params as { parameters?: unknown })?.parameters === 'function' ? 'pass model.parameters()'
      : params instanceof Tensor ? `pass a list: new ${name}([w], …)` : undefined;
    throw badArg(name, 'params must be an iterable of parameters (tensors that require grad)', params, hint);
  }
  const list = [...(params as Iterable<unknown>)];
  list.forEach((p, i) => {
    if (!(p instanceof Tensor)) throw notTensor(name, `params[${i}]`, p);
  });
  return list as Tensor[];
}

/** The rule of each option of an optimizer: a number range, a boolean, or Adam's betas pair. */
export type OptionRule = NumberRule | 'boolean' | 'betas';

/**
 * An optimizer's options over its `defaults`: only known keys, each checked against its rule
 * (finite numbers, PyTorch's ranges), before the optimizer changes anything (concepts §6).
 */
export function optimOptions<T extends object>(name: string, opts: unknown, defaults: T, rules: Record<keyof T, OptionRule>): T {
  if (typeof opts === 'number') throw badArg(name, 'options must be an object', opts, `write new ${name}(params, { lr: ${opts} })`);
  const o = checkOptions(name, opts as Partial<T> | undefined, Object.keys(rules));
  const out = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  for (const [k, r] of Object.entries(rules) as [string, OptionRule][]) {
    const v = out[k];
    if (r === 'boolean') checkBool(name, k, v);
    else if (r === 'betas') {
      if (!Array.isArray(v) || v.length !== 2) throw badArg(name, 'betas must be a pair [beta1, beta2]', v);
      v.forEach((b, i) => checkNumber(name, `betas[${i}]`, b, { min: 0, max: 1, below: true }));
      out[k] = [v[0], v[1]];
    } else checkNumber(name, k, v, r);
  }
  return out as T;
}

function checkState(op: string, s: unknown): void {
  const st = s as Partial<OptimizerState> | null;
  if (typeof st !== 'object' || st === null) throw badArg(op, 'state must be an object from stateDict()', s);
  const ok = Number.isSafeInteger(st.step) && (st.step as number) >= 0 && Array.isArray(st.steps) &&
    st.steps.every((t) => Number.isSafeInteger(t) && t >= 0) && Array.isArray(st.state) &&
    st.state.every((e) => typeof e === 'object' && e !== null &&
      Object.values(e).every((d) => ArrayBuffer.isView(d) || Array.isArray(d))) &&
    typeof st.options === 'object' && st.options !== null;
  if (!ok) throw badArg(op, 'state must hold step, steps, state and options as stateDict() returns them', s);
}
