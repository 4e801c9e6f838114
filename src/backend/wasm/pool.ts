// A persistent worker pool on the shared WebAssembly memory: each worker instantiates the same
// kernel module on the same memory and runs a row range of a large matmul. Hand-off is by
// spin-then-wait on an Int32Array in shared memory (Atomics.wait alone costs ~60 µs a call).

import { BackendError } from '../../core/errors.js';
import type { KernelExports } from './loader.js';
import type { WasmMemory } from './wasm-storage.js';

/** Ints per worker slot: [command seq, done seq, 13 matmul args, pad]. */
const SLOT = 16;
/** Spin iterations before a worker falls back to Atomics.wait. */
const SPIN = 200000;

/** The worker's body, shipped as source text (Node: eval worker; browser: Blob URL). */
function workerMain(init: { module: WebAssembly.Module; memory: WebAssembly.Memory; ctrl: number; slot: number; spin: number }) {
  const inst = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  const ex = inst.exports as unknown as { matmul: (...a: number[]) => void };
  const I = new Int32Array(init.memory.buffer, init.ctrl, (init.slot + 1) * 16);
  const base = init.slot * 16;
  let seen = 0;
  for (;;) {
    let spins = 0;
    while (Atomics.load(I, base) === seen) {
      if (++spins > init.spin) {
        Atomics.wait(I, base, seen);
        spins = 0;
      }
    }
    seen = Atomics.load(I, base);
    if (seen < 0) return;
    ex.matmul(I[base + 2], I[base + 3], I[base + 4], I[base + 5], I[base + 6], I[base + 7], I[base + 8],
      I[base + 9], I[base + 10], I[base + 11], I[base + 12], I[base + 13], I[base + 14]);
    Atomics.store(I, base + 1, seen);
    Atomics.notify(I, base + 1);
  }
}

const nodeSource = `const { workerData } = require('node:worker_threads');\n(${workerMain.toString()})(workerData);`;
const browserSource = `onmessage = (e) => (${workerMain.toString()})(e.data);`;

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
  /** Matmuls with m·n·k below this run on the calling thread. */
  minWork = 64 * 64 * 64;

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
    for (let s = 0; s < threads - 1; s++) {
      const init = { module, memory: mem.memory, ctrl: pool.ctrl, slot: s, spin: SPIN };
      if (workerThreads) {
        const w = new workerThreads.Worker(nodeSource, { eval: true, workerData: init });
        w.unref();
        pool.workers.push(w);
      } else {
        const url = URL.createObjectURL(new Blob([browserSource], { type: 'text/javascript' }));
        const w = new Worker(url);
        w.postMessage(init);
        pool.workers.push(w);
      }
    }
    return pool;
  }

  wantsMatmul(m: number, n: number, k: number): boolean {
    return m >= 8 && m * n * k >= this.minWork;
  }

  /** Splits rows of one matmul over the threads (multiples of 4); the caller runs the first part. */
  matmul(args: MatmulArgs): void {
    const m = args[4];
    const per = Math.ceil(m / this.threads / 4) * 4;
    const I = this.I;
    const seq = ++this.seq;
    let used = 0;
    for (let w = 0; w < this.workers.length; w++) {
      const r0 = per * (w + 1);
      if (r0 >= m) break;
      const b = w * SLOT;
      for (let i = 0; i < 10; i++) I[b + 2 + i] = args[i];
      I[b + 12] = r0;
      I[b + 13] = Math.min(m, r0 + per);
      I[b + 14] = this.scratch[w + 1];
      Atomics.store(I, b, seq);
      Atomics.notify(I, b, 1);
      used++;
    }
    this.ex.matmul(...args, 0, Math.min(m, per), this.scratch[0]);
    for (let w = 0; w < used; w++) {
      const b = w * SLOT + 1;
      while (Atomics.load(I, b) !== seq);
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
