// The Tensor: a shape, a dtype and a backend storage, plus the autograd fields. Its math methods
// are installed by ops/methods.ts (one definition per op, STYLE §3.2) and declared there.

import { type DType, type TypedArray } from '../core/dtype.js';
import { MemoryError, ArgumentError, formatShape } from '../core/errors.js';
import { badArg, literal } from '../core/check.js';
import { sizeOf, type Shape } from '../core/shape.js';
import type { Backend, Storage } from '../backend/kernels.js';
import { formatTensor } from './print.js';

/** The autograd record of the op that produced a tensor (set by autograd/define-op). */
export interface GradNode {
  readonly opName: string;
  readonly inputs: readonly Tensor[];
  /** Releases saved tensors after backward (unless the graph is retained). */
  release(): void;
}

/**
 * An n-dimensional array of one dtype on one backend, and a node of the computational graph
 * (concepts §2): ops on tensors with `requiresGrad` record themselves, and `backward()` adds
 * d root / d leaf into each leaf's `grad`.
 * @example
 * const x = tensor([1, 2, 3], { requiresGrad: true });
 * const y = x.mul(x).sum(); // Σ x²
 * y.item() // 14
 * y.backward();
 * x.grad!.tolist() // [2, 4, 6]
 */
export class Tensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly size: number;
  /** The backend whose kernels operate on `storage`. */
  readonly backend: Backend;
  /** Contiguous row-major data; shared by reshape views. */
  storage: Storage;
  requiresGrad = false;
  private gradBuf: Tensor | null = null;
  /**
   * Accumulated gradient of a leaf after `backward()`; null until then or after zeroGrad(setToNone).
   * zeroGrad defers its zero-fill (autograd/zero-grad.ts): it marks the buffer's storage
   * `zeroPending`, whose contents then stand for zeros. The first reader fills it — this getter,
   * or any read or op on a tensor sharing the storage (`assertAlive`: a reference the user kept, a
   * view) — while the engine may instead let the first gradient overwrite it (autograd/engine.ts
   * `gradTarget`), which saves a fill and an add per parameter per step.
   */
  get grad(): Tensor | null {
    const g = this.gradBuf;
    if (g !== null && g.storage.zeroPending === true) g.fillPendingZero();
    return g;
  }
  set grad(g: Tensor | null) {
    this.gradBuf = g;
  }
  /**
   * The gradient buffer without materialising a deferred zero-fill, and whether it is stale
   * (autograd-internal: zeroGrad and the engine).
   */
  peekGrad(): { buf: Tensor | null; stale: boolean } {
    const g = this.gradBuf;
    return { buf: g, stale: g !== null && g.storage.zeroPending === true };
  }
  /** Marks the gradient buffer as zero without touching it (autograd/zero-grad.ts). */
  deferGradZero(): void {
    if (this.gradBuf !== null) this.gradBuf.storage.zeroPending = true;
  }
  /** The engine is about to overwrite the stale buffer: it is no longer stale. */
  claimGrad(): void {
    if (this.gradBuf !== null) this.gradBuf.storage.zeroPending = false;
  }
  /** Performs a deferred zero-fill of this tensor's storage (see `grad`). */
  private fillPendingZero(): void {
    const s = this.storage;
    s.zeroPending = false;
    if (!s.freed) this.backend.fill(s, 0);
  }
  /** The op that produced this tensor, when it was recorded for autograd. */
  gradFn: GradNode | null = null;
  /** Set by dispose(); reading afterwards fails with a MemoryError. */
  private disposed = false;
  /**
   * Pinned as long-lived (a parameter, a `{ longLived: true }` tensor; docs/design.md §3): its
   * gradient buffer is pinned too. Other leaves' gradients are temporaries like any tensor.
   */
  longLived = false;
  /** Optional name used in error messages and prints (e.g. a parameter path). */
  name: string | undefined = undefined;

  constructor(storage: Storage, shape: readonly number[], backend: Backend, dtype?: DType) {
    // the internal constructor; `new Tensor([1, 2])` (torch.Tensor's habit) gets a pointer
    if (backend === undefined) throw internalConstructor(storage);
    this.storage = storage;
    this.shape = shape;
    this.dtype = dtype ?? storage.dtype;
    this.size = sizeOf(shape);
    this.backend = backend;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** True when no op recorded this tensor (a user-created tensor or a parameter). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** The whole contents as a new typed array (row-major). */
  toTypedArray(): TypedArray {
    this.assertAlive('toTypedArray');
    return this.backend.read(this.storage);
  }

  /** Alias of toTypedArray, in tfjs' spelling. */
  dataSync(): TypedArray {
    return this.toTypedArray();
  }

  /** Nested JS arrays (a number for a scalar), like torch.Tensor.tolist(). */
  tolist(): unknown {
    const data = this.toTypedArray();
    const build = (dim: number, off: number): unknown => {
      if (dim === this.shape.length) return data[off];
      const stride = sizeOf(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, off + i * stride));
    };
    return build(0, 0);
  }

  /** The value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) {
      throw new ArgumentError('item', 'only a one-element tensor converts to a number', {
        got: [['tensor', this.shape]],
      });
    }
    return this.toTypedArray()[0];
  }

  /** Frees the memory now. Never needed in ordinary code (see docs/design.md). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.backend.free(this.storage);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  assertAlive(op: string): void {
    if (this.disposed) {
      throw new MemoryError(op, 'this tensor was disposed and its memory released', {
        got: [[this.name ?? 'tensor', this.shape]],
      });
    }
    if (this.storage.freed) {
      // another tensor sharing this memory (a reshape view) was disposed, or a scope that owned it
      throw new MemoryError(op, 'this tensor\'s memory was released (it was shared with a disposed tensor)', {
        got: [[this.name ?? 'tensor', this.shape]],
      }, 'clone() a tensor before disposing a view of it');
    }
    // every read of a tensor checks here first: a deferred zero-fill (zeroGrad) happens now
    if (this.storage.zeroPending === true) this.fillPendingZero();
  }

  toString(): string {
    return formatTensor(this);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatTensor(this);
  }

  /** A short description for messages: `tensor [2, 3] float32`. */
  describe(): string {
    return `${this.name ?? 'tensor'} ${formatShape(this.shape)} ${this.dtype}`;
  }
}

function internalConstructor(data: unknown) {
  const lit = literal(data);
  const code = Array.isArray(data) && lit.length <= 40 && !lit.includes('…') ? `tensor(${lit})` : 'tensor(data)';
  return badArg('Tensor', 'the constructor is internal (it takes a backend storage)', data,
    `make tensors with ${code}, zeros([2, 3]), fromArray(data, shape), …`);
}

/** True when `x` is a nabla Tensor (concepts §2). */
export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

export type { Shape };
