// IDX bytes (the MNIST format): a big-endian header `0x00 0x00 <type> <ndim>`, ndim uint32 sizes,
// then the data row-major and big-endian. Parsing is strict: a short or over-long file is an error,
// never a silently partial tensor. No file system here (browser-safe); readIdx/writeIdx: ./idx.ts.

import { ArgumentError, DataError, formatShape } from '../../core/errors.js';
import { badArg, checkInt, checkOneOf, checkOptions } from '../../core/check.js';

export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';
export type IdxArray =
  Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** The contents of an IDX file: its dimensions, element type and row-major data. */
export interface IdxFile {
  dims: number[];
  type: IdxType;
  data: IdxArray;
}

/** What the caller expects; a different magic number is an error naming `what` (e.g. 'images'). */
export interface IdxExpect {
  type: IdxType;
  ndim: number;
  what?: string;
}

export interface ReadIdxOptions {
  /** Name used in error messages (the file's base name); 'idx' for bare bytes by default. */
  name?: string;
  expect?: IdxExpect;
}

interface TypeInfo {
  code: number;
  bytes: number;
  make: (n: number) => IdxArray;
  get: (v: DataView, off: number) => number;
}

const TYPES: Record<IdxType, TypeInfo> = {
  uint8: { code: 0x08, bytes: 1, make: (n) => new Uint8Array(n), get: (v, o) => v.getUint8(o) },
  int8: { code: 0x09, bytes: 1, make: (n) => new Int8Array(n), get: (v, o) => v.getInt8(o) },
  int16: { code: 0x0b, bytes: 2, make: (n) => new Int16Array(n), get: (v, o) => v.getInt16(o) },
  int32: { code: 0x0c, bytes: 4, make: (n) => new Int32Array(n), get: (v, o) => v.getInt32(o) },
  float32: {
    code: 0x0d,
    bytes: 4,
    make: (n) => new Float32Array(n),
    get: (v, o) => v.getFloat32(o),
  },
  float64: {
    code: 0x0e,
    bytes: 8,
    make: (n) => new Float64Array(n),
    get: (v, o) => v.getFloat64(o),
  },
};

const TYPE_LIST = (Object.keys(TYPES) as IdxType[])
  .map((t) => `${hex2(TYPES[t].code)} (${t})`)
  .join(', ');

function hex2(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * The magic number of an IDX file of `ndim`-dimensional `type` data (2051: MNIST images)
 * (concepts §7).
 */
export function idxMagic(type: IdxType, ndim: number): number {
  checkOneOf('idxMagic', 'type', type, IDX_TYPES);
  checkIdxNdim('idxMagic', 'ndim', ndim);
  return (TYPES[type].code << 8) | ndim;
}

const IDX_TYPES = Object.keys(TYPES) as IdxType[];
const ARRAY_NAMES = 'a Uint8Array, Int8Array, Int16Array, Int32Array, Float32Array or Float64Array';

function checkIdxNdim(op: string, arg: string, ndim: unknown): void {
  if (checkInt(op, arg, ndim, 0) > 255) throw badArg(op, `${arg} must be at most 255 (it is one byte of the magic number)`, ndim);
}

/** `bytes` is a Uint8Array (a Node Buffer is one) and `opts` a ReadIdxOptions (`known` keys). */
export function checkReadArgs(op: string, bytes: unknown, opts: unknown, known: readonly string[]): void {
  if (!(bytes instanceof Uint8Array)) {
    throw badArg(op, 'bytes must be a Uint8Array (or a Node Buffer)', bytes,
      typeof bytes === 'string' ? 'read a file with readIdx(path); bytes are the file contents' : undefined);
  }
  checkReadOptions(op, opts, known);
}

/** A ReadIdxOptions with only `known` keys; `expect` a complete IdxExpect. */
export function checkReadOptions(op: string, opts: unknown, known: readonly string[]): void {
  const o = checkOptions(op, opts as ReadIdxOptions | undefined, known);
  if (o.name !== undefined && typeof o.name !== 'string') throw badArg(op, 'options.name must be a string', o.name);
  if (o.expect === undefined) return;
  const e = checkOptions(op, o.expect, ['type', 'ndim', 'what'], 'options.expect');
  checkOneOf(op, 'options.expect.type', e.type, IDX_TYPES);
  checkIdxNdim(op, 'options.expect.ndim', e.ndim);
  if (e.what !== undefined && typeof e.what !== 'string') throw badArg(op, 'options.expect.what must be a string', e.what);
}

/** `file` is { dims, data } with data one of the six IDX typed arrays. */
function checkIdxFile(op: string, file: unknown): void {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw badArg(op, 'file must be an object { dims, data }', file);
  }
  checkOptions(op, file as object, ['dims', 'data', 'type'], 'file');
  const { dims, data } = file as { dims: unknown; data: unknown };
  if (!Array.isArray(dims)) throw badArg(op, 'file.dims must be an array of integers', dims);
  if (typeOfArray(data) === undefined) {
    throw badArg(op, `file.data must be ${ARRAY_NAMES}`, data,
      Array.isArray(data) ? 'the array type chooses the IDX type: e.g. new Uint8Array([…]) or new Float32Array([…])' : undefined);
  }
}

