// Gzip-compressed IDX files (Node), decompressed with a bound: the header is read from a short
// decompressed prefix first, and the whole file is decompressed only up to the size that header
// declares. A gzip bomb or a header claiming terabytes costs at most min(declared size, 1032 × the
// compressed size) bytes, and every error names the file and a byte offset.

import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { constants as bufferConstants } from 'node:buffer';
import {
  decodeIdx, idxError, layoutText, readIdxHeader, type IdxExpect, type IdxFile, type IdxSource,
} from './idx-buffer.js';

/** Deflate's largest expansion (zlib FAQ: 1032:1): n gzip bytes never inflate to more than 1032·n. */
export const GZIP_MAX_RATIO = 1032;
/** The longest IDX header: the magic number and 255 dimension sizes. */
const MAX_HEADER = 4 + 4 * 255;
/** The largest Buffer Node can make (4 GiB on Node 20). */
const MAX_BUFFER = bufferConstants.MAX_LENGTH;

/** True when `bytes` start with the gzip magic 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A zlib failure (not a RangeError from the output cap, not a bug elsewhere). */
function isZlibError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function isCapError(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}

/** Inflates the first `len` bytes, at most `max` bytes out; a prefix is not an error (sync flush). */
function inflate(bytes: Uint8Array, len: number, prefix: boolean, max: number): Uint8Array {
  const opts = { maxOutputLength: Math.max(1, Math.min(max, MAX_BUFFER)) };
  const input = bytes.subarray(0, len);
  return prefix ? gunzipSync(input, { ...opts, finishFlush: zlibConstants.Z_SYNC_FLUSH }) : gunzipSync(input, opts);
}

/**
 * The offset of the byte that makes the gzip stream invalid: the shortest prefix that fails to
 * inflate (a valid prefix inflates without error under a sync flush), found by bisection — about
 * 24 inflations of a 10 MB file (seconds; only when a file is corrupt). A failed check of the
 * trailer (CRC-32 at n − 8, length at n − 4: data that inflated but differs) costs one.
 */
function corruptOffset(bytes: Uint8Array, max: number, e: Error): number {
  const fails = (len: number) => {
    try {
      inflate(bytes, len, true, max);
      return false;
    } catch (e) {
      return isZlibError(e);
    }
  };
  let lo = 1, hi = bytes.length;
  const trailer = { 'incorrect data check': 8, 'incorrect length check': 4 }[e.message];
  if (trailer !== undefined && hi > 8 && !fails(hi - 8)) return hi - trailer;
  if (!fails(hi)) return hi;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/**
 * Decompresses and parses a gzip IDX file (concepts §7). Offsets in header and data errors count
 * bytes of the decompressed data; gzip errors count bytes of the file.
 */
export function gunzipIdx(bytes: Uint8Array, name: string, expect?: IdxExpect): IdxFile {
  const src: IdxSource = { name, where: 'decompressed offset', expect };
  const n = bytes.length;
  const bound = GZIP_MAX_RATIO * n;
  const gzipError = (e: unknown, whole: boolean, max: number): never => {
    if (!isZlibError(e)) throw e;
    if (whole && e.message === 'unexpected end of file') {
      throw idxError(src, 'gzip-truncated', n, `gzip data truncated at offset ${n} (${e.message})`,
        {}, 'the file is incomplete (an interrupted download?); fetch it again');
    }
    const at = corruptOffset(bytes, max, e);
    throw idxError(src, 'gzip-corrupt', at, `gzip data corrupt at offset ${at} (${e.message})`);
  };
  // the header, from the shortest prefix (64, 256, … bytes) that inflates to all of it: a gzip
  // header and 4–1,028 IDX header bytes fit in 64 bytes unless names or comments are stored
  let head: Uint8Array = new Uint8Array(0);
  for (let len = Math.min(n, 64); ; len = Math.min(n, len * 4)) {
    try {
      head = inflate(bytes, len, true, bound);
    } catch (e) {
      gzipError(e, false, bound);
    }
    const complete = head.length >= 4 && head.length >= 4 + 4 * head[3];
    if (complete || len === n) break;
  }
  let total = MAX_HEADER;
  if (head.length >= 4 && head.length >= 4 + 4 * head[3]) {
    const h = readIdxHeader(head, src);
    const declared = BigInt(h.headerBytes) + h.dataBytes;
    const limit = Math.min(bound, MAX_BUFFER);
    if (declared > BigInt(limit)) {
      const why = limit === bound
        ? `${n} gzip bytes can hold (deflate expands at most ${GZIP_MAX_RATIO}×)`
        : `the largest buffer holds (${MAX_BUFFER} bytes)`;
      throw idxError(src, 'gzip-bound', h.headerBytes,
        `data truncated at decompressed offset ${h.headerBytes}: ${layoutText(h)}, more than ${why}`,
        { expected: Number(h.dataBytes), limit },
        'the file is incomplete or its header is corrupt');
    }
    total = Number(declared);
    let out: Uint8Array;
    try {
      out = inflate(bytes, n, false, total);
    } catch (e) {
      if (isCapError(e)) {
        throw idxError(src, 'gzip-long', total,
          `unexpected bytes at decompressed offset ${total} after the data: ${layoutText(h)}`,
          { expected: Number(h.dataBytes) });
      }
      return gzipError(e, true, total);
    }
    return decodeIdx(out, src);
  }
  // no complete header in the whole stream: a gzip error if there is one, else the header's
  let out: Uint8Array = new Uint8Array(0);
  try {
    out = inflate(bytes, n, false, total);
  } catch (e) {
    gzipError(e, true, total);
  }
  return decodeIdx(out, src);
}
