// The optimizer base: a list of parameters (never a module: optim does not import nn), per-
// parameter state keyed by the parameter object, option validation, and state save/restore.

import { ArgumentError, CheckpointError } from '../core/errors.js';
import type { TypedArray } from '../core/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { zerosLike } from '../tensor/create.js';
import { zeroGradOf } from '../autograd/zero-grad.js';

export interface OptimizerState {
  step: number;
  /** Per parameter, its own step count t. */
  steps: number[];
  /** Per parameter, in the order given to the constructor: its named state buffers. */
  state: Array<Record<string, TypedArray>>;
  options: Record<string, unknown>;
}

/**
 * Base of the optimizers (SPEC §6): the parameter list, per-parameter state and step counts,
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
    this.params = [...params];
    if (this.params.length === 0) throw new ArgumentError(name, 'got an empty parameter list', {});
    this.params.forEach((p, i) => {
      if (!p.requiresGrad) {
        throw new ArgumentError(name, `parameter ${i} does not require grad`, { got: [[p.name ?? `params[${i}]`, p.shape]] });
      }
    });
  }

  /** Applies one update to every parameter that has a gradient. */
  abstract step(): void;

  /**
   * Zeroes the gradients in place, keeping each parameter's gradient buffer for the next backward
   * (PyTorch's zero_grad(set_to_none=False)), so a training loop allocates no gradient memory
   * after its first step. `{ setToNone: true }` drops the buffers instead (PyTorch 2's default).
   */
  zeroGrad(opts: { setToNone?: boolean } = {}): void {
    for (const p of this.params) zeroGradOf(p, opts.setToNone ?? false);
  }

  /** The options of the concrete optimizer; every optimizer has a learning rate. */
  protected abstract o: { lr: number };

  /** Current learning rate (schedules change it through this). */
  get lr(): number {
    return this.o.lr;
  }
  set lr(v: number) {
    this.o.lr = v;
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
      if (p.longLived) {
        b.longLived = true;
        b.backend.pin(b.storage);
      }
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

  /** Throws unless `value` lies in the range; names the option and its value (PyTorch style). */
  protected static check(name: string, option: string, value: number, ok: boolean): void {
    if (!ok || Number.isNaN(value)) {
      throw new ArgumentError(name, `invalid ${option}: ${value}`, { option, value });
    }
  }

  /** The gradient of p on p's backend and dtype, or null. */
  protected gradOf(p: Tensor): Tensor | null {
    const g = p.grad;
    if (!g) return null;
    if (g.dtype !== p.dtype || g.backend !== p.backend || g.size !== p.size) {
      throw new ArgumentError(this.constructor.name, 'a gradient must match its parameter in shape, dtype and backend', {
        got: [['param', p.shape], ['grad', g.shape]],
      });
    }
    return g;
  }
}
