// The protocol of the worker pool (pool.ts adds the commands): workers on the shared WebAssembly
// memory, one slot of control words each, claims and take-back, joins, and the element-wise
// splits. Hand-off is by spin-then-wait on an Int32Array in shared memory: waking a thread that
// sleeps in Atomics.wait costs 60–400 µs on a VM, so workers spin for a few milliseconds after
// each command. docs/design.md §5.

import { BackendError } from '../../core/errors.js';
import type { KernelExports } from './loader.js';
import type { WasmMemory } from './wasm-storage.js';

/**
 * Ints per worker slot: [command seq, done seq, command, up to 13 args], then on the next cache
 * line the sleep flags of the worker (16) and of the joining thread (17) — Atomics.notify costs a
 * system call, so each side wakes the other only when it is actually asleep — and the claim word
 * (18): a worker runs command `seq` only after moving it to 2·seq; the poster may take back a
 * command nobody claimed by moving it to 2·seq + 1 (chunked matmuls), so it never waits for a
 * worker that is descheduled before it started. Word 19: the worker's kernel threw.
 */
export const SLOT = 32;
/** Milliseconds a worker spins after its last command before it sleeps in Atomics.wait. */
export const SPIN_MS = 3;
/** Milliseconds the calling thread spins while joining before it sleeps. */
const JOIN_SPIN_MS = 1;
/** Atomics.wait is allowed on Node's main thread, not on a browser's. */
const canBlock = typeof (globalThis as { process?: unknown }).process !== 'undefined';

export interface AnyWorker {
  terminate(): unknown;
  unref?: () => void;
}

/** The control words, the threads' scratch and the hand-off between the calling thread and the workers. */
export class PoolCore {
  protected readonly workers: AnyWorker[] = [];
  protected readonly I: Int32Array;
  /** The same words as floats (float arguments). */
  protected readonly F: Float32Array;
  protected readonly ctrl: number;
  /** Per-thread kernel scratch (index 0: the calling thread). */
  protected readonly scratch: number[] = [];
  /** Index in I of the shared counters of chunked commands (after the workers' slots). */
  protected readonly counter: number;
  private seq = 0;
  /**
   * The first error a kernel threw on the calling thread during the current command. The command
   * still runs to its join (barrier counts advance, workers finish), so no worker is left in the
   * middle of it — spinning at a barrier forever, or still reading its slot when the next command
   * is posted there — and the join rethrows it.
   */
  private failure: unknown = null;
  /** Resolves when every worker runs (browsers: initWasm awaits it; a kernel posted before would spin forever). */
  started: Promise<void> = Promise.resolve();
  /**
   * Matmuls with m·n·k below this run on the calling thread (~5 µs of work at 2¹⁸: a hand-off
   * to a spinning worker costs ~1–2 µs).
   */
  minWork = 1 << 18;
  /** Element-wise ops with fewer elements run on the calling thread. */
  minElements = 1 << 17;

  protected constructor(
    protected readonly ex: KernelExports,
    protected readonly mem: WasmMemory,
    readonly threads: number,
  ) {
    const n = threads - 1;
    this.ctrl = mem.alloc.alloc((SLOT * Math.max(n, 1) + 16) * 4, true, null).ptr;
    this.I = new Int32Array(mem.memory.buffer, this.ctrl, SLOT * Math.max(n, 1) + 4);
    this.F = new Float32Array(mem.memory.buffer, this.ctrl, SLOT * Math.max(n, 1) + 4);
    this.counter = SLOT * n;
    for (let t = 0; t < threads; t++) this.scratch.push(mem.alloc.alloc(ex.scratchBytes(), true, null).ptr);
  }

  /**
   * The next command number. Claims are 2·seq + 1 < 2³¹: after 2²⁹ commands, with every command
   * resolved, numbering restarts at 1 with cleared claim words (workers only compare for change).
   */
  protected nextSeq(): number {
    if (this.seq >= 1 << 29) {
      this.seq = 0;
      for (let w = 0; w < this.workers.length; w++) Atomics.store(this.I, w * SLOT + 18, 0);
    }
    return ++this.seq;
  }

  /** Posts command `cmd` with integer `args`, then float ones, to worker `w` (slot layout above). */
  protected post(w: number, seq: number, cmd: number, args: readonly number[], floats: readonly number[] = []): void {
    const b = w * SLOT, I = this.I;
    I[b + 2] = cmd;
    for (let i = 0; i < args.length; i++) I[b + 3 + i] = args[i];
    for (let i = 0; i < floats.length; i++) this.F[b + 3 + args.length + i] = floats[i];
    Atomics.store(I, b, seq);
    if (Atomics.load(I, b + 16) !== 0) Atomics.notify(I, b, 1);
  }

  /**
   * Runs one of the calling thread's kernels of a command; an error is kept for the join to
   * rethrow (see `failure`), and after one the thread runs no more kernels of the command (its
   * claims still count, so the command completes).
   */
  protected safely(f: () => void): void {
    if (this.failure !== null) return;
    try {
      f();
    } catch (e) {
      this.failure = e;
    }
  }

  /** Milliseconds without progress at a barrier after which a worker is given up for dead. */
  stallMs = 10_000;

  /**
   * Spins until word `i` reaches `n` (the tasks before a barrier are done: every thread counts a
   * task done even when its kernel threw). A worker thread that died inside a task leaves it
   * short forever: after `stallMs` without progress the workers are stopped (a stuck one could
   * otherwise read the next command's slot half-written, or write into memory later) and this
   * command throws; later commands run every chunk on the calling thread.
   */
  protected awaitCount(i: number, n: number): void {
    const I = this.I;
    let spins = 0, last = Atomics.load(I, i), t0 = 0;
    for (let v = last; v < n; v = Atomics.load(I, i)) {
      if ((++spins & 4095) !== 0) continue;
      if (v !== last || t0 === 0) [last, t0] = [v, performance.now()];
      else if (performance.now() - t0 > this.stallMs) {
        // no join follows: a kept error must not stop the next command
        this.failure = null;
        this.close();
        throw new BackendError('wasm', `a worker of the pool stopped in a task (${v} of ${n} done after ${this.stallMs / 1000} s)`, {},
          'the workers were stopped and later ops run on one thread; create the backend again for threads');
      }
    }
  }

