// DataLoader: batches of a dataset in a seeded order, with a position that can be saved and
// resumed mid-epoch (llm.c's dataloader_resume). Single-process and synchronous by design.

import { CheckpointError } from '../core/errors.js';
import { badArg, checkBool, checkFunction, checkInt, checkOptions } from '../core/check.js';
import { globalRng, Rng, type RngState } from '../core/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { stack } from '../ops/index.js';
import type { Dataset } from './dataset.js';
import { withAllocScope } from '../tensor/alloc-scope.js';

export interface DataLoaderOptions {
  /** Samples per batch; default 1 (PyTorch's default). */
  batchSize?: number;
  /** A new random order every epoch; default false. */
  shuffle?: boolean;
  /** Seed of the shuffle order; default drawn from the global generator (see manualSeed). */
  seed?: number;
  /** Drop the last batch when it is smaller than batchSize; default false. */
  dropLast?: boolean;
  /**
   * Applied to every batch before it is yielded, e.g. `([x, y]) => [x.float().div(255), y]` to
   * scale raw uint8 pixels per batch (torchvision's ToTensor, done once per batch). Tensors it
   * makes and does not return are released when it returns.
   */
  transform?: (batch: Tensor[]) => Tensor[];
}

/** Everything needed to continue exactly where a loader stopped; plain JSON. */
export interface DataLoaderState {
  epoch: number;
  /** Batches of `epoch` already yielded. */
  position: number;
  /** Generator state at the start of `epoch`, before its permutation was drawn. */
  rng: RngState;
  /** Recorded so that resuming with a different dataset or batching is caught. */
  datasetLength: number;
  batchSize: number;
  shuffle: boolean;
  dropLast: boolean;
}

/**
 * Iterates a dataset in batches (concepts §7). `for (const [x, y] of loader)` yields the rest of the
 * current epoch; once an epoch is exhausted the next loop starts a new one, reshuffled.
 * Each batch is one `getBatch` call (for a TensorDataset: one row gather per tensor), else the
 * samples' tensors stacked along a new dim 0.
 * Shape: dataset fields [*] → batches [B, *], B = batchSize (the last batch may be smaller).
 * Defaults and names match `torch.utils.data.DataLoader` (batchSize 1, no shuffle, keep the last
 * batch); differs in that the position survives `stateDict()`/`loadStateDict()`.
 * @example
 * const data = new TensorDataset(zeros([5, 2]), tensor([0, 1, 2, 3, 4], { dtype: 'int32' }));
 * const loader = new DataLoader(data, { batchSize: 2, shuffle: true, seed: 0 });
 * const batches = [...loader]; // one epoch; in training: for (const [xb, yb] of loader) …
 * batches.map(([xb]) => xb.shape) // [[2, 2], [2, 2], [1, 2]]
 * batches.flatMap(([, yb]) => yb.tolist() as number[]).sort() // [0, 1, 2, 3, 4]
 */
export class DataLoader implements Iterable<Tensor[]> {
  readonly dataset: Dataset;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  private readonly transform: ((batch: Tensor[]) => Tensor[]) | undefined;
  private readonly rng: Rng;
  private epoch = 0;
  private position = 0;
  private epochStart: RngState;
  /** The current epoch's sample order; null until its first batch is drawn. */
  private order: Int32Array | null = null;

  constructor(dataset: Dataset, opts: DataLoaderOptions = {}) {
    checkDataset(dataset);
    const o = checkOptions('DataLoader', opts, ['batchSize', 'shuffle', 'seed', 'dropLast', 'transform']);
    const batchSize = checkInt('DataLoader', 'batchSize', o.batchSize ?? 1, 1);
    if (o.shuffle !== undefined) checkBool('DataLoader', 'shuffle', o.shuffle);
    if (o.dropLast !== undefined) checkBool('DataLoader', 'dropLast', o.dropLast);
    if (o.seed !== undefined) checkInt('DataLoader', 'seed', o.seed);
    if (o.transform !== undefined) checkFunction('DataLoader', 'transform', o.transform);
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = o.shuffle ?? false;
    this.dropLast = o.dropLast ?? false;
    this.transform = o.transform;
    this.rng = new Rng(o.seed ?? globalRng.nextU32());
    this.epochStart = this.rng.getState();
  }

  /** Number of batches in one epoch. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** The epoch the next batch belongs to (0-based). */
  get currentEpoch(): number {
    return this.epoch;
  }

