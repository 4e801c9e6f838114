// Reverse-mode autodiff: walks the recorded graph in reverse topological order, calls each op's
// backward with the upstream gradient, sums a broadcast input's gradient back to its shape (once,
// here, not in every op), and adds gradients that arrive by several paths.

import { ArgumentError, NablaError } from '../core/errors.js';
import { checkBool, checkOptions } from '../core/check.js';
import { expectTensor, notTensor } from '../tensor/expect.js';
import { sameShape } from '../core/shape.js';
import { Tensor, type GradNode } from '../tensor/tensor.js';
import type { Storage } from '../backend/kernels.js';
import { isFloat, type DType } from '../core/dtype.js';
import { GRAD_WRITTEN, setGradTargetHook, type GradTarget, type RecordedNode } from './define-op.js';
import { withGradEnabled } from './no-grad.js';
import { untracked, withAllocScope } from '../tensor/alloc-scope.js';

/** The two ops the engine needs; installed by ops/index.ts (ops sit above autograd). */
export interface GradMath {
  add(a: Tensor, b: Tensor): Tensor;
  /** Sums a gradient of a broadcast shape down to `shape`. */
  sumTo(g: Tensor, shape: readonly number[]): Tensor;
  onesLike(t: Tensor): Tensor;
  /** A copy with its own storage. */
  clone(t: Tensor): Tensor;
  cast(t: Tensor, dtype: DType): Tensor;
}
let math: GradMath | null = null;
export function installGradMath(m: GradMath): void {
  math = m;
}

export interface BackwardOptions {
  /** Upstream gradient; required unless `root` has one element (then 1). */
  gradient?: Tensor;
  /**
   * Keep saved tensors so backward can run through this graph again. Defaults to `createGraph`
   * (as PyTorch): a gradient built with createGraph leads back through this graph.
   */
  retainGraph?: boolean;
  /** Record the backward pass itself, for higher-order gradients. */
  createGraph?: boolean;
}

function topoOrder(root: GradNode): RecordedNode[] {
  const order: RecordedNode[] = [];
  const seen = new Set<GradNode>();
  const stack: [GradNode, number][] = [[root, 0]];
  seen.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, i] = top;
    if (i < node.inputs.length) {
      top[1]++;
      const child = node.inputs[i].gradFn;
      if (child && !seen.has(child)) {
        seen.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(node as RecordedNode);
    }
  }
  return order.reverse(); // root first
}

/**
 * Computes d root / d leaf for every leaf with requiresGrad and adds it into leaf.grad (concepts §2:
 * each node multiplies the upstream gradient by its local one; gradients from several paths add
 * up). `root.backward()` calls this.
 * @example
 * // the notes' graph f = (x + y)·z at x = −2, y = 5, z = −4
 * const x = tensor(-2, { requiresGrad: true }), y = tensor(5, { requiresGrad: true });
 * const z = tensor(-4, { requiresGrad: true });
 * const f = x.add(y).mul(z);
 * backward(f);
 * [f.item(), x.grad!.item(), y.grad!.item(), z.grad!.item()] // [-12, -4, -4, 3]
 */
export function backward(root: Tensor, opts: BackwardOptions = {}): void {
  if (!math) throw new Error('nabla: ops not loaded (import from the package index)');
  const m = math;
  if (!(root instanceof Tensor)) throw notTensor('backward', 'root', root);
  const o = checkOptions('backward', opts, ['gradient', 'retainGraph', 'createGraph']);
  if (o.gradient !== undefined) expectTensor('backward', 'gradient', o.gradient);
  if (o.retainGraph !== undefined) checkBool('backward', 'retainGraph', o.retainGraph);
  if (o.createGraph !== undefined) checkBool('backward', 'createGraph', o.createGraph);
  root.assertAlive('backward');
  if (!root.requiresGrad) {
    throw new ArgumentError('backward', 'the tensor does not require grad and has no gradFn', {
      got: [['tensor', root.shape]],
    }, 'set requiresGrad on the inputs (parameters do this) before computing the loss');
  }
  let seed = opts.gradient;
  if (!seed) {
    if (root.size !== 1) {
      throw new ArgumentError('backward', 'a gradient must be given for a non-scalar output', {
        got: [['tensor', root.shape]],
      }, 'reduce to a scalar first (e.g. .sum() or .mean()), or pass { gradient }');
    }
    seed = m.onesLike(root);
  } else if (!sameShape(seed.shape, root.shape)) {
    throw new ArgumentError('backward', 'gradient must have the output\'s shape', {
      got: [['tensor', root.shape], ['gradient', seed.shape]],
    });
  }
  if (!root.gradFn) {
    const createGraph = opts.createGraph === true;
    withGradEnabled(createGraph, () => accumulateLeaf(root, seed!, m, createGraph));
    return;
  }
  if (opts.createGraph) {
    withGradEnabled(true, () => run(root.gradFn!, seed!, opts, m));
    return;
  }
  // Every gradient made during the pass is internal except the leaves' .grad: release the rest
  // at once (docs/design.md §3), so the wasm backend never has to evict them.
  withGradEnabled(false, () =>
    withAllocScope(() => run(root.gradFn!, seed!, opts, m), (leaves) => [...leaves].map((x) => x.grad!.storage)));
}