  /** Posts command `cmd` with `args` (and `floats`) to every worker; returns the bit mask of workers posted to. */
  protected postAll(seq: number, cmd: number, args: readonly number[], floats: readonly number[] = []): number {
    for (let w = 0; w < this.workers.length; w++) this.post(w, seq, cmd, args, floats);
    return (1 << this.workers.length) - 1;
  }

  /**
   * Waits for the workers in bit mask `used` to finish `seq`: spins, then (where the calling
   * thread may block, as in Node) sleeps on the done word, so an oversubscribed machine does not
   * burn its slice. Then throws if a kernel threw: the calling thread's own error first, else a
   * BackendError for a worker's.
   */
  protected join(used: number, seq: number): void {
    const I = this.I;
    for (let w = 0; used !== 0; w++, used >>>= 1) {
      if ((used & 1) === 0) continue;
      const b = w * SLOT + 1;
      let spins = 0, t0 = 0;
      for (let done = Atomics.load(I, b); done !== seq; done = Atomics.load(I, b)) {
        if ((++spins & 1023) !== 0 || !canBlock) continue;
        if (t0 === 0) t0 = performance.now();
        else if (performance.now() - t0 > JOIN_SPIN_MS) {
          Atomics.store(I, b + 16, 1);
          Atomics.wait(I, b, done, 1);
          Atomics.store(I, b + 16, 0);
        }
      }
    }
    const failure = this.failure;
    this.failure = null;
    const workerFailed = this.workerFailures();
    if (failure !== null) throw failure;
    if (workerFailed > 0) {
      throw new BackendError('wasm', `a kernel failed in worker ${workerFailed} of the pool`, {},
        'the result of this op is incomplete; report it, or create the backend with { threads: 1 }');
    }
  }

  /**
   * Guided self-scheduling on word `i`: takes chunks of max(minTiles, ⌈remaining / div⌉) of
   * `tiles` tiles (the workers' loops in pool-worker.ts claim the same way) and runs each.
   */
  protected claimGuided(i: number, tiles: number, minTiles: number, div: number, run: (p: number, q: number) => void): void {
    const I = this.I;
    for (let p = Atomics.load(I, i); p < tiles; p = Atomics.load(I, i)) {
      const q = Math.min(tiles, p + Math.max(minTiles, Math.ceil((tiles - p) / div)));
      if (Atomics.compareExchange(I, i, p, q) === p) run(p, q);
    }
  }

  /** out[i] = f(x[i]), split as `splitRow`. */
  unary(op: number, x: number, out: number, n: number): void {
    this.splitRow(1, n, (i0, len) => [op, x + i0 * 4, out + i0 * 4, len], (len) => this.ex.unary(op, x, out, len));
  }

  /** One strided row of a binary op (strides 0 or 1), split as `splitRow`. */
  binaryRow(op: number, a: number, sa: number, b: number, sb: number, out: number, n: number): void {
    this.splitRow(2, n, (i0, len) => [op, a + i0 * sa * 4, sa, b + i0 * sb * 4, sb, out + i0 * 4, len],
      (len) => this.ex.binaryRow(op, a, sa, b, sb, out, len));
  }

  /**
   * n elements in one part per running thread (a multiple of 4 elements each): part p ≥ 1 goes to
   * worker p − 1 as command `cmd` with `args(i0, len)`, part 0 runs on the calling thread.
   */
  private splitRow(cmd: number, n: number, args: (i0: number, len: number) => number[], first: (len: number) => void): void {
    const per = Math.ceil(n / (this.workers.length + 1) / 4) * 4;
    const seq = this.nextSeq();
    let used = 0;
    for (let w = 0; w < this.workers.length && per * (w + 1) < n; w++, used++) {
      const i0 = per * (w + 1);
      this.post(w, seq, cmd, args(i0, Math.min(n, i0 + per) - i0));
    }
    this.safely(() => first(Math.min(n, per)));
    this.join((1 << used) - 1, seq);
  }

  /** Takes back the command from workers that have not claimed it, then joins the others. */
  protected takeBack(used: number, seq: number): void {
    const I = this.I;
    for (let w = 0; w < this.workers.length; w++) {
      const cw = Atomics.load(I, w * SLOT + 18);
      if (cw < 2 * seq && Atomics.compareExchange(I, w * SLOT + 18, cw, 2 * seq + 1) === cw) used &= ~(1 << w);
    }
    this.join(used, seq);
  }

  /**
   * The number (from 1) of the first worker whose kernel threw in this command (it sets word 19
   * of its slot and still counts its task done and reports the command done), or 0; clears every
   * flag.
   */
  private workerFailures(): number {
    let first = 0;
    for (let w = 0; w < this.workers.length; w++) {
      if (Atomics.load(this.I, w * SLOT + 19) !== 0) {
        Atomics.store(this.I, w * SLOT + 19, 0);
        if (first === 0) first = w + 1;
      }
    }
    return first;
  }

  /** Stops the workers; commands still work, every chunk on the calling thread. */
  close(): void {
    for (let w = 0; w < this.workers.length; w++) {
      Atomics.store(this.I, w * SLOT, -1);
      Atomics.notify(this.I, w * SLOT, 1);
    }
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
