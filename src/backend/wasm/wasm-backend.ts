// The `wasm` backend: float32 kernels in AssemblyScript SIMD on tensors that live in WebAssembly
// memory; float64/int32 and unknown op ids run the js array kernels on views of that memory
// (declared in coverage.ts, counted at run time).

import { dtypeOfArray } from '../../core/dtype.js';
import type { Backend, BinaryOpId, Storage, Strided, UnaryOpId } from '../kernels.js';
import * as js from '../js/arrays.js';
import type { MemoryStats } from './allocator.js';
import { Reduce } from './as/op-ids.js';
import { BINARY_IDS, UNARY_IDS, recordFallback } from './coverage.js';
import { createMemory, instantiate, type KernelExports, type LoadedModule } from './loader.js';
import type { WorkerPool } from './pool.js';
import { sparseMatmul } from './sparse-matmul.js';
import { MAX_RANK, WasmMemory } from './wasm-storage.js';

export interface WasmBackendOptions {
  /** Backend name (default 'wasm'). */
  name?: string;
  /**
   * Bytes of resident temporaries before the least recently used are evicted (default 16 MiB:
   * a training step's working set for the models nabla targets; the MNIST MLP needs ~2 MB a step.
   * Peak RSS of an MLP epoch: 249 MB at 64 MiB, 220 at 32, 162 at 16, same speed). Raise it for
   * models whose single step needs more, or evictions will copy live activations out and in.
   */
  budget?: number;
}

export interface WasmBackend extends Backend {
  readonly variant: string;
  readonly shared: boolean;
  readonly mem: WasmMemory;
  readonly exports: KernelExports;
  memoryStats(): MemoryStats;
  /** Attaches a worker pool (threads > 1) on the same shared memory. */
  attachPool(pool: WorkerPool): void;
}

const F32 = 'float32';
const isF32 = (s: Storage) => s.dtype === F32;
/** 4-byte element types, which the wasm copy kernels move (float64 and uint8 take the js path). */
const is4 = (s: Storage) => s.dtype === F32 || s.dtype === 'int32';