/** Runs the pass; returns the leaves whose .grad it set. */
function run(rootNode: GradNode, seed: Tensor, opts: BackwardOptions, m: GradMath): Set<Tensor> {
  // Leaf gradients are summed here and added into .grad only after every node ran: a leaf's
  // gradient buffer may itself be an input of this graph (saved by a node that runs later), and
  // the in-place add must not change it under that node (PyTorch would refuse; this reads it as
  // the forward did).
  const leafGrads = new Map<Tensor, Tensor>();
  const order = topoOrder(rootNode);
  const grads = new Map<GradNode, Tensor>([[rootNode, seed]]);
  // leaves whose gradient an op wrote straight into .grad (BackwardCtx.gradTarget)
  const written = new Set<Tensor>();
  let readByGraph: Set<Storage> | null = null;
  const target = (node: RecordedNode, i: number, dtype: DType, overwriteOnly: boolean): GradTarget | null => {
    const x = node.inputs[i];
    if (x.gradFn !== null || !x.requiresGrad) return null;
    const { buf, stale } = x.peekGrad();
    if (buf === null || buf.isDisposed || buf.requiresGrad || buf.backend !== x.backend || buf.dtype !== dtype ||
      !sameShape(buf.shape, x.shape) || (overwriteOnly && !stale)) return null;
    // the buffer must not be read by a node of this pass (the reason leafGrads waits for the end)
    readByGraph ??= storagesRead(order, seed);
    if (readByGraph.has(buf.storage)) return null;
    x.claimGrad();
    written.add(x);
    return { out: buf, accumulate: !stale };
  };
  const prevHook = setGradTargetHook(opts.createGraph ? null : target);
  try {
    walk(order, grads, leafGrads, m, opts);
  } finally {
    setGradTargetHook(prevHook);
  }
  for (const [x, g] of leafGrads) accumulateLeaf(x, g, m, opts.createGraph === true);
  for (const x of leafGrads.keys()) written.add(x);
  return written;
}

/**
 * Every storage the nodes of a pass read (inputs and saved tensors) and the seed. A gradient
 * buffer among them that zeroGrad marked after the forward read it is zero-filled now: ops that
 * write through gradTarget read their saved operands with kernels directly, not through an op.
 */
function storagesRead(order: readonly RecordedNode[], seed: Tensor): Set<Storage> {
  const s = new Set<Storage>([seed.storage]);
  const add = (t: Tensor) => {
    if (t.storage.zeroPending === true && !t.storage.freed) t.assertAlive('backward');
    s.add(t.storage);
  };
  for (const node of order) {
    for (const t of node.inputs) add(t);
    for (const t of node.saved) add(t);
  }
  return s;
}

