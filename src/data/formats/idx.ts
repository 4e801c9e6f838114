// IDX files on disk (Node): readIdx/writeIdx over the browser-safe byte codec in ./idx-buffer.ts,
// whose names are re-exported here; gzip files are decompressed with a bound (./idx-gzip.ts).

import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataError } from '../../core/errors.js';
import { badArg } from '../../core/check.js';
import { checkReadOptions, decodeIdx, encodeIdx, type IdxArray, type IdxFile, type ReadIdxOptions } from './idx-buffer.js';
import { gunzipIdx, isGzip } from './idx-gzip.js';

export {
  readIdxBuffer, writeIdxBuffer, idxMagic,
  type IdxType, type IdxArray, type IdxFile, type IdxExpect, type ReadIdxOptions,
} from './idx-buffer.js';

/**
 * Reads an IDX file (gzip-compressed files, as distributed on the MNIST site, are decompressed)
 * (concepts §7).
 * Errors name the file and a byte offset: `train-images-idx3-ubyte: magic 2049 at offset 0,
 * expected 2051 (images)`. In a gzip file, offsets of the IDX header and data count bytes of the
 * decompressed data (`at decompressed offset 16`), and decompression stops at the size the header
 * declares: no file makes the reader allocate more than min(that size, 1032 × the file's size).
 */
export function readIdx(path: string, opts: Omit<ReadIdxOptions, 'name'> = {}): IdxFile {
  checkPath('readIdx', path);
  checkReadOptions('readIdx', opts, ['expect']);
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      throw new DataError(
        name,
        `no such file: ${path}`,
        { file: path },
        'check the path (relative paths start at the current directory)',
      );
    }
    throw new DataError(name, `cannot read ${path} (${err.code ?? err.message})`, { file: path });
  }
  return readIdxBytes(bytes, { ...opts, name });
}

/** What readIdx does with a file's bytes (plain or gzip); errors name `opts.name` ('idx'). */
export function readIdxBytes(bytes: Uint8Array, opts: ReadIdxOptions = {}): IdxFile {
  const name = opts.name ?? 'idx';
  if (isGzip(bytes)) return gunzipIdx(bytes, name, opts.expect);
  return decodeIdx(bytes, { name, where: 'offset', expect: opts.expect });
}

/** Writes an IDX file (uncompressed; concepts §7). */
export function writeIdx(path: string, file: { dims: readonly number[]; data: IdxArray }): void {
  checkPath('writeIdx', path);
  writeFileSync(path, encodeIdx('writeIdx', file));
}

/** A path is a non-empty string (a number would be taken by node:fs as a file descriptor). */
function checkPath(op: string, path: unknown): void {
  if (typeof path !== 'string' || path === '') throw badArg(op, 'path must be a non-empty string', path);
}
