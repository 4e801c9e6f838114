// A persistent worker pool on the shared WebAssembly memory: each worker instantiates the same
// kernel module on the same memory and runs a block of a large matmul. Hand-off is by
// spin-then-wait on an Int32Array in shared memory: waking a thread that sleeps in Atomics.wait
// costs 60–400 µs on a VM, so workers spin for a few milliseconds after each command; a matmul
// is cut in chunks that the threads take from a shared counter, so a worker that is asleep or
// descheduled leaves its share to the calling thread instead of stalling it.

import { BackendError } from '../../core/errors.js';
import type { Region } from './allocator.js';
import type { KernelExports } from './loader.js';
import type { WasmMemory } from './wasm-storage.js';
import { browserSource, nodeSource } from './pool-worker.js';

/**
 * Ints per worker slot: [command seq, done seq, command, up to 13 args], then on the next cache
 * line the sleep flags of the worker (16) and of the joining thread (17) — Atomics.notify costs a
 * system call, so each side wakes the other only when it is actually asleep — and the claim word
 * (18): a worker runs command `seq` only after moving it to 2·seq; the poster may take back a
 * command nobody claimed by moving it to 2·seq + 1 (chunked matmuls), so it never waits for a
 * worker that is descheduled before it started. Word 19: the worker's kernel threw.
 */
const SLOT = 32;
/** Milliseconds a worker spins after its last command before it sleeps in Atomics.wait. */
const SPIN_MS = 3;
/** Milliseconds the calling thread spins while joining before it sleeps. */
const JOIN_SPIN_MS = 1;
/** Atomics.wait is allowed on Node's main thread, not on a browser's. */
const canBlock = typeof (globalThis as { process?: unknown }).process !== 'undefined';

interface AnyWorker {
  terminate(): unknown;
  unref?: () => void;
}

export class WorkerPool {
  private readonly workers: AnyWorker[] = [];
  private readonly I: Int32Array;
  /** The same words as floats (float arguments). */
  private readonly F: Float32Array;
  private readonly ctrl: number;
  private readonly scratch: number[] = [];
  /** Index in I of the chunk counter of chunked matmuls (after the workers' slots). */
  private readonly counter: number;
  /** Chunks per thread of Adam: the threads take chunks from a shared counter. */
  chunksPerThread = 2;
  /** The shared packed B of row-split matmuls (grown on demand) and its size in bytes. */
  private packed: Region | null = null;
  private packedBytes = 0;
  /** Largest shared packed B (bytes); larger products split by columns, each thread packing its own. */
  maxPackedBytes = 1 << 24;
  /** How matmuls are split: by the rule in `matmul` ('auto'), or always one way (tests). */
  split: 'auto' | 'rows' | 'columns' = 'auto';
  /**
   * Smallest chunk of a matmul, in MACs: chunks are handed out by guided self-scheduling, and
   * neither kind repacks B (a row chunk reads the shared packed B, a column chunk packs only its
   * own columns), so they can be small: ~2 µs of work, in practice one tile for every product
   * of the MNIST step and the notes' 2-layer net. Same-process A/B against 2¹⁹ (2 threads, median
   * of 40 rounds): 128×128×256ᵀ 1.14→1.62× the one-thread speed, 128×256×784ᵀ 1.29→1.63×,
   * 256×784×128ᵀ 1.48→1.68× (against 2¹⁷: equal within noise). On this VM a thread is often
   * slowed for a while (steal); a small last chunk is what the other thread waits for.
   */
  minChunkWork = 1 << 16;
  private seq = 0;
  /** Resolves when every worker runs (browsers: initWasm awaits it; a kernel posted before would spin forever). */
  started: Promise<void> = Promise.resolve();
  /**
   * Matmuls with m·n·k below this run on the calling thread (~5 µs of work at 2¹⁸: a hand-off
   * to a spinning worker costs ~1–2 µs).
   */
  minWork = 1 << 18;

