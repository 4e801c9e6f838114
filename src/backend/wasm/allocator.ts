// The wasm backend's memory manager (docs/design.md §3): size-class free lists over a bump
// pointer in WebAssembly memory; temporaries kept in last-use order and evicted to JS arrays
// beyond a byte budget; pinned regions exempt; FinalizationRegistry releases unreachable ones.

import { BackendError, MemoryError } from '../../core/errors.js';
import { MAX_PAGES } from './loader.js';
import { MIN_BYTES, Region, SMALL_HOST, sizeClass, smallCopy, type MemoryStats } from './region.js';

export { Region, sizeClass, type MemoryStats } from './region.js';

const ALIGN = 64;

export class Allocator {
  private readonly freeLists: number[][] = [];
  private top: number;
  /** Oldest-used temporary first. */
  private head: Region | null = null;
  private tail: Region | null = null;
  /** Current kernel-call stamp (see Region.stamp). */
  stamp = 1;
  private readonly stats: MemoryStats;
  private readonly registry = new FinalizationRegistry<Region>((r) => this.release(r));
  /** Resident temporaries (count). */
  private tempCount = 0;
  /**
   * At most this many resident temporaries, whatever their bytes: a long list of small regions
   * would live into V8's old generation and make every garbage collection slow (measured: 2.6 µs
   * per small op with 10⁶ resident temporaries, 0.3 µs with 16 k).
   */
  maxTemporaries = 4096;
  /** Bytes wasm memory can grow to: the module's maximum, MAX_PAGES pages (2 GiB). */
  readonly limit = MAX_PAGES * 65536;
  u8!: Uint8Array;

  constructor(
    readonly memory: WebAssembly.Memory,
    /** Reserved low bytes (AssemblyScript statics). */
    base: number,
    /** Resident temporaries above this many bytes are evicted, oldest first. */
    public budget: number,
    private readonly onGrow: () => void,
  ) {
    this.top = base;
    this.stats = { heapBytes: 0, topBytes: 0, tempBytes: 0, pinnedBytes: 0, evictions: 0, evictedBytes: 0, restoredBytes: 0 };
    this.refresh();
  }

  private refresh(): void {
    this.u8 = new Uint8Array(this.memory.buffer);
    this.stats.heapBytes = this.memory.buffer.byteLength;
    this.onGrow();
  }

  /**
   * A region for `used` bytes. Temporaries are not registered for finalization: registering costs
   * ~1 µs, and in a synchronous loop the registry's callbacks never run, so it would only retain
   * them; eviction bounds them instead. Pinned regions are registered (see `pin`).
   * Throws BackendError naming `op` when memory cannot grow to hold it (see outOfMemory); nothing
   * is allocated then, and every existing region keeps its bytes.
   */
  alloc(used: number, pinned: boolean, owner: object | null, op = 'wasm'): Region {
    if (used > this.limit) throw this.outOfMemory(op, used, '');
    const r = used <= MIN_BYTES ? new Region(used, 0, MIN_BYTES) : this.classed(used);
    // refused before evicting anything for it, when neither a free region nor growth can hold it
    if (!this.freeLists[r.cls]?.length && this.top + r.bytes > this.limit) throw this.outOfMemory(op, used, '');
    this.stamp++;
    r.pinned = pinned;
    r.stamp = this.stamp;
    this.place(r, op, '');
    if (pinned && owner) this.registry.register(owner, r, r);
    return r;
  }

  /**
   * `zeros: out of WebAssembly memory; asked for 8589934592 bytes with 1245184 in use (limit
   * 2147483648 bytes)`: the op that asked, the bytes it asked for, the bytes of live regions
   * resident in wasm memory (pinned and temporaries; evicted ones live in JS) and the limit.
   */
  private outOfMemory(op: string, asked: number, what: string): BackendError {
    const inUse = this.stats.pinnedBytes + this.stats.tempBytes;
    return new BackendError(op, `out of WebAssembly memory${what}; asked for ${asked} bytes with ${inUse} in use`,
      { asked, inUse, limit: this.limit, note: `limit ${this.limit} bytes` },
      'dispose() large tensors no longer needed, pin fewer, or lower the eviction budget');
  }

  private classed(used: number): Region {
    const [cls, bytes] = sizeClass(used);
    return new Region(used, cls, bytes);
  }

  /**
   * Gives `r` a resident address (evicting older temporaries when over budget). When memory
   * cannot grow to hold it, undoes its accounting and throws: `r` stays unplaced (an evicted one
   * keeps its JS copy), the temporary list and the stats as they were.
   */
  private place(r: Region, op: string, what: string): void {
    if (!r.pinned) {
      this.stats.tempBytes += r.bytes;
      this.tempCount++;
      if (this.stats.tempBytes > this.budget || this.tempCount > this.maxTemporaries) this.evict(r);
      this.append(r);
    } else this.stats.pinnedBytes += r.bytes;
    const list = this.freeLists[r.cls];
    const ptr = list !== undefined && list.length > 0 ? list.pop()! : this.bump(r.bytes);
    if (ptr < 0) {
      if (!r.pinned) {
        this.stats.tempBytes -= r.bytes;
        this.tempCount--;
        this.unlink(r);
      } else this.stats.pinnedBytes -= r.bytes;
      throw this.outOfMemory(op, r.used, what);
    }
    r.ptr = ptr;
  }

