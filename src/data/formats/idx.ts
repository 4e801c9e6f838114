// IDX files on disk (Node): readIdx/writeIdx over the browser-safe byte codec in ./idx-buffer.ts,
// whose names are re-exported here.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataError } from '../../core/errors.js';
import { readIdxBuffer, writeIdxBuffer, type IdxArray, type IdxFile, type ReadIdxOptions } from './idx-buffer.js';

export {
  readIdxBuffer, writeIdxBuffer, idxMagic,
  type IdxType, type IdxArray, type IdxFile, type IdxExpect, type ReadIdxOptions,
} from './idx-buffer.js';

/**
 * Reads an IDX file (gzip-compressed files, as distributed on the MNIST site, are decompressed)
 * (SPEC §7).
 * Errors name the file: `train-images-idx3-ubyte: magic 2049, expected 2051 (images)`.
 */
export function readIdx(path: string, opts: Omit<ReadIdxOptions, 'name'> = {}): IdxFile {
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
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new DataError(name, `gzip data is corrupt (${(e as Error).message})`, { file: path });
    }
  }
  return readIdxBuffer(bytes, { ...opts, name });
}

/** Writes an IDX file (uncompressed; SPEC §7). */
export function writeIdx(path: string, file: { dims: readonly number[]; data: IdxArray }): void {
  writeFileSync(path, writeIdxBuffer(file));
}
