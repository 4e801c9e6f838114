// The pool's failure path: a kernel that traps in a worker (and only there) must surface as a
// BackendError on the calling thread at the join, not hang the caller and not leave a result
// that looks complete; the flag is cleared, so the pool keeps working for the next command.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as workerThreads from 'node:worker_threads';
import { BackendError } from '../../core/errors.js';
import { UNARY_IDS } from './coverage.js';
import { loadModuleSync } from './loader.js';
import { WorkerPool } from './pool.js';
import { createWasmBackend, type WasmBackend } from './wasm-backend.js';

describe('worker pool failures', () => {
  let be: WasmBackend, pool: WorkerPool;
  before(async () => {
    const loaded = loadModuleSync({ variant: 'simd' });
    be = createWasmBackend(loaded, { name: 'wasm-pool-failure' });
    pool = WorkerPool.create(loaded.module, be.exports, be.mem, 2, workerThreads);
    await pool.started;
  });
  after(() => pool.close());

  it('a trap in a worker throws a BackendError at the join, and the next command runs', () => {
    const neg = UNARY_IDS.neg;
    const n = 4096, per = n / 2;
    const out = be.alloc('float32', n);
    // x placed so that the calling thread's half [0, per) ends exactly at the end of wasm memory:
    // the worker's half starts past it and traps (memory access out of bounds) in the worker only
    const end = be.mem.memory.buffer.byteLength;
    const x = end - per * 4;
    assert.throws(() => pool.unary(neg, x, be.mem.ptr(out), n), (e: unknown) => {
      assert.ok(e instanceof BackendError, `got ${String(e)}`);
      assert.match(e.message, /worker 1/);
      return true;
    });
    // the flag was cleared: a valid command on the same pool completes, both halves computed
    const src = be.fromArray(Float32Array.from({ length: n }, (_, i) => i + 1));
    pool.unary(neg, be.mem.ptr(src), be.mem.ptr(out), n);
    const got = be.read(out);
    assert.equal(got[0], -1);
    assert.equal(got[per], -(per + 1), 'the worker computed its half');
    assert.equal(got[n - 1], -n);
  });

  it('a trap on the calling thread propagates only after the workers finished the command', () => {
    const n = 4096, per = n / 2;
    const out = be.fromArray(new Float32Array(n).fill(12345));
    // the calling thread's half starts 8 KiB below address 0 (out of bounds as an unsigned
    // address), the worker's half at address 0 (the module's static data: in bounds)
    assert.throws(() => pool.unary(UNARY_IDS.neg, -per * 4, be.mem.ptr(out), n), WebAssembly.RuntimeError);
    const got = be.read(out);
    assert.ok(got.subarray(per).some((v) => v !== 12345), 'the worker wrote its half before the error reached the caller');
    assert.equal(got[0], 12345, 'the trapped half was not written');
  });

  it('a trap inside a barrier command (packing tasks) throws after the barrier and leaves the pool clean', () => {
    // a row-split matmul: every thread takes packing tasks from a counter, then waits until all
    // are done. B's second half lies past wasm memory, so whichever thread packs it traps; every
    // task still counts as done, the others get through the barrier, and the caller throws once
    // all have finished (a RuntimeError of its own, or a BackendError naming the worker).
    const [m, n, k] = [64, 64, 4096];
    pool.split = 'rows';
    try {
      const a = be.alloc('float32', m * k), c = be.alloc('float32', m * n);
      const b = be.mem.memory.buffer.byteLength - (k * n * 4) / 2;
      const t0 = performance.now();
      assert.throws(() => pool.matmul(be.mem.ptr(a), b, be.mem.ptr(c), 0, m, n, k, 0),
        (e: unknown) => e instanceof BackendError || e instanceof WebAssembly.RuntimeError);
      assert.ok(performance.now() - t0 < 5000, 'returned well before the 10 s barrier watchdog');
      // no flag is left over to be reported by the next command
      const src = be.fromArray(Float32Array.from({ length: 8 }, (_, i) => i + 1));
      pool.unary(UNARY_IDS.neg, be.mem.ptr(src), be.mem.ptr(c), 8);
      assert.deepEqual([...be.read(c).subarray(0, 8)], [-1, -2, -3, -4, -5, -6, -7, -8]);
    } finally {
      pool.split = 'auto';
    }
  });
});
