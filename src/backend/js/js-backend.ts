// The `js` backend: reference semantics for every kernel, float32/float64/int32, runs anywhere.
// Storage is a plain typed array, so the JS garbage collector reclaims it.

import { arrayFor, bytesPer, type DType, type TypedArray, dtypeOfArray } from '../../core/dtype.js';
import { BackendError, MemoryError } from '../../core/errors.js';
import type { Backend, Storage, Strided } from '../kernels.js';
import * as k from './arrays.js';

export class JsStorage implements Storage {
  readonly backend = 'js';
  zeroPending = false;
  constructor(
    readonly dtype: DType,
    readonly size: number,
    public data: TypedArray | null,
  ) {}
  get freed(): boolean {
    return this.data === null;
  }
}

function arr(s: Storage): TypedArray {
  const d = (s as JsStorage).data;
  if (d === null) throw new MemoryError('js', 'this tensor was disposed; its memory is gone');
  return d;
}
function sa(x: Strided): k.StridedArray {
  return { a: arr(x.s), offset: x.offset, strides: x.strides };
}

/**
 * A typed array of `size` elements; one the engine refuses (past its typed-array limit or the
 * memory it can get) is a BackendError naming the op, as the wasm backend's, not a RangeError.
 */
function allocArray(dtype: DType, size: number, op = 'js'): TypedArray {
  try {
    return arrayFor(dtype, size);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const asked = size * bytesPer(dtype);
    throw new BackendError(op, `out of memory on the js backend; asked for ${asked} bytes`, { asked, note: e.message },
      'dispose() large tensors no longer needed, or allocate less at once');
  }
}

export const jsBackend = {
  name: 'js',
  threads: 1,
  alloc: (dtype: DType, size: number, op?: string) => new JsStorage(dtype, size, allocArray(dtype, size, op)),
  fromArray(data: TypedArray, dtype?: DType, op?: string) {
    const dt = dtype ?? dtypeOfArray(data);
    const a = allocArray(dt, data.length, op);
    a.set(data);
    return new JsStorage(dt, data.length, a);
  },
  read: (s) => arr(s).slice(),
  write(s, data) {
    arr(s).set(data);
  },
  free(s) {
    (s as JsStorage).data = null;
  },
  pin() {},
  fill: (out, value) => k.fillArray(arr(out), value),
  unary: (op, x, out) => k.unaryArray(op, arr(x), arr(out)),
  binary: (op, a, b, out, shape) => k.binaryArray(op, sa(a), sa(b), arr(out), shape),
  where: (c, a, b, out, shape) => k.whereArray(sa(c), sa(a), sa(b), arr(out), shape),
  copyStrided: (x, out, shape) => k.copyStridedArray(sa(x), sa(out), shape),
  reduce: (op, x, out, outer, r, inner) => k.reduceArray(op, arr(x), arr(out), outer, r, inner),
  matmul: (a, b, out, p) => k.matmulArray(arr(a), arr(b), arr(out), p, p.bias ? arr(p.bias) : undefined),
  cast: (x, out) => k.castArray(arr(x), arr(out)),
  gatherRows: (x, idx, rowSize, out) => k.gatherRowsArray(arr(x), arr(idx), rowSize, arr(out)),
  softmax: (x, out, rows, cols, log) => k.softmaxArray(arr(x), arr(out), rows, cols, log),
  pick: (x, idx, out, rows, cols) => k.pickArray(arr(x), arr(idx), arr(out), rows, cols),
  softmaxXentBackward: (p, idx, scale, dx, rows, cols) =>
    k.softmaxXentBackwardArray(arr(p), arr(idx), arr(scale), arr(dx), rows, cols),
  adamStep: (param, grad, m, v, p) => k.adamArray(arr(param), arr(grad), arr(m), arr(v), p),
  sgdStep: (param, grad, buf, p) => k.sgdArray(arr(param), arr(grad), buf ? arr(buf) : null, p),
} satisfies Backend;