function typeOfCode(code: number): IdxType | undefined {
  return IDX_TYPES.find((t) => TYPES[t].code === code);
}

/** The header of an IDX file: what it declares, before any data is read or allocated. */
export interface IdxHeader {
  type: IdxType;
  dims: number[];
  headerBytes: number;
  /** Bytes of data the dims declare, exact (a product of 255 uint32 sizes passes 2⁵³). */
  dataBytes: bigint;
}

/**
 * Where a reader is: the name errors carry, and whether offsets count bytes of the input
 * ('offset') or of the data a gzip file decompressed to ('decompressed offset').
 */
export interface IdxSource {
  name: string;
  where: 'offset' | 'decompressed offset';
  expect?: IdxExpect;
}

/** A DataError naming the source and a byte offset; `kind` classifies it (tests, fuzz counts). */
export function idxError(src: IdxSource, kind: string, offset: number, rule: string,
  details: Record<string, unknown> = {}, hint?: string): DataError {
  return new DataError(src.name, rule, { file: src.name, kind, offset, ...details }, hint);
}

/** `dims [3, 2] of uint8 need 6 bytes after the 12-byte header` (errors about the data size). */
export function layoutText(h: IdxHeader): string {
  return `dims ${formatShape(h.dims)} of ${h.type} need ${h.dataBytes} bytes ` +
    `after the ${h.headerBytes}-byte header`;
}

/**
 * Reads and checks the header (magic, type code, dimension sizes) of `bytes`; throws a DataError
 * naming the source and the offset of the first bad byte. Reads no data and allocates none.
 */
export function readIdxHeader(bytes: Uint8Array, src: IdxSource): IdxHeader {
  const at = src.where;
  const present = bytes.length;
  if (present < 4) {
    throw idxError(src, 'truncated-header', present,
      `truncated header at ${at} ${present}: the magic number needs 4 bytes, found ${present}`,
      { expected: 4, present });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
    throw idxError(src, 'bad-magic', 0,
      `magic ${magic} (0x${magic.toString(16).padStart(8, '0')}) at ${at} 0 is not an IDX magic: ` +
        'its first two bytes must be 0',
      { magic },
      gz ? 'the bytes are gzip-compressed; decompress them first' : undefined);
  }
  if (src.expect) {
    const expected = idxMagic(src.expect.type, src.expect.ndim);
    if (magic !== expected) {
      throw idxError(src, 'magic-mismatch', 0, `magic ${magic} at ${at} 0, expected ${expected}`,
        { magic, expected, note: src.expect.what });
    }
  }
  const type = typeOfCode(bytes[2]);
  if (type === undefined) {
    throw idxError(src, 'type-code', 2,
      `unknown type code ${hex2(bytes[2])} at ${at} 2; expected one of ${TYPE_LIST}`, { magic });
  }
  const ndim = bytes[3];
  const headerBytes = 4 + 4 * ndim;
  if (present < headerBytes) {
    throw idxError(src, 'truncated-header', present,
      `truncated header at ${at} ${present}: ${ndim} dimension sizes need ${headerBytes} bytes, ` +
        `found ${present}`,
      { expected: headerBytes, present });
  }
  const dims: number[] = [];
  let dataBytes = BigInt(TYPES[type].bytes);
  for (let d = 0; d < ndim; d++) {
    dims.push(view.getUint32(4 + 4 * d));
    dataBytes *= BigInt(dims[d]);
  }
  return { type, dims, headerBytes, dataBytes };
}

/**
 * Parses IDX bytes (concepts §7). Throws DataError naming `opts.name` and the byte offset of the
 * problem: a short or over-long input is an error, never a silently partial tensor. The data
 * array is allocated only after its size was checked against the input's length, so no input
 * makes the reader allocate more than its own size.
 */
