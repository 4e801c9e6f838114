import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError } from '../../core/errors.js';
import {
  idxMagic,
  readIdx,
  readIdxBuffer,
  writeIdx,
  writeIdxBuffer,
  type IdxArray,
} from './idx.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-idx-'));

function file(name: string, bytes: number[] | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, Uint8Array.from(bytes));
  return p;
}

function throwsData(fn: () => unknown, message: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DataError, `expected DataError, got ${String(e)}`);
    assert.equal(e.message, message);
    return true;
  });
}

test('idx: hand-written big-endian bytes decode for every type code', () => {
  // Independent reference: the bytes are written out by hand from the IDX spec.
  const cases: Array<[number[], number[], number[]]> = [
    // [bytes, dims, values]
    [[0, 0, 0x08, 1, 0, 0, 0, 3, 0, 127, 255], [3], [0, 127, 255]],
    [[0, 0, 0x09, 1, 0, 0, 0, 2, 0xff, 0x80], [2], [-1, -128]],
    [[0, 0, 0x0b, 1, 0, 0, 0, 2, 0xff, 0xfe, 0x01, 0x00], [2], [-2, 256]],
    [[0, 0, 0x0c, 1, 0, 0, 0, 1, 0x80, 0, 0, 0], [1], [-2147483648]],
    [
      [0, 0, 0x0d, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0x3f, 0xc0, 0, 0, 0xc0, 0x20, 0, 0],
      [1, 2],
      [1.5, -2.5],
    ],
    [[0, 0, 0x0e, 1, 0, 0, 0, 1, 0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a], [1], [0.1]],
    [[0, 0, 0x08, 0, 42], [], [42]],
  ];
  for (const [bytes, dims, values] of cases) {
    const f = readIdxBuffer(Uint8Array.from(bytes));
    assert.deepEqual(f.dims, dims);
    assert.deepEqual(Array.from(f.data), values);
  }
});

test('idx: writeIdx → readIdx round-trips every type, shape and the file system', () => {
  const arrays: IdxArray[] = [
    Uint8Array.from([0, 1, 200, 255, 7, 9]),
    Int8Array.from([-128, -1, 0, 1, 127, 5]),
    Int16Array.from([-32768, -2, 0, 3, 32767, 1000]),
    Int32Array.from([-2147483648, -5, 0, 6, 2147483647, 123456]),
    Float32Array.from([-1.5, 0, 3.25, 1e-30, 7, Infinity]),
    Float64Array.from([Math.PI, -0.1, 0, 1e300, -1e-300, NaN]),
  ];
  for (const data of arrays) {
    const back = readIdxBuffer(writeIdxBuffer({ dims: [2, 3], data }));
    assert.deepEqual(back.dims, [2, 3]);
    assert.equal(back.data.constructor, data.constructor);
    assert.deepEqual(Array.from(back.data), Array.from(data));
  }
  const p = join(dir, 'roundtrip-idx3-ubyte');
  writeIdx(p, { dims: [2, 1, 3], data: arrays[0] });
  const f = readIdx(p, { expect: { type: 'uint8', ndim: 3, what: 'images' } });
  assert.equal(f.type, 'uint8');
  assert.deepEqual(Array.from(f.data), Array.from(arrays[0]));
});

test('idx: the magic numbers of MNIST', () => {
  assert.equal(idxMagic('uint8', 3), 2051);
  assert.equal(idxMagic('uint8', 1), 2049);
});

test('idx: a gzip-compressed file is decompressed', () => {
  const p = file(
    'gz-idx1-ubyte',
    gzipSync(writeIdxBuffer({ dims: [2], data: Uint8Array.from([4, 5]) })),
  );
  assert.deepEqual(Array.from(readIdx(p).data), [4, 5]);
});

test('idx: a missing file names the path', () => {
  const p = join(dir, 'nope-idx3-ubyte');
  throwsData(
    () => readIdx(p),
    `nope-idx3-ubyte: no such file: ${p}\nhint: check the path (relative paths start at the current directory)`,
  );
});

test('idx: a file shorter than the magic number', () => {
  const p = file('tiny', [0, 0, 8]);
  throwsData(
    () => readIdx(p),
    'tiny: truncated header at offset 3: the magic number needs 4 bytes, found 3',
  );
  throwsData(
    () => readIdxBuffer(new Uint8Array(0)),
    'idx: truncated header at offset 0: the magic number needs 4 bytes, found 0',
  );
});

test('idx: a header cut inside the dimension sizes', () => {
  const p = file('train-images-idx3-ubyte', [0, 0, 8, 3, 0, 0, 0xea, 0x60, 0, 0, 0, 28, 0, 0]);
  throwsData(
    () => readIdx(p),
    'train-images-idx3-ubyte: truncated header at offset 14: 3 dimension sizes need 16 bytes, found 14',
  );
});

test('idx: data shorter than the dims promise says bytes expected and present', () => {
  const full = writeIdxBuffer({ dims: [3, 2, 2], data: new Uint8Array(12) });
  const p = file('cut-idx3-ubyte', full.subarray(0, full.length - 5));
  throwsData(
    () => readIdx(p),
    'cut-idx3-ubyte: data truncated at offset 23: dims [3, 2, 2] of uint8 need 12 bytes after the 16-byte header, found 7' +
      '\nhint: the file is incomplete (an interrupted download?); fetch it again',
  );
  const f32 = writeIdxBuffer({ dims: [2], data: new Float32Array(2) });
  throwsData(
    () => readIdxBuffer(f32.subarray(0, 10), { name: 'w.idx' }),
    'w.idx: data truncated at offset 10: dims [2] of float32 need 8 bytes after the 8-byte header, found 2' +
      '\nhint: the file is incomplete (an interrupted download?); fetch it again',
  );
});

