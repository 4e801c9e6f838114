// Out of WebAssembly memory (issue 14 item 4): an allocation beyond what wasm memory can grow to
// throws a BackendError naming the op, the bytes asked for and in use; existing tensors keep their
// values and later ops work. The requests are refused before memory grows (they exceed the room
// left), so the check costs no RAM. With NABLA_RELIABILITY_OUT set, the outcome goes to oom.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as nb from '../../src/index.js';
import { BackendError } from '../../src/core/errors.js';
import { loadWasm } from '../../src/backend/wasm/index.js';

const HINT = '\nhint: dispose() large tensors no longer needed, pin fewer, or lower the eviction budget';

test('wasm: an allocation past the memory limit throws BackendError; tensors and ops keep working', () => {
  const w = loadWasm({ threads: 1 });
  const on = { backend: 'wasm' };
  nb.manualSeed(3);
  const a = nb.fromArray([1, 2, 3, 4], [4], on);
  const p = new nb.Parameter(nb.randn([64, 64], on)); // pinned
  const pBefore = Array.from(p.toTypedArray());
  const x = nb.ones([65536, 1], on), y = nb.ones([1, 65536], on);
  const before = w.memoryStats();
  const inUse = before.pinnedBytes + before.tempBytes;
  const limit = 2 ** 31;
  const refused = (fn: () => unknown, op: string, asked: number) => {
    let message = '';
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof BackendError, `expected BackendError, got ${String(e)}`);
      message = e.message;
      assert.equal(e.message,
        `${op}: out of WebAssembly memory; asked for ${asked} bytes with ${inUse} in use (limit ${limit} bytes)${HINT}`);
      assert.deepEqual({ ...e.details }, { asked, inUse, limit, note: `limit ${limit} bytes` });
      return true;
    });
    return message;
  };
  const messages = [
    // 2³¹ float32s: 8 GiB, past wasm32's 2 GiB (MAX_PAGES) outright
    refused(() => nb.zeros([2 ** 31], on), 'zeros', 2 ** 33),
    // [65536, 1] · [1, 65536]: the output of 2³² floats (16 GiB)
    refused(() => nb.matmul(x, y), 'matmul', 2 ** 34),
    // within the limit but more than the room left: refused before growing or evicting
    refused(() => nb.full([2 ** 29 - 2 ** 14], 0.5, on), 'full', limit - 2 ** 16),
  ];
  const after = w.memoryStats();
  assert.equal(after.heapBytes, before.heapBytes, 'memory did not grow');
  assert.equal(after.pinnedBytes + after.tempBytes, inUse, 'nothing was allocated');
  assert.equal(after.evictions, before.evictions, 'nothing was evicted for a refused request');
  // existing tensors keep their values; later ops (and new allocations) work
  assert.deepEqual(Array.from(a.toTypedArray()), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(p.toTypedArray()), pBefore);
  assert.deepEqual(Array.from(nb.add(a, 1).toTypedArray()), [2, 3, 4, 5]);
  assert.equal(nb.matmul(y, x).item(), 65536);
  assert.equal(nb.sum(nb.zeros([1000], on)).item(), 0);
  nb.sum(nb.mul(p, p)).backward();
  assert.deepEqual(Array.from(p.grad!.toTypedArray()), pBefore.map((v) => 2 * v));
  const out = process.env.NABLA_RELIABILITY_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'oom.json'), JSON.stringify({ ok: true, limit, inUse, messages }, null, 2));
  }
});

test('js: an array the engine refuses is a BackendError naming the op, not a RangeError', () => {
  const on = { backend: 'js' };
  const a = nb.fromArray([1, 2, 3, 4], [4], on);
  // 2³³ float32s: past V8's typed-array length limit (2³² elements on 64-bit)
  assert.throws(() => nb.zeros([2 ** 33], on), (e: unknown) => {
    assert.ok(e instanceof BackendError, `expected BackendError, got ${String(e)}`);
    assert.equal(e.message, 'zeros: out of memory on the js backend; asked for 34359738368 bytes ' +
      '(Invalid typed array length: 8589934592)\nhint: dispose() large tensors no longer needed, or allocate less at once');
    return true;
  });
  assert.deepEqual(Array.from(nb.add(a, 1).toTypedArray()), [2, 3, 4, 5]);
});
