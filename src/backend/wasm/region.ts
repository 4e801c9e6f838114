// Regions of the wasm backend's memory and their size classes (the allocator, ./allocator.ts,
// places them): 64 bytes, then four classes per octave.

/** One allocation. Storages point at a Region; the temporary list links Regions, never storages. */
export class Region {
  /** Byte address in wasm memory, or −1 while evicted (then `host` holds the bytes). */
  ptr = -1;
  /** The bytes of an evicted region: a plain array for small ones (see Allocator.evict). */
  host: Uint8Array | number[] | null = null;
  pinned = false;
  freed = false;
  /** Kernel-call stamp of the last use: regions used by the running kernel are never evicted. */
  stamp = 0;
  /** Times this region was evicted (a second eviction then reuse promotes it to pinned). */
  evictions = 0;
  prev: Region | null = null;
  next: Region | null = null;
  constructor(
    /** Bytes of data. */
    readonly used: number,
    /** Size-class index and bytes of the region. */
    readonly cls: number,
    readonly bytes: number,
  ) {}
}

export const MIN_BYTES = 64;
/**
 * Evicted regions of at most this many bytes (a scalar, two floats) are copied into a plain JS
 * array, not a new ArrayBuffer: an ArrayBuffer is a separately allocated, externally tracked
 * backing store, an array of small integers a bump allocation in V8's young generation.
 * Measured per copy: 4 bytes 0.10 → 0.03 µs, 8 bytes 0.094 → 0.045; from 16 bytes on the
 * element loop costs more than it saves. A scalar loop (a 1-element add evicts one output per
 * op once 4,096 are resident) is where it counts.
 */
export const SMALL_HOST = 8;

export function smallCopy(u8: Uint8Array, p: number, n: number): number[] {
  const h = new Array<number>(n);
  for (let i = 0; i < n; i++) h[i] = u8[p + i];
  return h;
}

/**
 * Size class of `bytes`: 64, then four classes per octave (2ᵏ·{5,6,7,8}/4), so a region wastes
 * at most 25%. Returns [index, classBytes].
 */
export function sizeClass(bytes: number): [number, number] {
  if (bytes <= MIN_BYTES) return [0, MIN_BYTES];
  const k = 31 - Math.clz32(bytes - 1); // 2ᵏ < bytes ≤ 2ᵏ⁺¹
  const step = 2 ** (k - 2);
  const q = Math.ceil(bytes / step); // 5..8
  return [1 + (k - 6) * 4 + (q - 5), q * step];
}

export interface MemoryStats {
  /** Bytes of wasm memory (the whole linear memory). */
  heapBytes: number;
  /** Bytes handed out by the bump pointer so far. */
  topBytes: number;
  /** Resident temporaries, pinned regions. */
  tempBytes: number;
  pinnedBytes: number;
  /** Evictions so far and the bytes they copied out (and back in). */
  evictions: number;
  evictedBytes: number;
  restoredBytes: number;
}