test('idx: bytes after the data are an error', () => {
  const bytes = [...writeIdxBuffer({ dims: [2], data: Uint8Array.from([1, 2]) }), 9, 9, 9];
  throwsData(
    () => readIdxBuffer(Uint8Array.from(bytes), { name: 'long' }),
    'long: 3 unexpected bytes at offset 10 after the data: dims [2] of uint8 need 2 bytes after the 8-byte header, found 5',
  );
});

test('idx: the wrong magic for what the caller asked for', () => {
  const p = file(
    'train-images-idx3-ubyte',
    writeIdxBuffer({ dims: [2], data: Uint8Array.from([5, 0]) }),
  );
  throwsData(
    () => readIdx(p, { expect: { type: 'uint8', ndim: 3, what: 'images' } }),
    'train-images-idx3-ubyte: magic 2049 at offset 0, expected 2051 (images)',
  );
});

test('idx: not an IDX file, and gzip bytes given to readIdxBuffer', () => {
  throwsData(
    () => readIdxBuffer(Uint8Array.from([0x50, 0x4b, 3, 4]), { name: 'a.zip' }),
    'a.zip: magic 1347093252 (0x504b0304) at offset 0 is not an IDX magic: its first two bytes must be 0',
  );
  throwsData(
    () => readIdxBuffer(gzipSync(Uint8Array.from([0, 0, 8, 0, 1])), { name: 'x.gz' }),
    'x.gz: magic 529205248 (0x1f8b0800) at offset 0 is not an IDX magic: its first two bytes must be 0' +
      '\nhint: the bytes are gzip-compressed; decompress them first',
  );
});

test('idx: an unknown type code', () => {
  throwsData(
    () => readIdxBuffer(Uint8Array.from([0, 0, 0x0a, 1, 0, 0, 0, 0]), { name: 'odd' }),
    'odd: unknown type code 0x0A at offset 2; expected one of 0x08 (uint8), 0x09 (int8), 0x0B (int16), ' +
      '0x0C (int32), 0x0D (float32), 0x0E (float64)',
  );
});

test('idx: writeIdx rejects data that does not fill the dims', () => {
  assert.throws(() => writeIdxBuffer({ dims: [2, 2], data: new Uint8Array(3) }), {
    name: 'ArgumentError',
    message:
      'writeIdxBuffer: data length must equal the product of dims 4; got dims [2, 2] (data has 3 elements)',
  });
});

test('idx: huge dims are refused before any allocation, with the exact byte count', () => {
  // four sizes of 2³¹ − 1 float64s: 2¹²⁷ bytes, far past 2⁵³ (printed exactly, not as 1.7e38)
  const h4 = new Uint8Array(20);
  h4.set([0, 0, 0x0e, 4]);
  for (let i = 0; i < 4; i++) h4.set([0x7f, 0xff, 0xff, 0xff], 4 + 4 * i);
  throwsData(
    () => readIdxBuffer(h4, { name: 'h4' }),
    'h4: data truncated at offset 20: dims [2147483647, 2147483647, 2147483647, 2147483647] of ' +
      'float64 need 170141183143556581895990882157503447048 bytes after the 20-byte header, found 0' +
      '\nhint: the file is incomplete (an interrupted download?); fetch it again',
  );
  // 2³¹ − 1 float64s (16 GiB) declared by a 12-byte file: nothing near that is allocated
  const big = Uint8Array.from([0, 0, 0x0e, 1, 0x7f, 0xff, 0xff, 0xff, 1, 2, 3, 4]);
  const before = process.memoryUsage().arrayBuffers;
  throwsData(
    () => readIdxBuffer(big, { name: 'big' }),
    'big: data truncated at offset 12: dims [2147483647] of float64 need 17179869176 bytes after ' +
      'the 8-byte header, found 4\nhint: the file is incomplete (an interrupted download?); fetch it again',
  );
  assert.ok(process.memoryUsage().arrayBuffers - before < 2 ** 20);
});

test('idx: a zero dim means no data, and any byte after the header is then unexpected', () => {
  const f = readIdxBuffer(Uint8Array.from([0, 0, 0x0d, 2, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff]));
  assert.deepEqual(f.dims, [0, 2147483647]);
  assert.equal(f.data.length, 0);
  assert.ok(f.data instanceof Float32Array);
  throwsData(
    () => readIdxBuffer(Uint8Array.from([0, 0, 0x08, 1, 0, 0, 0, 0, 7]), { name: 'z' }),
    'z: 1 unexpected byte at offset 8 after the data: dims [0] of uint8 need 0 bytes after the ' +
      '8-byte header, found 1',
  );
});

test('idx: readIdx of 1-byte types returns its own copy, not a view of the file Buffer', () => {
  // readFileSync returns a Buffer, whose slice is a view: an Int8Array over its .buffer spanned
  // the whole 8 KiB Buffer pool (header and unrelated bytes included) before the reader copied
  const p = join(dir, 'i8-idx1-byte');
  writeIdx(p, { dims: [3], data: Int8Array.from([-1, 2, -3]) });
  const f = readIdx(p);
  assert.equal(f.data.constructor, Int8Array);
  assert.deepEqual(Array.from(f.data), [-1, 2, -3]);
  const q = join(dir, 'u8-idx1-ubyte');
  writeIdx(q, { dims: [2], data: Uint8Array.from([7, 8]) });
  const g = readIdx(q);
  assert.equal(g.data.constructor, Uint8Array);
  assert.equal(g.data.buffer.byteLength, 2);
});
