// defineOp: an op is one object holding its name, argument names, shape rule, forward and
// backward (STYLE §3.2). The engine is the only caller of these fields.

import type { DType } from '../core/dtype.js';
import { BackendError } from '../core/errors.js';
import { badArg, checkFunction } from '../core/check.js';
import { notTensor } from '../tensor/expect.js';
import type { Backend } from '../backend/kernels.js';
import { Tensor, type GradNode } from '../tensor/tensor.js';
import { isGradEnabled, setGradEnabled } from './no-grad.js';
import { trackAlloc } from '../tensor/alloc-scope.js';

/** What a shape rule sees of an input: its shape and dtype, nothing else. */
export interface TensorMeta {
  readonly shape: readonly number[];
  readonly dtype: DType;
}

export interface OutMeta {
  shape: readonly number[];
  dtype: DType;
}

export interface ForwardCtx<A> {
  /** The kernels of the inputs' backend. */
  readonly k: Backend;
  readonly inputs: readonly Tensor[];
  readonly attrs: A;
  /** The output, already allocated from the shape rule (for `alias` ops: sharing input 0). */
  readonly out: Tensor;
  /** True when this call is recorded for backward; save only then. */
  readonly needsGrad: boolean;
  /** Keeps tensors for backward (ignored when the call is not recorded). */
  save(...tensors: Tensor[]): void;
  /** Non-tensor data for backward (e.g. a computed scale), kept only when recorded. */
  stash: unknown;
  /**
   * Saves a tensor the forward made privately (never returned to the user): its memory is
   * released with the node after backward, not left to eviction or the garbage collector.
   */
  saveOwned(t: Tensor): void;
}

export interface BackwardCtx<A> {
  readonly inputs: readonly Tensor[];
  readonly attrs: A;
  readonly saved: readonly Tensor[];
  readonly stash: unknown;
  /**
   * Where the gradient of input `i` may be written directly, or null: the leaf's own gradient
   * buffer (the input's shape, `dtype`), offered by the engine in a plain (not createGraph)
   * backward when nothing in the graph reads that buffer. The op then writes the gradient into
   * `out` — overwriting it when `accumulate` is false, adding to it when true — and returns
   * GRAD_WRITTEN for that input. So a weight gradient goes from the matmul kernel straight into
   * `.grad`: no temporary, no separate add, no zero-fill (docs/design.md §3). With
   * `overwriteOnly`, a buffer that would need adding to is not offered (for kernels that cannot
   * accumulate).
   */
  gradTarget(i: number, dtype: DType, opts?: { overwriteOnly?: boolean }): GradTarget | null;
}

/** A leaf's gradient buffer handed to an op's backward (BackwardCtx.gradTarget). */
export interface GradTarget {
  readonly out: Tensor;
  /** Add into `out` (it holds an earlier gradient) instead of overwriting it. */
  readonly accumulate: boolean;
}

/** Returned by a backward for an input whose gradient it wrote through gradTarget. */
export const GRAD_WRITTEN: unique symbol = Symbol('nabla.gradWritten');
export type GradResult = Tensor | null | typeof GRAD_WRITTEN;

type GradTargetHook = (node: RecordedNode, i: number, dtype: DType, overwriteOnly: boolean) => GradTarget | null;
let gradTargetHook: GradTargetHook | null = null;
/** Installed by the engine for the duration of a plain backward pass; returns the previous hook. */
export function setGradTargetHook(h: GradTargetHook | null): GradTargetHook | null {
  const prev = gradTargetHook;
  gradTargetHook = h;
  return prev;
}

export interface OpDef<A> {
  /** The one spelling: public function name, error prefix, kernel key. */
  readonly name: string;
  /** Section of docs/concepts.md, e.g. '§2'. */
  readonly spec: string;
  /** User-facing argument names, as error messages print them. */
  readonly args: readonly string[];
  /** The only place where validity is decided; pure on shapes, dtypes and attrs. */
  shape(inputs: readonly TensorMeta[], attrs: A): OutMeta;
  /** Fills ctx.out with kernels (and may save what backward needs). */
  forward(ctx: ForwardCtx<A>): void;
  /**
   * Gradient for each input, written with nabla ops (so it runs on every backend and can itself be
   * differentiated). Return null for inputs without a gradient. Broadcast inputs may receive a
   * gradient of the output's shape: the engine sums it down.
   */
  backward?(ctx: BackwardCtx<A>, dy: Tensor): readonly GradResult[];
  /** The output shares input 0's storage (reshape); forward only validates. */
  readonly alias?: boolean;
}

class OpNode<A> implements GradNode, ForwardCtx<A>, BackwardCtx<A> {
  saved: Tensor[] = [];
  /** The storages' versions when the node was recorded: inputs first, then saved tensors. */
  versions: number[] = [];
  stash: unknown = undefined;
  released = false;
  constructor(
    readonly def: OpDef<A>,
    readonly k: Backend,
    readonly inputs: readonly Tensor[],
    readonly attrs: A,
    readonly out: Tensor,
    readonly needsGrad: boolean,
  ) {}
  get opName(): string {
    return this.def.name;
  }
  private owned: Tensor[] | null = null;
  save(...tensors: Tensor[]): void {
    if (this.needsGrad) for (const t of tensors) this.saved.push(t);
  }
  /** Records the versions of the inputs and saved tensors (called once the forward ran). */
  stampVersions(): void {
    for (const t of this.inputs) this.versions.push(t.storage.version ?? 0);
    for (const t of this.saved) this.versions.push(t.storage.version ?? 0);
  }
  saveOwned(t: Tensor): void {
    this.saved.push(t);
    (this.owned ??= []).push(t);
  }
  gradTarget(i: number, dtype: DType, opts?: { overwriteOnly?: boolean }): GradTarget | null {
    return gradTargetHook ? gradTargetHook(this as unknown as RecordedNode, i, dtype, opts?.overwriteOnly === true) : null;
  }
  release(): void {
    if (this.owned) for (const t of this.owned) t.dispose();
    this.owned = null;
    this.saved = [];
    this.versions = [];
    this.stash = undefined;
    this.released = true;
  }
}