  *[Symbol.iterator](): Generator<Tensor[], void, undefined> {
    // A spent epoch (finished, or resumed at its end): start the next one.
    if (this.position >= this.length && this.length > 0) this.nextEpoch();
    const order = this.orderOfEpoch();
    while (this.position < this.length) {
      const start = this.position * this.batchSize;
      const indices = order.subarray(start, Math.min(start + this.batchSize, order.length));
      // the raw batch and the transform's intermediates are never seen by the caller: released
      // at once, only the returned tensors kept (docs/design.md §3)
      const t = this.transform;
      const batch = t ? withAllocScope(() => t(this.fetch(indices)), (out) => out.map((x) => x.storage)) : this.fetch(indices);
      this.position++;
      yield batch;
    }
    this.nextEpoch();
  }

  /** Position and generator state (JSON-serializable), like torch's sampler state. */
  stateDict(): DataLoaderState {
    const s = this.epochStart;
    return {
      epoch: this.epoch,
      position: this.position,
      rng: { s: [...s.s], spare: s.spare },
      datasetLength: this.dataset.length,
      batchSize: this.batchSize,
      shuffle: this.shuffle,
      dropLast: this.dropLast,
    };
  }

  /** Continues from a saved state: the next batch is the one that would have come next. */
  loadStateDict(state: DataLoaderState): void {
    const rng = (state as Partial<DataLoaderState> | null)?.rng;
    if (typeof state !== 'object' || state === null || typeof rng !== 'object' || rng === null || !Array.isArray(rng.s) ||
      rng.s.length !== 4) {
      throw badArg('DataLoader.loadStateDict', 'state must be an object from stateDict()', state);
    }
    const describe = (n: number, o: { batchSize: number; shuffle: boolean; dropLast: boolean }) =>
      `${n} samples, batchSize ${o.batchSize}, shuffle ${o.shuffle}, dropLast ${o.dropLast}`;
    const saved = describe(state.datasetLength, state);
    const mine = describe(this.dataset.length, this);
    if (saved !== mine) {
      throw new CheckpointError(
        'DataLoader',
        'the saved state is for a different dataset or batching',
        {
          note: `saved: ${saved}; this loader: ${mine}`,
        },
      );
    }
    if (
      !Number.isInteger(state.epoch) ||
      state.epoch < 0 ||
      !Number.isInteger(state.position) ||
      state.position < 0 ||
      state.position > this.length
    ) {
      throw new CheckpointError(
        'DataLoader',
        `epoch must be ≥ 0 and position in [0, ${this.length}]`,
        {
          note: `epoch = ${state.epoch}, position = ${state.position}`,
        },
      );
    }
    const start: RngState = { s: [...state.rng.s] as RngState['s'], spare: state.rng.spare };
    this.rng.setState(start); // checks the generator state before anything else changes
    this.epoch = state.epoch;
    this.position = state.position;
    this.epochStart = start;
    this.order = null;
  }

  private orderOfEpoch(): Int32Array {
    if (this.order === null) {
      const n = this.dataset.length;
      if (this.shuffle) {
        this.order = this.rng.permutation(n);
      } else {
        this.order = new Int32Array(n);
        for (let i = 0; i < n; i++) this.order[i] = i;
      }
    }
    return this.order;
  }

  private nextEpoch(): void {
    this.orderOfEpoch(); // the finished epoch's draw must have advanced the generator
    this.epoch++;
    this.position = 0;
    this.order = null;
    this.epochStart = this.rng.getState();
  }

  private fetch(indices: Int32Array): Tensor[] {
    const ds = this.dataset;
    if (ds.getBatch) return ds.getBatch(indices);
    const samples = Array.from(indices, (i) => ds.get(i));
    return samples[0].map((_, f) =>
      stack(
        samples.map((s) => s[f]),
        0,
      ),
    );
  }
}

/** A map-style dataset: a non-negative integer length and a get(i) (TensorDataset, or your own). */
function checkDataset(d: unknown): void {
  const ds = d as Partial<Dataset> | null;
  const ok = typeof ds === 'object' && ds !== null && typeof ds.get === 'function' &&
    Number.isSafeInteger(ds.length) && (ds.length as number) >= 0;
  if (!ok) {
    const hint = d !== null && typeof d === 'object' && 'shape' in d ? 'wrap tensors in a dataset: new TensorDataset(x, y)' : undefined;
    throw badArg('DataLoader', 'dataset must have a length and a get(i) (a TensorDataset, say)', d, hint);
  }
}