  /** The address of `bytes` new bytes at the top, growing memory; −1 if it cannot grow enough. */
  private bump(bytes: number): number {
    const p = this.top;
    const end = p + bytes;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const need = Math.ceil((end - have) / 65536);
      const pages = have / 65536;
      const grow = Math.min(Math.max(need, pages >> 1), MAX_PAGES - pages);
      if (grow < need) return -1;
      try {
        this.memory.grow(grow);
      } catch {
        // the engine refused the pages (RangeError: a smaller maximum, no address space): the
        // pages needed, without the headroom; if those are refused too, as if at the limit
        try {
          this.memory.grow(need);
        } catch {
          return -1;
        }
      }
      this.refresh();
    }
    this.top = Math.ceil(end / ALIGN) * ALIGN; // not `& ~63`: 32-bit, negative past 2 GiB
    this.stats.topBytes = this.top;
    return p;
  }

  /**
   * The resident address of `r`, copying an evicted region back in; marks it used now. A
   * temporary evicted twice and needed again has proven long-lived (a dataset, a tensor used
   * across many steps): it comes back pinned, released by the finalization registry when `owner`
   * dies, so it is not copied out and in on every use (generational promotion). Once is not
   * enough: a step whose working set exceeds the budget evicts live activations that backward
   * then restores once — pinning those would grow memory in a synchronous loop.
   */
  ptr(r: Region, owner?: object): number {
    if (r.ptr >= 0) {
      if (!r.pinned) {
        r.stamp = this.stamp;
        if (r !== this.tail) {
          this.unlink(r);
          this.append(r);
        }
      }
      return r.ptr;
    }
    if (r.freed) {
      throw new MemoryError('wasm', 'this tensor was disposed; its memory is gone', {},
        'do not use a tensor after dispose()');
    }
    r.stamp = this.stamp;
    const promote = !r.pinned && owner !== undefined && r.evictions >= 2;
    if (promote) r.pinned = true; // place() accounts a pinned region as pinned
    try {
      this.place(r, 'wasm', ' restoring an evicted tensor');
    } catch (e) {
      if (promote) r.pinned = false; // refused: still an evicted temporary, as before the call
      throw e;
    }
    if (promote) this.registry.register(owner, r, r);
    this.u8.set(r.host!, r.ptr);
    this.stats.restoredBytes += r.used;
    r.host = null;
    return r.ptr;
  }

  /** Evicts least-recently-used temporaries (never `keep`, never this call's operands). */
  private evict(keep: Region): void {
    let r = this.head;
    while (r !== null && (this.stats.tempBytes > this.budget || this.tempCount > this.maxTemporaries)) {
      const next = r.next;
      if (r !== keep && r.stamp !== this.stamp) {
        r.host = r.used <= SMALL_HOST ? smallCopy(this.u8, r.ptr, r.used) : this.u8.slice(r.ptr, r.ptr + r.used);
        r.evictions++;
        this.stats.evictions++;
        this.stats.evictedBytes += r.used;
        this.unplace(r);
      }
      r = next;
    }
  }

  /** Returns the address of a resident region to its free list. */
  private unplace(r: Region): void {
    if (r.pinned) this.stats.pinnedBytes -= r.bytes;
    else {
      this.stats.tempBytes -= r.bytes;
      this.tempCount--;
      this.unlink(r);
    }
    (this.freeLists[r.cls] ??= []).push(r.ptr);
    r.ptr = -1;
  }

  private append(r: Region): void {
    r.prev = this.tail;
    r.next = null;
    if (this.tail) this.tail.next = r;
    else this.head = r;
    this.tail = r;
  }

  private unlink(r: Region): void {
    if (r.prev) r.prev.next = r.next;
    else this.head = r.next;
    if (r.next) r.next.prev = r.prev;
    else this.tail = r.prev;
    r.prev = r.next = null;
  }

  /**
   * Marks a region long-lived: out of the temporary list, never evicted; returned to the free
   * lists when `owner` (its storage) becomes unreachable.
   */
  pin(r: Region, owner: object): void {
    if (r.pinned || r.freed) return;
    this.registry.register(owner, r, r);
    if (r.ptr >= 0) {
      this.stats.tempBytes -= r.bytes;
      this.tempCount--;
      this.stats.pinnedBytes += r.bytes;
      this.unlink(r);
      r.pinned = true;
    } else {
      r.pinned = true;
      this.ptr(r);
    }
  }

  /** Releases a region now (dispose). Idempotent. */
  free(r: Region): void {
    if (r.freed) return;
    if (r.pinned) this.registry.unregister(r);
    this.release(r);
  }

  private release(r: Region): void {
    if (r.freed) return;
    if (r.ptr >= 0) this.unplace(r);
    r.host = null;
    r.freed = true;
  }

  /** Evicts every temporary (tests; before a large allocation). */
  evictAll(): void {
    const b = this.budget;
    this.budget = -1;
    this.stamp++;
    this.evict(null as unknown as Region);
    this.budget = b;
  }

  getStats(): MemoryStats {
    return { ...this.stats, heapBytes: this.memory.buffer.byteLength };
  }
}
