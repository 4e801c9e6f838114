// Module: parameters and submodules found from the module's own fields (PyTorch registration by
// reflection), PyTorch-compatible parameter paths, and the train/eval flag.

import { CheckpointError, DTypeError, formatShape } from '../core/errors.js';
import { badArg, checkBool } from '../core/check.js';
import { notTensor } from '../tensor/expect.js';
import { sameShape } from '../core/shape.js';
import type { DType, TypedArray } from '../core/dtype.js';
import { Tensor } from '../tensor/tensor.js';
import { Parameter } from './parameter.js';
import { Buffer } from './buffer.js';
import { zeroGradOf, zeroGradOptions } from '../autograd/zero-grad.js';
import { noGrad } from '../autograd/no-grad.js';
import { fromArray } from '../tensor/create.js';
import { copy_ } from '../ops/inplace.js';

/**
 * A field's state_dict key: PyTorch's snake_case spelling of the camelCase field (runningMean →
 * running_mean, fcA → fc_a); a capital after a capital or at the start stays (W, URL).
 */
export function stateKey(field: string): string {
  return field.replace(/(?<=[a-z0-9])[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The input of `m.forward` as a Tensor, or `Linear.forward: input must be a Tensor; got [[1, 2]]
 * (array)` (docs/design.md §7). Every module's forward checks its inputs through this.
 */
export function forwardInput(m: Module, x: unknown, arg = 'input', hint?: string): Tensor {
  if (!(x instanceof Tensor)) throw notTensor(`${m.constructor.name}.forward`, arg, x, hint);
  return x;
}

/** `v` as a Module, or an error naming `op` and `arg` (with a hint for a class or an array). */
export function checkModuleArg(op: string, arg: string, v: unknown): Module {
  if (v instanceof Module) return v;
  const isClass = typeof v === 'function' && (v as { prototype?: unknown }).prototype instanceof Module;
  const hint = isClass ? `construct it: new ${(v as { name: string }).name}(…)`
    : Array.isArray(v) && op === 'Sequential' ? 'pass the modules as separate arguments: new Sequential(a, b, …)' : undefined;
  throw badArg(op, `${arg} must be a Module`, v, hint);
}

/**
 * The input of a layer with parameters of `dtype` must have that dtype: a float64 batch into a
 * float32 layer is an error naming both (PyTorch refuses it too), not a silent float32 computation.
 */
export function forwardDType(m: Module, x: Tensor, dtype: DType, arg = 'input'): Tensor {
  if (x.dtype !== dtype) {
    throw new DTypeError(`${m.constructor.name}.forward`, `${arg} must have the layer's dtype ${dtype}`, {
      got: [[arg, x.dtype], ['parameters', dtype]],
    }, `convert the ${arg}: x.to('${dtype}'), or make the layer with { dtype: '${x.dtype}' }`);
  }
  return x;
}

/**
 * Base class of layers and models (concepts §3), as `torch.nn.Module`. One rule finds the state: a
 * field holding a Parameter is a parameter, a Buffer a buffer, a Module (or an array of them) a
 * child, each under its PyTorch state_dict key (the field name in snake_case: `runningMean` →
 * `running_mean`; children as `name.` prefixes, array items as `name.i.`). train()/eval() set the
 * `training` flag of every module below.
 */
export abstract class Module {
  /** Read by dropout and batch norm; flipped by train() / eval(). */
  training = true;

  abstract forward(...inputs: Tensor[]): Tensor;

  /** Direct submodules with their names (fields, arrays of modules as `name.i`). */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const [key, v] of Object.entries(this)) {
      if (v instanceof Module) out.push([stateKey(key), v]);
      else if (Array.isArray(v) && v.length > 0 && v.every((m) => m instanceof Module)) {
        v.forEach((m, i) => out.push([`${stateKey(key)}.${i}`, m as Module]));
      }
    }
    return out;
  }

  /** Parameters owned directly by this module (fields holding a Parameter). */
  protected ownParameters(): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    for (const [key, v] of Object.entries(this)) if (v instanceof Parameter) out.push([stateKey(key), v]);
    return out;
  }

  /** Buffers owned directly by this module (fields holding a Buffer). */
  protected ownBuffers(): [string, Buffer][] {
    const out: [string, Buffer][] = [];
    for (const [key, v] of Object.entries(this)) if (v instanceof Buffer) out.push([stateKey(key), v]);
    return out;
  }

  /** Every parameter with its PyTorch state_dict path, e.g. `0.weight` in a Sequential. */
  namedParameters(prefix = ''): [string, Parameter][] {
    if (typeof prefix !== 'string') throw badArg(`${this.constructor.name}.namedParameters`, 'prefix must be a string', prefix);
    const out = this.ownParameters().map(([k, p]) => [prefix + k, p] as [string, Parameter]);
    for (const [name, child] of this.namedChildren()) out.push(...child.namedParameters(`${prefix}${name}.`));
    return out;
  }

  /**
   * This module and every module below it, each once (a shared child at its first path), depth
   * first, with its path: '' for this one, then `0`, `0.fc`, … Matches `torch.nn.Module.named_modules`.
   */
  namedModules(prefix = ''): [string, Module][] {
    if (typeof prefix !== 'string') throw badArg(`${this.constructor.name}.namedModules`, 'prefix must be a string', prefix);
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    const walk = (m: Module, path: string): void => {
      if (seen.has(m)) return;
      seen.add(m);
      out.push([path, m]);
      for (const [name, child] of m.namedChildren()) walk(child, path === '' ? name : `${path}.${name}`);
    };
    walk(this, prefix);
    return out;
  }

  /** Every parameter once (a tied parameter reachable by two paths is listed once, as torch). */
  parameters(): Parameter[] {
    return [...new Set(this.namedParameters().map(([, p]) => p))];
  }

  /** Every buffer (persistent or not) with its state_dict path, e.g. `1.running_mean`. */
  namedBuffers(prefix = ''): [string, Buffer][] {
    if (typeof prefix !== 'string') throw badArg(`${this.constructor.name}.namedBuffers`, 'prefix must be a string', prefix);
    const out = this.ownBuffers().map(([k, b]) => [prefix + k, b] as [string, Buffer]);
    for (const [name, child] of this.namedChildren()) out.push(...child.namedBuffers(`${prefix}${name}.`));
    return out;
  }

  /** Every buffer once. */
  buffers(): Buffer[] {
    return [...new Set(this.namedBuffers().map(([, b]) => b))];
  }

  /** What stateDict saves and loadStateDict restores: parameters, then persistent buffers. */
  private namedState(): [string, Tensor][] {
    const state: [string, Tensor][] = [...this.namedParameters(), ...this.namedBuffers().filter(([, b]) => b.persistent)];
    const seen = new Map<string, Tensor>();
    for (const [k, t] of state) {
      // two fields with one key (fcA and fc_a): one of them would be lost on save
      if (seen.has(k) && seen.get(k) !== t) {
        throw new CheckpointError(this.constructor.name, `two different tensors have the state_dict key '${k}'`, {}, 'rename one of the fields');
      }
      seen.set(k, t);
    }
    return state;
  }

  /**
   * Sets requiresGrad on every parameter (false freezes the module: optimizers skip frozen
   * parameters, backward gives them no gradient). Returns this. Matches `torch.nn.Module.requires_grad_`.
   */
  requiresGrad_(on = true): this {
    checkBool(`${this.constructor.name}.requiresGrad_`, 'on', on);
    for (const p of this.parameters()) p.requiresGrad_(on);
    return this;
  }

  /** Training mode (dropout active, batch norm uses batch statistics). Returns this. */
  train(on = true): this {
    checkBool(`${this.constructor.name}.train`, 'on', on, (on as unknown) === 'eval' ? 'write model.eval()' : undefined);
    this.training = on;
    for (const [, c] of this.namedChildren()) c.train(on);
    return this;
  }

  /** Evaluation mode. Returns this. */
  eval(): this {
    return this.train(false);
  }

  /**
   * Zeroes every parameter's gradient in place, keeping the buffers (PyTorch's
   * zero_grad(set_to_none=False)); `{ setToNone: true }` drops them instead.
   */
  zeroGrad(opts: { setToNone?: boolean } = {}): void {
    const setToNone = zeroGradOptions(`${this.constructor.name}.zeroGrad`, opts);
    for (const p of this.parameters()) zeroGradOf(p, setToNone);
  }

  /** Parameters and buffers by path, as copies of their data (PyTorch's state_dict layout). */
  stateDict(): Map<string, { shape: readonly number[]; dtype: Tensor['dtype']; data: TypedArray }> {
    const out = new Map<string, { shape: readonly number[]; dtype: Tensor['dtype']; data: TypedArray }>();
    for (const [k, t] of this.namedState()) {
      out.set(k, { shape: t.shape, dtype: t.dtype, data: t.toTypedArray() });
    }
    return out;
  }

  /**
   * Copies values into the parameters and buffers, in place. Every key must match by name and
   * shape (strict, like PyTorch): a missing, unexpected or mis-shaped entry throws and changes
   * nothing.
   */
  loadStateDict(state: Map<string, { shape: readonly number[]; data: ArrayLike<number> } | Tensor>): void {
    const op = `${this.constructor.name}.loadStateDict`;
    if (!(state instanceof Map)) {
      throw badArg(op, 'state must be a Map from stateDict()', state,
        typeof state === 'object' && state !== null ? 'a plain object converts with new Map(Object.entries(obj))' : undefined);
    }
    for (const [k, v] of state) {
      const ok = v instanceof Tensor || (typeof v === 'object' && v !== null && Array.isArray(v.shape) &&
        (Array.isArray(v.data) || ArrayBuffer.isView(v.data)));
      if (!ok) throw badArg(op, `state '${k}' must be a Tensor or { shape, data }`, v);
    }
    const own = new Map<string, Tensor>(this.namedState());
    const missing = [...own.keys()].filter((k) => !state.has(k));
    const unexpected = [...state.keys()].filter((k) => !own.has(k));
    if (missing.length || unexpected.length) {
      throw new CheckpointError(this.constructor.name, 'state dict keys do not match the model', {
        note: `missing: [${missing.join(', ')}]; unexpected: [${unexpected.join(', ')}]`,
      });
    }
    for (const [k, t] of own) {
      const s = state.get(k)!;
      if (s instanceof Tensor) s.assertAlive(op);
      const data = s instanceof Tensor ? s : s.data;
      if (!sameShape(s.shape, t.shape)) {
        throw new CheckpointError(this.constructor.name, `shape mismatch for ${k}`, { got: [['checkpoint', s.shape], ['model', t.shape]] });
      }
      const n = data instanceof Tensor ? data.size : data.length;
      if (n !== t.size) {
        throw new CheckpointError(this.constructor.name, `${k} has ${n} values, expected ${t.size} for shape ${formatShape(t.shape)}`);
      }
    }
    // every source made (and its values checked) before the first copy: a bad one changes nothing
    const sources = [...own].map(([k, t]) => {
      const s = state.get(k)!;
      return s instanceof Tensor ? s : fromArray(s.data, t.shape, { dtype: t.dtype, backend: t.backend.name });
    });
    noGrad(() => [...own.values()].forEach((t, i) => copy_(t, sources[i])));
  }

  /** `Linear(in_features=784, out_features=256)`-style summary, nested for containers. */
  toString(): string {
    const children = this.namedChildren();
    const head = `${this.constructor.name}(${this.extraRepr()}`;
    if (children.length === 0) return `${head})`;
    const inner = children.map(([n, c]) => `  (${n}): ${c.toString().replace(/\n/g, '\n  ')}`).join('\n');
    return `${head}\n${inner}\n)`;
  }

  protected extraRepr(): string {
    return '';
  }
}