  private constructor(
    private readonly ex: KernelExports,
    private readonly mem: WasmMemory,
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
   * Starts `threads − 1` workers on shared memory. Node: `workerThreads` is the node:worker_threads module (sync start); null uses Web Workers.
   * Workers are unref'd so they never keep the process alive.
   */
  static create(module: WebAssembly.Module, ex: KernelExports, mem: WasmMemory, threads: number,
    workerThreads: typeof import('node:worker_threads') | null): WorkerPool {
    if (!(mem.memory.buffer instanceof SharedArrayBuffer)) {
      throw new BackendError('wasm', 'a worker pool needs shared WebAssembly memory', {},
        'shared memory needs SharedArrayBuffer (in browsers: a cross-origin-isolated page)');
    }
    const pool = new WorkerPool(ex, mem, threads);
    const starting: Promise<void>[] = [];
    for (let s = 0; s < threads - 1; s++) {
      const init = { module, memory: mem.memory, ctrl: pool.ctrl, slot: s, workers: threads - 1, spinMs: SPIN_MS };
      if (workerThreads) {
        const w = new workerThreads.Worker(nodeSource, { eval: true, workerData: init });
        w.unref();
        pool.workers.push(w);
      } else {
        const url = URL.createObjectURL(new Blob([browserSource], { type: 'text/javascript' }));
        const w = new Worker(url);
        starting.push(new Promise<void>((ok, fail) => {
          w.onmessage = () => ok();
          w.onerror = (e) => fail(new BackendError('wasm', `worker ${s + 1} of the pool failed to start: ${e.message}`, {},
            'pass { threads: 1 } to initWasm to run on the page\'s thread only'));
        }));
        w.postMessage(init);
        pool.workers.push(w);
      }
    }
    pool.started = Promise.all(starting).then(() => undefined);
    return pool;
  }

  /** Element-wise ops with fewer elements run on the calling thread. */
  minElements = 1 << 17;

  wantsMatmul(m: number, n: number, k: number): boolean {
    return m * n * k >= this.minWork && Math.ceil(m / 4) * Math.ceil(n / 8) >= 2 * this.threads;
  }

  /**
   * The next command number. Claims are 2·seq + 1 < 2³¹: after 2²⁹ commands, with every command
   * resolved, numbering restarts at 1 with cleared claim words (workers only compare for change).
   */
  private nextSeq(): number {
    if (this.seq >= 1 << 29) {
      this.seq = 0;
      for (let w = 0; w < this.workers.length; w++) Atomics.store(this.I, w * SLOT + 18, 0);
    }
    return ++this.seq;
  }

  /** Posts command `cmd` with `args` to worker `w` (slot layout above). */
  private post(w: number, seq: number, cmd: number, args: readonly number[]): void {
    const b = w * SLOT, I = this.I;
    I[b + 2] = cmd;
    for (let i = 0; i < args.length; i++) I[b + 3 + i] = args[i];
    Atomics.store(I, b, seq);
    if (Atomics.load(I, b + 16) !== 0) Atomics.notify(I, b, 1);
  }

  /**
   * Spins until word `i` reaches `n` (the tasks before a barrier are done). A worker whose kernel
   * threw in a task leaves it short forever: that, or 10 s without progress, throws instead.
   */
  private awaitCount(i: number, n: number): void {
    const I = this.I;
    let spins = 0, last = Atomics.load(I, i), t0 = 0;
    for (let v = last; v < n; v = Atomics.load(I, i)) {
      if ((++spins & 4095) !== 0) continue;
      this.checkWorkers();
      if (v !== last || t0 === 0) [last, t0] = [v, performance.now()];
      else if (performance.now() - t0 > 10_000) {
        throw new BackendError('wasm', `a worker of the pool stopped in a task (${v} of ${n} done after 10 s)`, {},
          'a worker thread failed; create the backend again, or with { threads: 1 }');
      }
    }
  }

  /** Posts command `cmd` with `args` to every worker; returns the bit mask of workers posted to. */
  private postAll(seq: number, cmd: number, args: readonly number[]): number {
    for (let w = 0; w < this.workers.length; w++) this.post(w, seq, cmd, args);
    return (1 << this.workers.length) - 1;
  }

  /**
   * Waits for the workers in bit mask `used` to finish `seq`: spins, then (where the calling
   * thread may block, as in Node) sleeps on the done word, so an oversubscribed machine does not
   * burn its slice.
   */
  private join(used: number, seq: number): void {
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
  }

  /** out[i] = f(x[i]) split in chunks of a multiple of 4 elements. */
  unary(op: number, x: number, out: number, n: number): void {
    const per = Math.ceil(n / this.threads / 4) * 4;
    const seq = this.nextSeq();
    let used = 0;
    for (let w = 0; w < this.workers.length && per * (w + 1) < n; w++, used++) {
      const i0 = per * (w + 1), len = Math.min(n, i0 + per) - i0;
      this.post(w, seq, 1, [op, x + i0 * 4, out + i0 * 4, len]);
    }
    this.ex.unary(op, x, out, Math.min(n, per));
    this.join((1 << used) - 1, seq);
  }

  /** One strided row of a binary op (strides 0 or 1), split as `unary`. */
  binaryRow(op: number, a: number, sa: number, b: number, sb: number, out: number, n: number): void {
    const per = Math.ceil(n / this.threads / 4) * 4;
    const seq = this.nextSeq();
    let used = 0;
    for (let w = 0; w < this.workers.length && per * (w + 1) < n; w++, used++) {
      const i0 = per * (w + 1), len = Math.min(n, i0 + per) - i0;
      this.post(w, seq, 2, [op, a + i0 * sa * 4, sa, b + i0 * sb * 4, sb, out + i0 * 4, len]);
    }
    this.ex.binaryRow(op, a, sa, b, sb, out, Math.min(n, per));
    this.join((1 << used) - 1, seq);
  }

  /**
   * Splits one matmul over the threads, by columns (8-column tiles; each chunk packs only its own
   * columns of B) or by rows (4-row tiles). A row split shares one packed B: the threads first
   * pack op(B) together into one buffer (row ranges of B taken from a counter), then take row
   * tiles. Rows are used where a column split repeats work or cannot balance: a transposed A
   * (every column chunk packs all of A again) and products with few columns (< 4T tiles); not
   * otherwise, as same-process A/B showed columns ahead by 5–10 % on plain A (each thread reads
   * half of B instead of all of it), e.g. 128×256×128: 1.74× vs 1.58× the one-thread speed,
   * while for transposed A rows were ahead 1.86× vs 1.72× (256×784×128) and 1.92× vs 1.42×
   * (1000×100×64). Chunks are taken from shared counters by every thread, the caller included,
   * with guided self-scheduling (each claim ⌈remaining / 2T⌉ tiles, at least minChunkWork MACs):
   * chunks shrink towards the end so the threads finish together, and a worker the OS has
   * descheduled (2–5 ms slices on a busy VM) leaves its chunks to the others instead of stalling
   * the join.
   */
  matmul(a: number, b: number, c: number, bias: number, m: number, n: number, k: number, flags: number): void {
    const T = this.threads, ex = this.ex, I = this.I, counter = this.counter, scratch = this.scratch[0];
    const rt = Math.ceil(m / 4), ct = Math.ceil(n / 8), div = 2 * T;
    const bytes = ex.packedBBytes(n, k);
    const auto = rt >= 4 * T && ((flags & 1) !== 0 || ct < 4 * T);
    const byRows = bytes <= this.maxPackedBytes && (this.split === 'auto' ? auto : this.split === 'rows');
    const tiles = byRows ? rt : ct;
    // at most ⌈tiles/T⌉, so a product just above minWork still gives every thread a chunk
    const minTiles = Math.max(1, Math.min(Math.ceil(tiles / T), Math.ceil(this.minChunkWork / ((byRows ? 4 * n : 8 * m) * k))));
    let bp = 0, P = 0;
    if (byRows) {
      bp = this.packedBuffer(bytes);
      P = Math.min(Math.ceil(k / 16), 2 * T);
    }
    const seq = this.nextSeq();
    Atomics.store(I, counter, 0);
    Atomics.store(I, counter + 1, 0);
    Atomics.store(I, counter + 2, 0);
    // worker args: a b c bias m n k flags, then (rows) bp P minTiles / (columns) _ tiles minTiles, then scratch div
    const args = [a, b, c, bias, m, n, k, flags, byRows ? bp : 1, byRows ? P : tiles, minTiles, 0, div];
    let used = 0;
    for (let w = 0; w < this.workers.length; w++) {
      args[11] = this.scratch[w + 1];
      this.post(w, seq, byRows ? 5 : 3, args);
      used |= 1 << w;
    }
    if (byRows) {
      // the same steps as the worker's command 5
      for (let t = Atomics.add(I, counter, 1); t < P; t = Atomics.add(I, counter, 1)) {
        ex.packBShared(b, n, k, flags, Math.floor((k * t) / (4 * P)) * 4, t + 1 === P ? k : Math.floor((k * (t + 1)) / (4 * P)) * 4, bp);
        Atomics.add(I, counter + 1, 1);
      }
      this.awaitCount(counter + 1, P);
      for (let p = Atomics.load(I, counter + 2); p < tiles; p = Atomics.load(I, counter + 2)) {
        const q = Math.min(tiles, p + Math.max(minTiles, Math.ceil((tiles - p) / div)));
        if (Atomics.compareExchange(I, counter + 2, p, q) !== p) continue;
        ex.matmulPacked(a, bp, c, bias, m, n, k, flags, p * 4, Math.min(m, q * 4), scratch);
      }
    } else {
      for (let p = Atomics.load(I, counter); p < tiles; p = Atomics.load(I, counter)) {
        const q = Math.min(tiles, p + Math.max(minTiles, Math.ceil((tiles - p) / div)));
        if (Atomics.compareExchange(I, counter, p, q) !== p) continue;
        ex.matmul(a, b, c, bias, m, n, k, flags, 0, m, p * 8, Math.min(n, q * 8), scratch);
      }
    }
    this.takeBack(used, seq);
  }

  /** The shared packed-B buffer, at least `bytes` long (workers are idle between commands). */
  private packedBuffer(bytes: number): number {
    if (this.packed === null || this.packedBytes < bytes) {
      if (this.packed !== null) this.mem.alloc.free(this.packed);
      this.packedBytes = Math.max(bytes, 2 * this.packedBytes);
      this.packed = this.mem.alloc.alloc(this.packedBytes, true, null);
    }
    return this.packed.ptr;
  }

  /**
   * A sparse product (as/sparse.ts sparseTask, same arguments): 2T list tasks, then, once every
   * list is built, 2T column slices, all taken from shared counters. A slice's thread transposes
   * the part of the dense operand it then reads (tsrc ≠ 0), so no thread reads what another just
   * wrote. Returns 1 if every transposed slice was finite.
   */
  sparse(x: number, xr: number, xc: number, byCols: number, l: number, d: number, width: number, out: number,
    flags: number, bias: number, tsrc: number): number {
    const I = this.I, counter = this.counter, P = 2 * this.threads, S = 2 * this.threads, w24 = Math.floor(width / 24);
    const seq = this.nextSeq();
    for (let i = 0; i < 3; i++) Atomics.store(I, counter + i, 0);
    Atomics.store(I, counter + 3, 1);
    const used = this.postAll(seq, 6, [x, xr, xc, byCols, l, d, width, out, flags, bias, tsrc, P, S]);
    const task = (t: number, c0: number, c1: number) => this.ex.sparseTask(t, P, x, xr, xc, byCols, l, d, width, c0, c1, out, flags, bias, tsrc);
    for (let t = Atomics.add(I, counter, 1); t < P; t = Atomics.add(I, counter, 1)) {
      task(t, 0, 0);
      Atomics.add(I, counter + 1, 1);
    }
    this.awaitCount(counter + 1, P);
    for (let t = Atomics.add(I, counter + 2, 1); t < S; t = Atomics.add(I, counter + 2, 1)) {
      if (task(P + t, 24 * Math.floor((w24 * t) / S), t + 1 === S ? width : 24 * Math.floor((w24 * (t + 1)) / S)) === 0) Atomics.store(I, counter + 3, 0);
    }
    this.takeBack(used, seq);
    return Atomics.load(I, counter + 3);
  }

  /**
   * One fused Adam update (the kernel's arguments) in chunks taken from the shared counter, as
   * `matmul`: sqrt and division make it compute-bound, so a second thread halves it.
   */
  adamStep(theta: number, grad: number, m: number, v: number, n: number, lr: number, beta1: number, beta2: number,
    eps: number, lambda: number, c1: number, c2: number): void {
    const chunks = this.threads * this.chunksPerThread, q = Math.ceil(n / 4);
    const seq = this.nextSeq();
    const I = this.I, F = this.F;
    Atomics.store(I, this.counter, 0);
    let used = 0;
    for (let w = 0; w < this.workers.length; w++) {
      const base = w * SLOT;
      I[base + 2] = 4;
      I[base + 3] = theta; I[base + 4] = grad; I[base + 5] = m; I[base + 6] = v; I[base + 7] = n; I[base + 8] = chunks;
      F[base + 9] = lr; F[base + 10] = beta1; F[base + 11] = beta2; F[base + 12] = eps; F[base + 13] = lambda;
      F[base + 14] = c1; F[base + 15] = c2;
      Atomics.store(I, base, seq);
      if (Atomics.load(I, base + 16) !== 0) Atomics.notify(I, base, 1);
      used |= 1 << w;
    }
    for (let i = Atomics.add(I, this.counter, 1); i < chunks; i = Atomics.add(I, this.counter, 1)) {
      const s0 = Math.min(n, Math.floor((q * i) / chunks) * 4), s1 = Math.min(n, Math.floor((q * (i + 1)) / chunks) * 4);
      this.ex.adamStep(theta + s0 * 4, grad + s0 * 4, m + s0 * 4, v + s0 * 4, s1 - s0, lr, beta1, beta2, eps, lambda, c1, c2);
    }
    this.takeBack(used, seq);
  }

  /** Takes back the command from workers that have not claimed it, then joins the others. */
  private takeBack(used: number, seq: number): void {
    const I = this.I;
    for (let w = 0; w < this.workers.length; w++) {
      const cw = Atomics.load(I, w * SLOT + 18);
      if (cw < 2 * seq && Atomics.compareExchange(I, w * SLOT + 18, cw, 2 * seq + 1) === cw) used &= ~(1 << w);
    }
    this.join(used, seq);
    this.checkWorkers();
  }

  /** Throws if a worker's kernel threw (it sets word 19 of its slot and reports done). */
  private checkWorkers(): void {
    for (let w = 0; w < this.workers.length; w++) {
      if (Atomics.load(this.I, w * SLOT + 19) !== 0) {
        Atomics.store(this.I, w * SLOT + 19, 0);
        throw new BackendError('wasm', `a kernel failed in worker ${w + 1} of the pool`, {},
          'the result of this op is incomplete; report it, or create the backend with { threads: 1 }');
      }
    }
  }

  /** Stops the workers. */
  close(): void {
    for (let w = 0; w < this.workers.length; w++) {
      Atomics.store(this.I, w * SLOT, -1);
      Atomics.notify(this.I, w * SLOT, 1);
    }
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
