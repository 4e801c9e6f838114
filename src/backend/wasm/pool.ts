// The worker pool's commands on the shared WebAssembly memory (the protocol — slots, hand-off,
// claims, joins — is in pool-core.ts; the workers' side in pool-worker.ts): matmuls split by rows
// over a shared packed B or by columns, sparse products, the fused Adam and SGD updates. Work is cut in
// chunks that every thread takes from shared counters, so a worker that is asleep or descheduled
// leaves its share to the calling thread instead of stalling it. docs/design.md §5–6.

import { BackendError } from '../../core/errors.js';
import type { Region } from './allocator.js';
import type { KernelExports } from './loader.js';
import type { WasmMemory } from './wasm-storage.js';
import { PoolCore, SPIN_MS } from './pool-core.js';
import { browserSource, nodeSource } from './pool-worker.js';

/** The pool's commands: split matmuls, sparse products, Adam and SGD (the protocol is in PoolCore). */
export class WorkerPool extends PoolCore {
  /** Chunks per thread of an optimizer update (Adam, SGD): the threads take them from a shared counter. */
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
  /**
   * Optimizer updates (Adam, SGD) of fewer elements run on the calling thread. Lower than the
   * element-wise ops' threshold: an update reads and writes three or four arrays per element.
   * Same-process A/B on the notes' 2-layer net (SGD on a 100,000-element W₁): 2–2.7 % faster
   * a step (median of 60 blocks; the same A/B with both sides equal: 0.1 %); on the MNIST MLP
   * (Adam, W₂ of 32,768 now split) no difference beyond the noise.
   */
  minStepElements = 1 << 15;

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

  wantsMatmul(m: number, n: number, k: number): boolean {
    return m * n * k >= this.minWork && Math.ceil(m / 4) * Math.ceil(n / 8) >= 2 * this.threads;
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
        this.safely(() => ex.packBShared(b, n, k, flags, Math.floor((k * t) / (4 * P)) * 4, t + 1 === P ? k : Math.floor((k * (t + 1)) / (4 * P)) * 4, bp));
        Atomics.add(I, counter + 1, 1);
      }
      this.awaitCount(counter + 1, P);
      this.claimGuided(counter + 2, tiles, minTiles, div, (p, q) => this.safely(() => ex.matmulPacked(a, bp, c, bias, m, n, k, flags, p * 4, Math.min(m, q * 4), scratch)));
    } else {
      this.claimGuided(counter, tiles, minTiles, div, (p, q) => this.safely(() => ex.matmul(a, b, c, bias, m, n, k, flags, 0, m, p * 8, Math.min(n, q * 8), scratch)));
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
      this.safely(() => task(t, 0, 0));
      Atomics.add(I, counter + 1, 1);
    }
    this.awaitCount(counter + 1, P);
    for (let t = Atomics.add(I, counter + 2, 1); t < S; t = Atomics.add(I, counter + 2, 1)) {
      const c0 = 24 * Math.floor((w24 * t) / S), c1 = t + 1 === S ? width : 24 * Math.floor((w24 * (t + 1)) / S);
      this.safely(() => {
        if (task(P + t, c0, c1) === 0) Atomics.store(I, counter + 3, 0);
      });
    }
    this.takeBack(used, seq);
    return Atomics.load(I, counter + 3);
  }

  /**
   * One fused Adam update (the kernel's arguments) in chunks taken from the shared counter, as
   * `matmul`: sqrt and division make it compute-bound, so a second thread halves it.
   */
  adamStep(theta: number, grad: number, m: number, v: number, n: number, lr: number, oneMinusBeta1: number,
    oneMinusBeta2: number, eps: number, lambda: number, c1: number, c2: number): void {
    this.chunked(4, n, [theta, grad, m, v], [lr, oneMinusBeta1, oneMinusBeta2, eps, lambda, c1, c2],
      (s0, s1) => this.ex.adamStep(theta + s0 * 4, grad + s0 * 4, m + s0 * 4, v + s0 * 4, s1 - s0, lr, oneMinusBeta1, oneMinusBeta2, eps, lambda, c1, c2));
  }

  /** One fused SGD update (the kernel's arguments; buf 0: no momentum buffer) in chunks, as Adam. */
  sgdStep(theta: number, grad: number, buf: number, n: number, lr: number, mu: number, oneMinusDampening: number,
    nesterov: number, lambda: number, first: number): void {
    this.chunked(7, n, [theta, grad, buf], [lr, mu, oneMinusDampening, lambda],
      (s0, s1) => this.ex.sgdStep(theta + s0 * 4, grad + s0 * 4, buf === 0 ? 0 : buf + s0 * 4, s1 - s0, lr, mu, oneMinusDampening, nesterov, lambda, first),
      [nesterov, first]);
  }

  /**
   * An element-wise command over n elements of several arrays in chunks from the shared counter:
   * chunk i covers elements [4·⌊q·i/chunks⌋, 4·⌊q·(i+1)/chunks⌋) (q = ⌈n/4⌉, clipped to n). Slot
   * args: the arrays' addresses, n, chunks, the other ints, then the floats (pool-worker.ts cmds
   * 4 and 7 read them in this order).
   */
  private chunked(cmd: number, n: number, arrays: number[], floats: number[], run: (s0: number, s1: number) => void, ints: number[] = []): void {
    const chunks = this.threads * this.chunksPerThread, q = Math.ceil(n / 4);
    const seq = this.nextSeq();
    Atomics.store(this.I, this.counter, 0);
    const used = this.postAll(seq, cmd, [...arrays, n, chunks, ...ints], floats);
    for (let i = Atomics.add(this.I, this.counter, 1); i < chunks; i = Atomics.add(this.I, this.counter, 1)) {
      const s0 = Math.min(n, Math.floor((q * i) / chunks) * 4), s1 = Math.min(n, Math.floor((q * (i + 1)) / chunks) * 4);
      this.safely(() => run(s0, s1));
    }
    this.takeBack(used, seq);
  }
}
