// Storages of the wasm backend and the memory context every kernel uses: resident addresses,
// typed-array views (refreshed when memory grows) and the fallback to the js array kernels.

import { arrayFor, bytesPer, type DType, type TypedArray } from '../../core/dtype.js';
import { BackendError } from '../../core/errors.js';
import type { Storage, Strided } from '../kernels.js';
import type { StridedArray } from '../js/arrays.js';
import { Allocator, type Region } from './allocator.js';

export class WasmStorage implements Storage {
  region!: Region;
  zeroPending = false;
  constructor(
    readonly backend: string,
    readonly dtype: DType,
    readonly size: number,
  ) {}
  get freed(): boolean {
    return this.region.freed;
  }
}

/**
 * Bytes reserved at the bottom of memory for the module's static data (AssemblyScript places it
 * from 1024; the expf/logf/powf tables end near 4 KiB): the first 64 KiB page.
 */
const BASE = 65536;
/** Int32 parameter block for strided kernels: [rank, shape, strides of up to four operands, idx]. */
const META_INTS = 128;

export class WasmMemory {
  readonly alloc: Allocator;
  f32!: Float32Array;
  i32!: Int32Array;
  readonly meta: number;

  constructor(
    readonly name: string,
    readonly memory: WebAssembly.Memory,
    budget: number,
  ) {
    this.alloc = new Allocator(memory, BASE, budget, () => this.refresh());
    this.meta = this.alloc.alloc(META_INTS * 4, true, null).ptr;
  }

  private refresh(): void {
    const buf = this.memory.buffer;
    this.f32 = new Float32Array(buf);
    this.i32 = new Int32Array(buf);
  }

  /** A new storage; `op` (the op that asks) is named if memory cannot grow to hold it. */
  storage(dtype: DType, size: number, pinned = false, op = this.name): WasmStorage {
    const s = new WasmStorage(this.name, dtype, size);
    s.region = this.alloc.alloc(size * bytesPer(dtype), pinned, s, op);
    return s;
  }

  /** Resident byte address of a storage of this backend. */
  ptr(s: Storage): number {
    const r = (s as WasmStorage).region;
    if (r === undefined || s.backend !== this.name) {
      throw new BackendError(this.name, `a storage of backend '${s.backend}' was passed to '${this.name}'`, {},
        'move tensors to one backend before combining them');
    }
    return this.alloc.ptr(r, s);
  }

  /** A typed-array view at a resolved address (resolve every operand before making views). */
  view(s: Storage, ptr: number): TypedArray {
    const buf = this.memory.buffer;
    switch (s.dtype) {
      case 'float32':
        return new Float32Array(buf, ptr, s.size);
      case 'float64':
        return new Float64Array(buf, ptr, s.size);
      case 'int32':
        return new Int32Array(buf, ptr, s.size);
      case 'uint8':
        return new Uint8Array(buf, ptr, s.size);
    }
  }

  /** Views of several storages (all addresses resolved first, then the views made). */
  views(...ss: Storage[]): TypedArray[] {
    const ptrs = ss.map((s) => this.ptr(s));
    return ss.map((s, i) => this.view(s, ptrs[i]));
  }

  strided(xs: readonly Strided[]): StridedArray[] {
    const v = this.views(...xs.map((x) => x.s));
    return xs.map((x, i) => ({ a: v[i], offset: x.offset, strides: x.strides }));
  }

  /** A copy of the contents (an evicted storage is read from its JS copy without moving it). */
  read(s: Storage): TypedArray {
    const r = (s as WasmStorage).region;
    if (r !== undefined && r.ptr < 0 && r.host !== null) {
      const out = arrayFor(s.dtype, s.size);
      const n = s.size * bytesPer(s.dtype);
      new Uint8Array(out.buffer).set(r.host.length === n ? r.host : r.host.slice(0, n));
      return out;
    }
    return this.view(s, this.ptr(s)).slice();
  }

  /** Writes the strided-kernel parameter block; returns its address. */
  writeMeta(shape: readonly number[], operands: readonly (readonly number[])[]): number {
    const rank = shape.length;
    const m = this.i32, o = this.meta >> 2;
    m[o] = rank;
    for (let d = 0; d < rank; d++) m[o + 1 + d] = shape[d];
    for (let k = 0; k < operands.length; k++) {
      const st = operands[k];
      for (let d = 0; d < rank; d++) m[o + 1 + (k + 1) * rank + d] = st[d];
    }
    return this.meta;
  }
}

/** Largest rank the strided kernels take (the meta block holds 1 + 5·rank ints). */
export const MAX_RANK = Math.floor((META_INTS - 1) / 5);
