// Allocator: size classes, reuse of freed regions, eviction order and budget, pinning, restore
// of evicted regions, MemoryError after free, BackendError when memory cannot grow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BackendError, MemoryError } from '../../core/errors.js';
import { Allocator, sizeClass } from './allocator.js';

function make(budget: number): Allocator {
  const memory = new WebAssembly.Memory({ initial: 2, maximum: 1024 });
  return new Allocator(memory, 65536, budget, () => {});
}

describe('wasm allocator', () => {
  it('size classes: 64 B minimum, four per octave, at most 25% waste', () => {
    assert.deepEqual(sizeClass(1), [0, 64]);
    assert.deepEqual(sizeClass(64), [0, 64]);
    assert.deepEqual(sizeClass(65), [1, 80]);
    assert.deepEqual(sizeClass(128), [4, 128]);
    assert.deepEqual(sizeClass(129), [5, 160]);
    for (let b = 1; b < 1e6; b = Math.ceil(b * 1.37) + 1) {
      const [, c] = sizeClass(b);
      assert.ok(c >= b && c <= Math.max(64, b * 1.25 + 1), `class of ${b} is ${c}`);
    }
  });

  it('an evicted region keeps its bytes, small (plain-array copy) or large, and restores them', () => {
    const a = make(256);
    const small = a.alloc(4, false, null), mid = a.alloc(40, false, null);
    a.u8.set([1, 2, 3, 250], small.ptr);
    for (let i = 0; i < 40; i++) a.u8[mid.ptr + i] = 200 - i;
    a.evictAll();
    assert.ok(small.ptr < 0 && mid.ptr < 0);
    assert.ok(Array.isArray(small.host), 'a scalar is copied into a plain array');
    assert.ok(mid.host instanceof Uint8Array);
    // other data takes their places; restoring copies the same bytes back
    for (let i = 0; i < 4; i++) a.u8.fill(7, a.alloc(64, false, null).ptr, 64);
    const ps = a.ptr(small), pm = a.ptr(mid);
    assert.deepEqual([...a.u8.subarray(ps, ps + 4)], [1, 2, 3, 250]);
    assert.deepEqual([...a.u8.subarray(pm, pm + 40)], Array.from({ length: 40 }, (_, i) => 200 - i));
  });

  it('reuses a freed region of the same class', () => {
    const a = make(1 << 20);
    const r1 = a.alloc(1000, false, null);
    const p = r1.ptr;
    a.free(r1);
    const r2 = a.alloc(1001, false, null);
    assert.equal(r2.ptr, p);
  });

  it('evicts least-recently-used temporaries beyond the budget, never pinned ones', () => {
    const a = make(4 * 1024);
    const pinned = a.alloc(1024, true, null);
    const rs = Array.from({ length: 8 }, () => a.alloc(1024, false, null));
    assert.ok(pinned.ptr >= 0);
    assert.equal(rs.filter((r) => r.ptr < 0).length, 4, 'the four oldest are evicted');
    assert.ok(rs.slice(4).every((r) => r.ptr >= 0));
    assert.ok(a.getStats().tempBytes <= 4 * 1024);
  });

  it('an evicted region comes back with its bytes', () => {
    const a = make(2048);
    const r = a.alloc(1024, false, null);
    a.u8.fill(42, r.ptr, r.ptr + 1024);
    a.alloc(1024, false, null);
    a.alloc(1024, false, null);
    assert.equal(r.ptr, -1);
    a.stamp++;
    const p = a.ptr(r);
    assert.ok(a.u8.subarray(p, p + 1024).every((v) => v === 42));
    assert.equal(a.getStats().restoredBytes, 1024);
  });

  it('reading a freed region throws MemoryError', () => {
    const a = make(1 << 20);
    const r = a.alloc(16, false, null);
    a.free(r);
    a.free(r);
    assert.throws(() => a.ptr(r), MemoryError);
  });

  it('grows memory when the bump pointer passes the end', () => {
    const a = make(1 << 30);
    const before = a.memory.buffer.byteLength;
    const r = a.alloc(1 << 20, true, null);
    a.u8[r.ptr + (1 << 20) - 1] = 7;
    assert.ok(a.memory.buffer.byteLength > before);
    assert.equal(a.u8.length, a.memory.buffer.byteLength, 'views refreshed after grow');
  });
  it('promotes a temporary to pinned when it is evicted twice and used again, not once', () => {
    const a = make(4 * 1024);
    const owner = {};
    const r = a.alloc(1024, false, owner);
    const flush = () => Array.from({ length: 6 }, () => a.alloc(1024, false, null));
    flush();
    assert.ok(r.ptr < 0, 'evicted once');
    a.ptr(r, owner);
    assert.equal(r.pinned, false, 'restored after one eviction: still a temporary');
    a.stamp++;
    flush();
    assert.ok(r.ptr < 0, 'evicted twice');
    a.ptr(r, owner);
    assert.equal(r.pinned, true, 'restored after a second eviction: pinned');
    a.stamp++;
    flush();
    assert.ok(r.ptr >= 0, 'a pinned region is never evicted');
  });
  it('memory that cannot grow: BackendError naming the op; nothing placed, every region intact', () => {
    // this memory's maximum is 1,024 pages (64 MiB), under the allocator's 2 GiB limit, so it is
    // memory.grow that refuses: the path where accounting was done before the address was known
    const a = make(1 << 30);
    const keep = a.alloc(100, false, null);
    a.u8.fill(9, keep.ptr, keep.ptr + 100);
    a.alloc(50 * 2 ** 20, true, null); // a 56 MiB region
    const st = a.getStats();
    const inUse = st.pinnedBytes + st.tempBytes;
    assert.throws(() => a.alloc(10 * 2 ** 20, false, null, 'zeros'), (e: unknown) => e instanceof BackendError &&
      e.message.startsWith(`zeros: out of WebAssembly memory; asked for 10485760 bytes with ${inUse} in use`));
    assert.deepEqual(a.getStats(), st, 'stats as before');
    // the temporary list is intact: evicting and restoring `keep` gives its bytes back
    a.evictAll();
    assert.deepEqual([...a.u8.subarray(a.ptr(keep), a.ptr(keep) + 100)], new Array(100).fill(9));
    // a restore that cannot be placed leaves the region evicted with its bytes; later it works
    a.evictAll();
    const slot = a.alloc(100, true, null); // takes the address keep had
    const fill: unknown[] = [];
    for (const size of [2 ** 20, 64]) {
      for (;;) {
        try {
          fill.push(a.alloc(size, true, null));
        } catch (e) {
          assert.ok(e instanceof BackendError);
          break;
        }
      }
    }
    const full = a.getStats();
    // evicted twice, so a restore for an owner would pin it: a refused one must not
    const owner = {};
    assert.equal(keep.evictions, 2);
    assert.throws(() => a.ptr(keep, owner), (e: unknown) => e instanceof BackendError && e.message.startsWith(
      `wasm: out of WebAssembly memory restoring an evicted tensor; asked for 100 bytes with ${full.pinnedBytes} in use`));
    assert.deepEqual(a.getStats(), full);
    assert.ok(keep.ptr < 0 && keep.host !== null);
    assert.equal(keep.pinned, false, 'a refused restore leaves the region an evicted temporary');
    a.free(slot);
    assert.deepEqual([...a.u8.subarray(a.ptr(keep, owner), a.ptr(keep, owner) + 100)], new Array(100).fill(9));
    assert.equal(keep.pinned, true, 'restored after its second eviction: pinned');
  });
});
