// The body of a worker of the pool (pool.ts), shipped as source text: it runs in a Node worker
// (eval) or a browser worker (Blob URL), so it cannot import anything; the commands' chunk-claim
// loops are mirrored in WorkerPool, which runs the same loops on the calling thread. Define no
// function inside workerMain: a transpiler (tsx under the tests) may wrap it in a helper of its
// own (esbuild's __name), which does not exist in the worker, and the worker dies at its first
// command.
//
// Slot layout (ints, SLOT = 32 per worker): [command seq, done seq, command, up to 13 args],
// 16 the worker's sleep flag, 17 the joiner's, 18 the claim word, 19 set when a kernel threw;
// after all slots, the shared counters of chunked commands. See PoolCore.

/** The worker's body, shipped as source text (Node: eval worker; browser: Blob URL). */
export function workerMain(init: { module: WebAssembly.Module; memory: WebAssembly.Memory; ctrl: number; slot: number; workers: number; spinMs: number; ready?: () => void }) {
  const inst = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  init.ready?.();
  const ex = inst.exports as unknown as Record<string, (...a: number[]) => number>;
  const commands = [ex.matmul, ex.unary, ex.binaryRow];
  // the slots of every worker, then the shared counters of chunked commands (next chunk or task;
  // cmds 5 and 6 also: tasks done, next tile or slice; cmd 6: the finite flag)
  const I = new Int32Array(init.memory.buffer, init.ctrl, init.workers * 32 + 4);
  const F = new Float32Array(I.buffer, I.byteOffset, I.length);
  const base = init.slot * 32, counter = init.workers * 32;
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
    // claim the command (word 18 = 2·seq once claimed, 2·seq + 1 once the poster took it back)
    const claim = Atomics.load(I, base + 18);
    if (claim >= 2 * seen || Atomics.compareExchange(I, base + 18, claim, 2 * seen) !== claim) continue;
    // a kernel that throws (a trap) marks word 19 and still reports the command done (and a task
    // before a barrier still counts as done), so the caller's join throws instead of waiting
    // forever for this thread
    try {
      const cmd = I[base + 2];
      if (cmd === 3) {
        // column split: args a b c bias m n k flags _ tiles minTiles scratch div: the shared counter
        // is the next 8-column tile; a claim takes max(minTiles, ⌈remaining / div⌉) tiles
        const m = I[base + 7], n = I[base + 8], tiles = I[base + 12], minTiles = I[base + 13], div = I[base + 15];
        for (let p = Atomics.load(I, counter); p < tiles; p = Atomics.load(I, counter)) {
          const q = Math.min(tiles, p + Math.max(minTiles, Math.ceil((tiles - p) / div)));
          if (Atomics.compareExchange(I, counter, p, q) !== p) continue;
          ex.matmul(I[base + 3], I[base + 4], I[base + 5], I[base + 6], m, n, I[base + 9], I[base + 10],
            0, m, p * 8, Math.min(n, q * 8), I[base + 14]);
        }
      } else if (cmd === 5) {
        // row split over one shared packed B (see WorkerPool.matmul): args a b c bias m n k flags
        // bp packTasks minTiles scratch div. Packing tasks first (task t packs rows 4·⌊k·t/4P⌋ to
        // 4·⌊k·(t+1)/4P⌋ of op(B), the last one to k), then, once all are done, guided claims of 4-row tiles.
        const m = I[base + 7], n = I[base + 8], k = I[base + 9], fl = I[base + 10], bp = I[base + 11], P = I[base + 12];
        const tiles = Math.ceil(m / 4), minTiles = I[base + 13], div = I[base + 15];
        for (let t = Atomics.add(I, counter, 1); t < P; t = Atomics.add(I, counter, 1)) {
          // a task that throws still counts as done (flag 19 tells the caller), or the other
          // threads would wait at the barrier below forever
          try {
            ex.packBShared(I[base + 4], n, k, fl, Math.floor((k * t) / (4 * P)) * 4, t + 1 === P ? k : Math.floor((k * (t + 1)) / (4 * P)) * 4, bp);
          } catch {
            Atomics.store(I, base + 19, 1);
          }
          Atomics.add(I, counter + 1, 1);
        }
        while (Atomics.load(I, counter + 1) < P);
        for (let p = Atomics.load(I, counter + 2); p < tiles; p = Atomics.load(I, counter + 2)) {
          const q = Math.min(tiles, p + Math.max(minTiles, Math.ceil((tiles - p) / div)));
          if (Atomics.compareExchange(I, counter + 2, p, q) !== p) continue;
          ex.matmulPacked(I[base + 3], bp, I[base + 5], I[base + 6], m, n, k, fl, p * 4, Math.min(m, q * 4), I[base + 14]);
        }
      } else if (cmd === 6) {
        // sparse product (WorkerPool.sparse): args x xr xc byCols l d width out flags bias tsrc P S:
        // list tasks 0..P−1 from the counter, then, once all are done (the next word counts them),
        // S column slices from the word after; a non-finite transposed slice clears the fourth word
        const P = I[base + 14], S = I[base + 15], width = I[base + 9], w24 = Math.floor(width / 24);
        for (let t = Atomics.add(I, counter, 1); t < P; t = Atomics.add(I, counter, 1)) {
          try {
            ex.sparseTask(t, P, I[base + 3], I[base + 4], I[base + 5], I[base + 6], I[base + 7], I[base + 8], width, 0, 0,
              I[base + 10], I[base + 11], I[base + 12], I[base + 13]);
          } catch {
            Atomics.store(I, base + 19, 1);
          }
          Atomics.add(I, counter + 1, 1);
        }
        while (Atomics.load(I, counter + 1) < P);
        for (let t = Atomics.add(I, counter + 2, 1); t < S; t = Atomics.add(I, counter + 2, 1)) {
          const c0 = 24 * Math.floor((w24 * t) / S), c1 = t + 1 === S ? width : 24 * Math.floor((w24 * (t + 1)) / S);
          if (ex.sparseTask(P + t, P, I[base + 3], I[base + 4], I[base + 5], I[base + 6], I[base + 7], I[base + 8], width, c0, c1,
            I[base + 10], I[base + 11], I[base + 12], I[base + 13]) === 0) Atomics.store(I, counter + 3, 0);
        }
      } else if (cmd === 4) {
        // chunked Adam: args theta grad m v n chunks, then (float) lr 1−β₁ 1−β₂ ε λ c₁ c₂; chunk i covers
        // elements [4·⌊q·i/chunks⌋, 4·⌊q·(i+1)/chunks⌋) (q = ⌈n/4⌉, clipped to n)
        const n = I[base + 7], chunks = I[base + 8], q = Math.ceil(n / 4);
        for (let i = Atomics.add(I, counter, 1); i < chunks; i = Atomics.add(I, counter, 1)) {
          const s0 = Math.min(n, Math.floor((q * i) / chunks) * 4), s1 = Math.min(n, Math.floor((q * (i + 1)) / chunks) * 4);
          ex.adamStep(I[base + 3] + s0 * 4, I[base + 4] + s0 * 4, I[base + 5] + s0 * 4, I[base + 6] + s0 * 4, s1 - s0,
            F[base + 9], F[base + 10], F[base + 11], F[base + 12], F[base + 13], F[base + 14], F[base + 15]);
        }
      } else if (cmd === 7) {
        // chunked SGD, chunks as Adam's: args theta grad buf n chunks nesterov first, then (float)
        // lr μ 1−τ λ; buf 0 means no momentum buffer
        const n = I[base + 6], chunks = I[base + 7], q = Math.ceil(n / 4), buf = I[base + 5];
        for (let i = Atomics.add(I, counter, 1); i < chunks; i = Atomics.add(I, counter, 1)) {
          const s0 = Math.min(n, Math.floor((q * i) / chunks) * 4), s1 = Math.min(n, Math.floor((q * (i + 1)) / chunks) * 4);
          ex.sgdStep(I[base + 3] + s0 * 4, I[base + 4] + s0 * 4, buf === 0 ? 0 : buf + s0 * 4, s1 - s0,
            F[base + 10], F[base + 11], F[base + 12], I[base + 8], F[base + 13], I[base + 9]);
        }
      } else {
        commands[cmd](I[base + 3], I[base + 4], I[base + 5], I[base + 6], I[base + 7], I[base + 8],
          I[base + 9], I[base + 10], I[base + 11], I[base + 12], I[base + 13], I[base + 14], I[base + 15]);
      }
    } catch {
      Atomics.store(I, base + 19, 1);
    }
    Atomics.store(I, base + 1, seen);
    if (Atomics.load(I, base + 17) !== 0) Atomics.notify(I, base + 1);
  }
}

export const nodeSource = `const { workerData } = require('node:worker_threads');\n(${workerMain.toString()})(workerData);`;
// A browser worker starts only once the page's main thread yields, so it says when it runs (`started`).
export const browserSource = `onmessage = (e) => (${workerMain.toString()})({ ...e.data, ready: () => postMessage('ready') });`;