export function createWasmBackend(loaded: LoadedModule, opts: WasmBackendOptions = {}): WasmBackend {
  const name = opts.name ?? 'wasm';
  const memory = createMemory(loaded.shared);
  const ex = instantiate(loaded.module, memory);
  const mem = new WasmMemory(name, memory, opts.budget ?? 16 * 2 ** 20);
  const alloc = mem.alloc;
  const scratch = alloc.alloc(ex.scratchBytes(), true, null).ptr;
  let pool: WorkerPool | null = null;
  const P = (s: Storage) => mem.ptr(s);

  function binaryF32(id: number, a: Strided, b: Strided, out: Storage, shape: readonly number[]): void {
    const pa = P(a.s) + a.offset * 4, pb = P(b.s) + b.offset * 4, po = P(out);
    const rank = shape.length;
    if (rank === 0) ex.binaryRow(id, pa, 0, pb, 0, po, 1);
    else if (rank === 1) {
      const n = shape[0], sa = a.strides[0], sb = b.strides[0];
      if (pool !== null && n >= pool.minElements && sa <= 1 && sb <= 1) pool.binaryRow(id, pa, sa, pb, sb, po, n);
      else ex.binaryRow(id, pa, sa, pb, sb, po, n);
    }
    else {
      for (let d = 0; d < rank; d++) if (shape[d] === 0) return;
      ex.binaryStrided(id, pa, pb, po, mem.writeMeta(shape, [a.strides, b.strides]));
    }
  }

  const backend: WasmBackend = {
    name,
    get threads() {
      return pool ? pool.threads : 1;
    },
    variant: loaded.variant,
    shared: loaded.shared,
    mem,
    exports: ex,
    memoryStats: () => alloc.getStats(),
    attachPool(p) {
      pool = p;
    },

    alloc: (dtype, size, op) => mem.storage(dtype, size, false, op),
    fromArray(data, dtype, op) {
      const s = mem.storage(dtype ?? dtypeOfArray(data), data.length, false, op);
      mem.view(s, P(s)).set(data);
      return s;
    },
    read: (s) => mem.read(s),
    write(s, data) {
      alloc.stamp++;
      mem.view(s, P(s)).set(data);
    },
    free: (s) => alloc.free((s as unknown as { region: Parameters<typeof alloc.free>[0] }).region),
    pin: (s) => alloc.pin((s as unknown as { region: Parameters<typeof alloc.pin>[0] }).region, s),

    fill(out, value) {
      alloc.stamp++;
      if (isF32(out)) return ex.fill(P(out), out.size, value);
      recordFallback('fill', out.dtype);
      js.fillArray(mem.views(out)[0], value);
    },
    unary(op: UnaryOpId, x, out) {
      alloc.stamp++;
      const id = UNARY_IDS[op.id];
      if (id !== undefined && isF32(x) && isF32(out)) {
        const n = out.size;
        if (pool !== null && n >= pool.minElements) return pool.unary(id, P(x), P(out), n);
        return ex.unary(id, P(x), P(out), n);
      }
      recordFallback('unary', out.dtype, op.id);
      const [vx, vo] = mem.views(x, out);
      js.unaryArray(op, vx, vo);
    },
    binary(op: BinaryOpId, a, b, out, shape) {
      alloc.stamp++;
      const id = BINARY_IDS[op.id];
      if (id !== undefined && isF32(a.s) && isF32(b.s) && isF32(out) && shape.length <= MAX_RANK) {
        return binaryF32(id, a, b, out, shape);
      }
      recordFallback('binary', out.dtype, op.id);
      // every address resolved before any view is made (a restore may grow memory)
      const [sa, sb, so] = mem.strided([a, b, { s: out, offset: 0, strides: [] }]);
      js.binaryArray(op, sa, sb, so.a, shape);
    },
    where(c, a, b, out, shape) {
      alloc.stamp++;
      const cOk = c.s.dtype === F32 || c.s.dtype === 'int32';
      if (cOk && isF32(a.s) && isF32(b.s) && isF32(out) && shape.length <= MAX_RANK) {
        const pc = P(c.s) + c.offset * 4, pa = P(a.s) + a.offset * 4, pb = P(b.s) + b.offset * 4;
        const meta = mem.writeMeta(shape, [c.strides, a.strides, b.strides]);
        return ex.whereStrided(pc, c.s.dtype === 'int32' ? 1 : 0, pa, pb, P(out), meta);
      }
      recordFallback('where', out.dtype);
      const [sc, sa, sb, so] = mem.strided([c, a, b, { s: out, offset: 0, strides: [] }]);
      js.whereArray(sc, sa, sb, so.a, shape);
    },
    copyStrided(x, out, shape) {
      alloc.stamp++;
      const same = x.s.dtype === out.s.dtype && is4(x.s);
      if (same && shape.length <= MAX_RANK) {
        for (const d of shape) if (d === 0) return;
        if (shape.length === 0) shape = [1];
        const px = P(x.s) + x.offset * 4, po = P(out.s) + out.offset * 4;
        const xs = x.strides.length ? x.strides : [1], os = out.strides.length ? out.strides : [1];
        return ex.copyStrided(px, po, mem.writeMeta(shape, [xs, os]));
      }
      recordFallback('copyStrided', out.s.dtype);
      const [sx, so] = mem.strided([x, out]);
      js.copyStridedArray(sx, so, shape);
    },
    reduce(op, x, out, outer, r, inner) {
      alloc.stamp++;
      if (isF32(x)) {
        if ((op === 'argmax' || op === 'argmin') && out.dtype === 'int32') {
          return ex.argReduce(op === 'argmax' ? 1 : 0, P(x), P(out), outer, r, inner);
        }
        if (isF32(out) && (op === 'sum' || op === 'max' || op === 'min')) {
          return ex.reduce(Reduce[op], P(x), P(out), outer, r, inner);
        }
      }
      recordFallback('reduce', x.dtype, op);
      const [vx, vo] = mem.views(x, out);
      js.reduceArray(op, vx, vo, outer, r, inner);
    },
    matmul(a, b, out, p) {
      alloc.stamp++;
      if (isF32(a) && isF32(b) && isF32(out) && (!p.bias || isF32(p.bias))) {
        const pa = P(a), pb = P(b), po = P(out), pbias = p.bias ? P(p.bias) : 0;
        const { m, n, k } = p;
        for (let t = 0; t < p.batch; t++) {
          const a0 = pa + t * p.aBatchStride * 4, b0 = pb + t * p.bBatchStride * 4, c0 = po + t * m * n * 4;
          if (sparseMatmul(ex, alloc, pool, a0, b0, c0, pbias, p)) continue;
          const flags = (p.transA ? 1 : 0) | (p.transB ? 2 : 0) | (p.accumulate ? 4 : 0);
          if (pool !== null && pool.wantsMatmul(m, n, k)) pool.matmul(a0, b0, c0, pbias, m, n, k, flags);
          else ex.matmul(a0, b0, c0, pbias, m, n, k, flags, 0, m, 0, n, scratch);
        }
        return;
      }
      recordFallback('matmul', out.dtype);
      const [va, vb, vo, vbias] = mem.views(a, b, out, ...(p.bias ? [p.bias] : []));
      js.matmulArray(va, vb, vo, p, vbias);
    },
    cast(x, out) {
      alloc.stamp++;
      if (x.dtype === out.dtype && is4(x)) {
        const px = P(x), po = P(out);
        alloc.u8.copyWithin(po, px, px + x.size * 4);
        return;
      }
      if (x.dtype === 'int32' && isF32(out)) return ex.castI32F32(P(x), P(out), x.size);
      if (x.dtype === 'uint8' && isF32(out)) return ex.castU8F32(P(x), P(out), x.size);
      recordFallback('cast', x.dtype, `${x.dtype}→${out.dtype}`);
      const [vx, vo] = mem.views(x, out);
      js.castArray(vx, vo);
    },
    gatherRows(x, idx, rowSize, out) {
      alloc.stamp++;
      if (is4(x) && x.dtype === out.dtype && idx.dtype === 'int32') {
        return ex.gatherRows(P(x), P(idx), idx.size, rowSize, P(out));
      }
      // uint8 rows whose length is a multiple of 4 (an MNIST row is 784 bytes) move as 4-byte
      // words: regions are 64-byte aligned, so the word kernel copies them exactly
      if (x.dtype === 'uint8' && out.dtype === 'uint8' && rowSize % 4 === 0 && idx.dtype === 'int32') {
        return ex.gatherRows(P(x), P(idx), idx.size, rowSize / 4, P(out));
      }
      recordFallback('gatherRows', x.dtype);
      const [vx, vi, vo] = mem.views(x, idx, out);
      js.gatherRowsArray(vx, vi, rowSize, vo);
    },
    softmax(x, out, rows, cols, log) {
      alloc.stamp++;
      if (isF32(x) && isF32(out)) return ex.softmax(P(x), P(out), rows, cols, log ? 1 : 0);
      recordFallback('softmax', x.dtype);
      const [vx, vo] = mem.views(x, out);
      js.softmaxArray(vx, vo, rows, cols, log);
    },
    pick(x, idx, out, rows, cols) {
      alloc.stamp++;
      if (isF32(x) && isF32(out) && idx.dtype === 'int32') return ex.pick(P(x), P(idx), P(out), rows, cols);
      recordFallback('pick', x.dtype);
      const [vx, vi, vo] = mem.views(x, idx, out);
      js.pickArray(vx, vi, vo, rows, cols);
    },
    softmaxXentBackward(p, idx, scale, dx, rows, cols) {
      alloc.stamp++;
      if (isF32(p) && isF32(scale) && isF32(dx) && idx.dtype === 'int32') {
        return ex.softmaxXentBackward(P(p), P(idx), P(scale), P(dx), rows, cols);
      }
      recordFallback('softmaxXentBackward', p.dtype);
      const [vp, vi, vs, vd] = mem.views(p, idx, scale, dx);
      js.softmaxXentBackwardArray(vp, vi, vs, vd, rows, cols);
    },
    adamStep(param, grad, m, v, p) {
      alloc.stamp++;
      if (isF32(param) && isF32(grad) && isF32(m) && isF32(v)) {
        const c1 = 1 / (1 - Math.pow(p.beta1, p.step)), c2 = 1 / (1 - Math.pow(p.beta2, p.step));
        if (pool !== null && param.size >= pool.minStepElements) {
          return pool.adamStep(P(param), P(grad), P(m), P(v), param.size, p.lr, 1 - p.beta1, 1 - p.beta2, p.eps, p.weightDecay, c1, c2);
        }
        return ex.adamStep(P(param), P(grad), P(m), P(v), param.size, p.lr, 1 - p.beta1, 1 - p.beta2, p.eps,
          p.weightDecay, c1, c2);
      }
      recordFallback('adamStep', param.dtype);
      const [vp, vg, vm, vv] = mem.views(param, grad, m, v);
      js.adamArray(vp, vg, vm, vv, p);
    },
    sgdStep(param, grad, buf, p) {
      alloc.stamp++;
      if (isF32(param) && isF32(grad) && (buf === null || isF32(buf))) {
        const pb = buf && p.momentum !== 0 ? P(buf) : 0;
        if (pool !== null && param.size >= pool.minStepElements) {
          return pool.sgdStep(P(param), P(grad), pb, param.size, p.lr, p.momentum, 1 - p.dampening,
            p.nesterov ? 1 : 0, p.weightDecay, p.firstStep ? 1 : 0);
        }
        return ex.sgdStep(P(param), P(grad), pb, param.size, p.lr, p.momentum, 1 - p.dampening,
          p.nesterov ? 1 : 0, p.weightDecay, p.firstStep ? 1 : 0);
      }
      recordFallback('sgdStep', param.dtype);
      const [vp, vg, vb] = mem.views(param, grad, ...(buf ? [buf] : []));
      js.sgdArray(vp, vg, vb ?? null, p);
    },
  };
  return backend;
}