export interface Op<A> {
  readonly def: OpDef<A>;
  /**
   * Runs the op on tensors of one backend, recording it for backward where needed. An op without
   * tensor inputs (a random fill) names its backend in `on`; with inputs, `on` must be theirs.
   */
  apply(inputs: readonly Tensor[], attrs: A, on?: Backend): Tensor;
}

/** The engine-internal view of a recorded node (autograd/engine uses it). */
export interface RecordedNode extends GradNode {
  readonly def: OpDef<unknown>;
  /** Storage versions of the inputs, then the saved tensors, when recorded. */
  readonly versions: readonly number[];
  readonly attrs: unknown;
  readonly saved: readonly Tensor[];
  readonly stash: unknown;
  readonly released: boolean;
  gradTarget(i: number, dtype: DType, opts?: { overwriteOnly?: boolean }): GradTarget | null;
}

/**
 * Makes an op from one definition: name, argument names, shape rule, forward and backward
 * (concepts §2: every op is a graph node with a forward and a backward). `apply` checks the shapes,
 * runs the forward and, when an input requires grad and recording is on, records the node.
 */
export function defineOp<A = Record<string, never>>(def: OpDef<A>): Op<A> {
  checkDef(def as OpDef<unknown>);
  return {
    def,
    apply(inputs: readonly Tensor[], attrs: A, on?: Backend): Tensor {
      if (!Array.isArray(inputs) || (inputs.length === 0 && on === undefined)) throw notInputs(def, inputs);
      if (inputs.length > 0 && !(inputs[0] instanceof Tensor)) throw notTensorInput(def, inputs, 0);
      if (on !== undefined && inputs.length > 0 && inputs[0] instanceof Tensor && inputs[0].backend !== on) {
        throw new BackendError(def.name, 'the inputs must live on the backend the op is asked to run on', {
          got: [['on', on.name], [def.args[0] ?? 'input0', inputs[0].backend.name]],
        });
      }
      const k = on ?? inputs[0].backend;
      let anyGrad = false;
      for (let i = 0; i < inputs.length; i++) {
        const t = inputs[i];
        if (!(t instanceof Tensor)) throw notTensorInput(def, inputs, i);
        if (t.backend !== k) throw mixedBackends(def, inputs);
        t.assertAlive(def.name);
        if (t.requiresGrad) anyGrad = true;
      }
      const meta = def.shape(inputs, attrs);
      let size = 1;
      for (let i = 0; i < meta.shape.length; i++) size *= meta.shape[i];
      const storage = def.alias ? inputs[0].storage : k.alloc(meta.dtype, size, def.name);
      if (!def.alias) trackAlloc(k, storage);
      const out = new Tensor(storage, meta.shape, k, meta.dtype);
      const needsGrad = anyGrad && def.backward !== undefined && isGradEnabled();
      const node = new OpNode<A>(def, k, inputs, attrs, out, needsGrad);
      if (!def.alias) {
        const prev = setGradEnabled(false);
        try {
          def.forward(node);
        } finally {
          setGradEnabled(prev);
        }
      }
      if (needsGrad) {
        node.stampVersions();
        out.requiresGrad = true;
        out.gradFn = node;
      }
      return out;
    },
  };
}

function checkDef(def: OpDef<unknown>): void {
  if (typeof def !== 'object' || def === null) {
    throw badArg('defineOp', 'def must be an object { name, spec, args, shape, forward, backward? }', def);
  }
  if (typeof def.name !== 'string' || def.name === '') throw badArg('defineOp', 'name must be a non-empty string', def.name);
  if (!Array.isArray(def.args) || !def.args.every((a) => typeof a === 'string')) {
    throw badArg(`defineOp(${def.name})`, 'args must be an array of argument names', def.args);
  }
  checkFunction(`defineOp(${def.name})`, 'shape', def.shape);
  checkFunction(`defineOp(${def.name})`, 'forward', def.forward);
  if (def.backward !== undefined) checkFunction(`defineOp(${def.name})`, 'backward', def.backward);
}

/** `relu: x must be a Tensor; got [1, 2] (array)`; an op of a list (cat) names `tensors[i]`. */
function notTensorInput(def: OpDef<unknown>, inputs: readonly unknown[], i: number) {
  const arg = def.args.length === 1 && inputs.length > 1 ? `${def.args[0]}[${i}]` : def.args[i] ?? `inputs[${i}]`;
  return notTensor(def.name, arg, inputs[i]);
}

function notInputs(def: OpDef<unknown>, inputs: unknown) {
  return badArg(def.name, 'inputs must be a non-empty array of Tensors (an op without inputs names its backend)', inputs);
}

function mixedBackends(def: OpDef<unknown>, inputs: readonly Tensor[]) {
  return new BackendError(def.name, 'all inputs must live on the same backend', {
    got: inputs.map((t, i) => [def.args[i] ?? `input${i}`, `${t.backend.name}`] as [string, string]),
  });
}