function walk(order: readonly RecordedNode[], grads: Map<GradNode, Tensor>, leafGrads: Map<Tensor, Tensor>, m: GradMath,
  opts: BackwardOptions): void {
  for (const node of order) {
    const dy = grads.get(node);
    if (!dy) continue;
    grads.delete(node);
    if (node.released) {
      throw new NablaError('argument', 'backward',
        `trying to backward through the graph a second time (through ${node.def.name})`, {},
        'pass { retainGraph: true } to the first backward() if you need to');
    }
    const def = node.def;
    checkVersions(node);
    const dxs = def.backward!(node, dy);
    for (let i = 0; i < node.inputs.length; i++) {
      const x = node.inputs[i];
      const dx = dxs[i];
      if (!dx || dx === GRAD_WRITTEN || !x.requiresGrad) continue;
      let g = sameShape(dx.shape, x.shape) ? dx : m.sumTo(dx, x.shape);
      // a gradient has its input's dtype (PyTorch's engine casts too): a float32 weight used with
      // float64 data gets a float32 .grad its optimizer can apply
      if (g.dtype !== x.dtype && isFloat(x.dtype)) g = m.cast(g, x.dtype);
      if (x.gradFn) {
        const prev = grads.get(x.gradFn);
        grads.set(x.gradFn, prev ? m.add(prev, g) : g);
      } else {
        const prev = leafGrads.get(x);
        leafGrads.set(x, prev ? m.add(prev, g) : g);
      }
    }
    if (!(opts.retainGraph ?? opts.createGraph)) node.release();
  }
}

const ADD = { id: 'add', scalar: (a: number, b: number) => a + b };

/**
 * leaf.grad += g. The leaf owns its gradient buffer: the first backward copies g into a new
 * buffer (pinned when the leaf is: a parameter's gradient lives as long; a leaf made every step
 * of a loop leaves a temporary, which eviction bounds, as pinned regions are only released by
 * finalization, which never runs inside a synchronous loop), later ones add into it in place, so a training loop reuses one
 * buffer per parameter (zeroGrad marks it zero; a stale buffer is overwritten, not added to). Never adopts g itself: a gradient tensor may be
 * shared by several paths, or be the caller's `gradient`. With createGraph the sum is an op of
 * the graph instead (the first gradient a recorded clone, as PyTorch's AccumulateGrad).
 * A new buffer is made outside every allocation scope: it escapes to the user, whatever scope
 * (trainStep, a DataLoader transform) the backward ran in.
 */
function accumulateLeaf(x: Tensor, g: Tensor, m: GradMath, createGraph = false): void {
  const { buf: cur, stale } = x.peekGrad();
  const k = x.backend;
  const usable = cur !== null && !cur.isDisposed && cur.backend === k && g.backend === k && sameShape(cur.shape, x.shape);
  if (usable && !createGraph && !cur.requiresGrad && cur.dtype === g.dtype) {
    const n = cur.size;
    const st = n === 1 ? [] : [1];
    const shape = n === 1 ? [] : [n];
    if (stale) {
      // a deferred zero-fill (zeroGrad): copy over the stale contents instead of adding to zeros
      x.claimGrad();
      k.copyStrided({ s: g.storage, offset: 0, strides: st }, { s: cur.storage, offset: 0, strides: st }, shape);
    } else k.binary(ADD, { s: cur.storage, offset: 0, strides: st }, { s: g.storage, offset: 0, strides: st }, cur.storage, shape);
    return;
  }
  if (usable) void x.grad; // any other use of the buffer reads it: materialise a deferred zero-fill
  if (createGraph) {
    x.grad = untracked(() => (usable ? m.add(cur, g) : m.clone(g)));
    return;
  }
  // a gradient that is part of a graph (made with createGraph) is added to, not dropped
  const buf = untracked(() => (usable ? m.add(cur, g) : m.clone(g)));
  if (x.longLived) k.pin(buf.storage);
  x.grad = buf;
}

/**
 * A tensor the node read (an input) or saved, overwritten in place since (copy_, add_, …): its
 * gradient would be computed from the new values, silently wrong, so backward stops (PyTorch's
 * version-counter check).
 */
function checkVersions(node: RecordedNode): void {
  const ts = [...node.inputs, ...node.saved];
  for (let i = 0; i < ts.length; i++) {
    const now = ts[i].storage.version ?? 0;
    if (now !== node.versions[i]) {
      const what = i < node.inputs.length ? (node.def.args[i] ?? `input ${i}`) : `a tensor it saved`;
      throw new NablaError('argument', 'backward',
        `${node.def.name}'s gradient needs ${what} (${ts[i].describe()}), which was modified in place after ${node.def.name} used it`,
        {}, 'make in-place updates after backward(), or update a clone()');
    }
  }
}