export function readIdxBuffer(bytes: Uint8Array, opts: ReadIdxOptions = {}): IdxFile {
  checkReadArgs('readIdxBuffer', bytes, opts, ['name', 'expect']);
  return decodeIdx(bytes, { name: opts.name ?? 'idx', where: 'offset', expect: opts.expect });
}

/** readIdxBuffer with the source spelled out (readIdx passes gzip-decompressed bytes). */
export function decodeIdx(bytes: Uint8Array, src: IdxSource): IdxFile {
  const h = readIdxHeader(bytes, src);
  const { type, dims, headerBytes } = h;
  const at = src.where;
  const found = bytes.length - headerBytes;
  if (BigInt(found) < h.dataBytes) {
    throw idxError(src, 'truncated-data', bytes.length,
      `data truncated at ${at} ${bytes.length}: ${layoutText(h)}, found ${found}`,
      { expected: Number(h.dataBytes), present: found },
      'the file is incomplete (an interrupted download?); fetch it again');
  }
  const dataBytes = Number(h.dataBytes);
  if (found > dataBytes) {
    throw idxError(src, 'trailing-bytes', headerBytes + dataBytes,
      `${found - dataBytes} unexpected byte${found - dataBytes === 1 ? '' : 's'} at ${at} ${headerBytes + dataBytes} after the data: ` +
        `${layoutText(h)}, found ${found}`,
      { expected: dataBytes, present: found });
  }
  const info = TYPES[type];
  const count = dataBytes / info.bytes;
  let data: IdxArray;
  if (info.bytes === 1) {
    // a copy of exactly the data, not bytes.slice: on a Node Buffer (readFileSync, gunzipSync)
    // slice is a view, and an Int8Array over its .buffer spanned the whole file or Buffer pool
    const start = bytes.byteOffset + headerBytes;
    const copy = bytes.buffer.slice(start, start + dataBytes) as ArrayBuffer;
    data = type === 'uint8' ? new Uint8Array(copy) : new Int8Array(copy);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data = info.make(count);
    for (let i = 0, o = headerBytes; i < count; i++, o += info.bytes) data[i] = info.get(view, o);
  }
  return { dims, type, data };
}

/** The IDX type of one of the six typed arrays, else undefined. */
function typeOfArray(data: unknown): IdxType | undefined {
  if (data instanceof Uint8Array) return 'uint8';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  return undefined;
}

/** Encodes dims and data as IDX bytes; the element type follows the typed array's (concepts §7). */
export function writeIdxBuffer(file: { dims: readonly number[]; data: IdxArray }): Uint8Array {
  return encodeIdx('writeIdxBuffer', file);
}

/** writeIdxBuffer, with errors naming `op` (writeIdx checks the file before touching the disk). */
export function encodeIdx(op: string, file: { dims: readonly number[]; data: IdxArray }): Uint8Array {
  checkIdxFile(op, file);
  const { dims, data } = file;
  if (dims.length > 255)
    throw new ArgumentError(op, 'IDX holds at most 255 dimensions', {
      got: [['dims', dims]],
    });
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) {
      throw new ArgumentError(op, 'dims must be integers in [0, 2^32)', {
        got: [['dims', dims]],
      });
    }
  }
  const count = dims.reduce((a, b) => a * b, 1);
  if (data.length !== count) {
    throw new ArgumentError(op, `data length must equal the product of dims ${count}`, {
      got: [['dims', dims]],
      note: `data has ${data.length} elements`,
    });
  }
  const type = typeOfArray(data)!; // checkIdxFile refused any other array
  const info = TYPES[type];
  const headerBytes = 4 + 4 * dims.length;
  const out = new Uint8Array(headerBytes + count * info.bytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, idxMagic(type, dims.length));
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  for (let i = 0, o = headerBytes; i < count; i++, o += info.bytes) {
    const x = data[i];
    switch (type) {
      case 'uint8':
        view.setUint8(o, x);
        break;
      case 'int8':
        view.setInt8(o, x);
        break;
      case 'int16':
        view.setInt16(o, x);
        break;
      case 'int32':
        view.setInt32(o, x);
        break;
      case 'float32':
        view.setFloat32(o, x);
        break;
      case 'float64':
        view.setFloat64(o, x);
        break;
    }
  }
  return out;
}
