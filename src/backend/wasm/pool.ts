// A persistent worker pool on the shared WebAssembly memory: each worker instantiates the same
// kernel module on the same memory and runs a block of a large matmul. Hand-off is by
// spin-then-wait on an Int32Array in shared memory: waking a thread that sleeps in Atomics.wait
// costs 60–400 µs on a VM, so workers spin for a few milliseconds after each command, and a
// medium matmul that finds its worker asleep runs on the calling thread (and wakes the worker
// for the next one).

import { BackendError } from '../../core/errors.js';
import type { KernelExports } from './loader.js';
import type { WasmMemory } from './wasm-storage.js';

/**
 * Ints per worker slot: [command seq, done seq, command, up to 13 args], then on the next cache
 * line the sleep flags of the worker (16) and of the joining thread (17): Atomics.notify costs a
 * system call, so each side wakes the other only when it is actually asleep.
 */
const SLOT = 32;
/** Milliseconds a worker spins after its last command before it sleeps in Atomics.wait. */
const SPIN_MS = 3;
/** Milliseconds the calling thread spins while joining before it sleeps. */
const JOIN_SPIN_MS = 1;
/** Atomics.wait is allowed on Node's main thread, not on a browser's. */
const canBlock = typeof (globalThis as { process?: unknown }).process !== 'undefined';

/** The worker's body, shipped as source text (Node: eval worker; browser: Blob URL). */
function workerMain(init: { module: WebAssembly.Module; memory: WebAssembly.Memory; ctrl: number; slot: number; spinMs: number; ready?: () => void }) {
  const inst = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  init.ready?.();
  const ex = inst.exports as unknown as Record<string, (...a: number[]) => void>;
  const commands = [ex.matmul, ex.unary, ex.binaryRow];
  const I = new Int32Array(init.memory.buffer, init.ctrl, (init.slot + 1) * 32);
  const base = init.slot * 32;
  let seen = 0;
  for (;;) {
    // spin (reading the clock every 1024 turns), then sleep until a command or a wake-up call
    let spins = 0, t0 = performance.now();
    while (Atomics.load(I, base) === seen) {
      if ((++spins & 1023) === 0 && performance.now() - t0 > init.spinMs) {
        Atomics.store(I, base + 16, 1);
        Atomics.wait(I, base, seen);
        Atomics.store(I, base + 16, 0);
        t0 = performance.now();
      }
    }
    seen = Atomics.load(I, base);
    if (seen < 0) return;
    commands[I[base + 2]](I[base + 3], I[base + 4], I[base + 5], I[base + 6], I[base + 7], I[base + 8],
      I[base + 9], I[base + 10], I[base + 11], I[base + 12], I[base + 13], I[base + 14], I[base + 15]);
    Atomics.store(I, base + 1, seen);
    if (Atomics.load(I, base + 17) !== 0) Atomics.notify(I, base + 1);
  }
}

const nodeSource = `const { workerData } = require('node:worker_threads');\n(${workerMain.toString()})(workerData);`;
// A browser worker starts only once the page's main thread yields, so it says when it runs (`started`).
const browserSource = `onmessage = (e) => (${workerMain.toString()})({ ...e.data, ready: () => postMessage('ready') });`;

interface AnyWorker {
  terminate(): unknown;
  unref?: () => void;
}

export class WorkerPool {
  private readonly workers: AnyWorker[] = [];
  private readonly I: Int32Array;
  private readonly ctrl: number;
  private readonly scratch: number[] = [];
  private seq = 0;
  /** Resolves when every worker runs (browsers: initWasm awaits it; a kernel posted before would spin forever). */
  started: Promise<void> = Promise.resolve();
  /**
   * Matmuls with m·n·k below this run on the calling thread (~5 µs of work at 2¹⁸: a hand-off
   * to a spinning worker costs ~1–2 µs).
   */
  minWork = 1 << 18;
  /**
   * Below this m·n·k (~300 µs of work), a matmul that finds a worker asleep runs on the calling
   * thread and only wakes the worker (waking costs up to ~400 µs on a VM), so the next one finds
   * it spinning.
   */
  wakeMinWork = 1 << 24;

