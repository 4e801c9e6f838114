// A persistent worker pool on the shared WebAssembly memory: each worker instantiates the same
// kernel module on the same memory and runs a row range of a large matmul. Hand-off is by
// spin-then-wait on an Int32Array in shared memory (Atomics.wait alone costs ~60 µs a call).

import { BackendError } from '../../core/errors.js';
import type { KernelExports } from './loader.js';
import type { WasmMemory } from './wasm-storage.js';

/**
 * Ints per worker slot: [command seq, done seq, command, up to 13 args], then on the next cache
 * line the sleep flags of the worker (16) and of the joining thread (17): Atomics.notify costs a
 * system call, so each side wakes the other only when it is actually asleep.
 */
const SLOT = 32;
/** Spin iterations before a worker falls back to Atomics.wait. */
const SPIN = 50000;
/** Spin iterations before the calling thread sleeps while joining. */
const JOIN_SPIN = 20000;
/** Atomics.wait is allowed on Node's main thread, not on a browser's. */
const canBlock = typeof (globalThis as { process?: unknown }).process !== 'undefined';

/** The worker's body, shipped as source text (Node: eval worker; browser: Blob URL). */
function workerMain(init: { module: WebAssembly.Module; memory: WebAssembly.Memory; ctrl: number; slot: number; spin: number; ready?: () => void }) {
  const inst = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  init.ready?.();
  const ex = inst.exports as unknown as Record<string, (...a: number[]) => void>;
  const commands = [ex.matmul, ex.unary, ex.binaryRow];
  const I = new Int32Array(init.memory.buffer, init.ctrl, (init.slot + 1) * 32);
  const base = init.slot * 32;
  let seen = 0;
  for (;;) {
    let spins = 0;
    while (Atomics.load(I, base) === seen) {
      if (++spins > init.spin) {
        Atomics.store(I, base + 16, 1);
        Atomics.wait(I, base, seen);
        Atomics.store(I, base + 16, 0);
        spins = 0;
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

export type MatmulArgs = readonly [number, number, number, number, number, number, number, number, number, number];

export class WorkerPool {
  private readonly workers: AnyWorker[] = [];
  private readonly I: Int32Array;
  private readonly ctrl: number;
  private readonly scratch: number[] = [];
  private seq = 0;
  /** Resolves when every worker runs (browsers: initWasm awaits it; a kernel posted before would spin forever). */
  started: Promise<void> = Promise.resolve();
  /**
   * Matmuls with m·n·k below this run on the calling thread: ~200 µs of single-thread work, so
   * a worker's wake-up (~60 µs when it already slept) cannot cost more than it gains.
   */
  minWork = 1 << 23;

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
      const init = { module, memory: mem.memory, ctrl: pool.ctrl, slot: s, spin: SPIN };
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
    return m >= 8 && m * n * k >= this.minWork;
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
   * Waits for workers 0..used−1 to finish `seq`: spins, then (where the calling thread may block,
   * as in Node) sleeps on the done word, so an oversubscribed machine does not burn its slice.
   */
  private join(used: number, seq: number): void {
    const I = this.I;
    for (let w = 0; w < used; w++) {
      const b = w * SLOT + 1;
      let spins = 0;
      for (let done = Atomics.load(I, b); done !== seq; done = Atomics.load(I, b)) {
        if (++spins > JOIN_SPIN && canBlock) {
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
    this.join(used, seq);
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
    this.join(used, seq);
  }

  /** Splits rows of one matmul over the threads (multiples of 4); the caller runs the first part. */
  matmul(args: MatmulArgs): void {
    const m = args[4];
    const per = Math.ceil(m / this.threads / 4) * 4;
    const seq = ++this.seq;
    let used = 0;
    for (let w = 0; w < this.workers.length && per * (w + 1) < m; w++, used++) {
      const r0 = per * (w + 1);
      this.post(w, seq, 0, [...args, r0, Math.min(m, r0 + per), this.scratch[w + 1]]);
    }
    this.ex.matmul(...args, 0, Math.min(m, per), this.scratch[0]);
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