  private constructor(
    private readonly ex: KernelExports,
    mem: WasmMemory,
    readonly threads: number,
  ) {
    const n = threads - 1;
    this.ctrl = mem.alloc.alloc(SLOT * 4 * Math.max(n, 1), true, null).ptr;
    this.I = new Int32Array(mem.memory.buffer, this.ctrl, SLOT * Math.max(n, 1));
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
      const init = { module, memory: mem.memory, ctrl: pool.ctrl, slot: s, spinMs: SPIN_MS };
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
    const work = m * n * k;
    if (work < this.minWork || Math.ceil(m / 4) * Math.ceil(n / 8) < 2 * this.threads) return false;
    if (work < this.wakeMinWork && this.wakeSleepers()) return false;
    return true;
  }

  /** Wakes every sleeping worker without a command (it then spins); true if any was asleep. */
  private wakeSleepers(): boolean {
    const I = this.I;
    let any = false;
    for (let w = 0; w < this.workers.length; w++) {
      if (Atomics.load(I, w * SLOT + 16) !== 0) {
        Atomics.notify(I, w * SLOT, 1);
        any = true;
      }
    }
    return any;
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
    const seq = ++this.seq;
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
    const seq = ++this.seq;
    let used = 0;
    for (let w = 0; w < this.workers.length && per * (w + 1) < n; w++, used++) {
      const i0 = per * (w + 1), len = Math.min(n, i0 + per) - i0;
      this.post(w, seq, 2, [op, a + i0 * sa * 4, sa, b + i0 * sb * 4, sb, out + i0 * 4, len]);
    }
    this.ex.binaryRow(op, a, sa, b, sb, out, Math.min(n, per));
    this.join((1 << used) - 1, seq);
  }

  /**
   * Splits one matmul over the threads, the caller running the first block: along the rows
   * (multiples of 4) when that gives every thread enough row tiles, else along the columns
   * (multiples of 8), which also splits the packing of B instead of repeating it per thread.
   * The estimate counts 4×8-tile steps per thread plus the B elements it packs (~1/8 of a step).
   */
  matmul(a: number, b: number, c: number, bias: number, m: number, n: number, k: number, flags: number): void {
    const T = this.threads;
    const rt = Math.ceil(m / 4), ct = Math.ceil(n / 8);
    const rowCost = Math.ceil(rt / T) * ct * k + (k * n) / 8;
    const colCost = rt * Math.ceil(ct / T) * k + (k * Math.ceil(ct / T) * 8) / 8;
    const byCols = colCost < rowCost;
    const tiles = byCols ? ct : rt, unit = byCols ? 8 : 4, size = byCols ? n : m;
    const seq = ++this.seq;
    const I = this.I;
    let used = 0;
    // tiles split as evenly as possible; block t covers [lo(t), lo(t+1))
    const lo = (t: number) => Math.min(size, Math.floor((tiles * t) / T) * unit);
    for (let w = 0; w < this.workers.length; w++) {
      const s0 = lo(w + 1), s1 = lo(w + 2);
      if (s1 <= s0) continue;
      const base = w * SLOT;
      I[base + 2] = 0;
      I[base + 3] = a; I[base + 4] = b; I[base + 5] = c; I[base + 6] = bias;
      I[base + 7] = m; I[base + 8] = n; I[base + 9] = k; I[base + 10] = flags;
      I[base + 11] = byCols ? 0 : s0; I[base + 12] = byCols ? m : s1;
      I[base + 13] = byCols ? s0 : 0; I[base + 14] = byCols ? s1 : n;
      I[base + 15] = this.scratch[w + 1];
      Atomics.store(I, base, seq);
      if (Atomics.load(I, base + 16) !== 0) Atomics.notify(I, base, 1);
      used |= 1 << w;
    }
    const e = lo(1);
    if (byCols) this.ex.matmul(a, b, c, bias, m, n, k, flags, 0, m, 0, e, this.scratch[0]);
    else this.ex.matmul(a, b, c, bias, m, n, k, flags, 0, e, 0, n, this.scratch[0]);
    this.join(used, seq);
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
