// Gzip IDX files: every error names the file and an offset (of the file for gzip errors, of the
// decompressed data for IDX errors), and decompression stops at the size the header declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError } from '../../core/errors.js';
import { readIdx, readIdxBytes, writeIdxBuffer } from './idx.js';

const good = writeIdxBuffer({ dims: [2, 3], data: Uint8Array.from([1, 2, 3, 4, 5, 6]) });
// gzipSync's output is fixed for a given zlib; the offsets below are those of this 35-byte file
const gz = gzipSync(good);

function throwsData(fn: () => unknown, message: string, kind: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DataError, `expected DataError, got ${String(e)}`);
    assert.equal(e.message, message);
    assert.equal(e.details.kind, kind);
    return true;
  });
}

test('idx gzip: the fixture is the 35-byte gzip of a [2, 3] uint8 file', () => {
  assert.equal(gz.length, 35);
  assert.deepEqual(Array.from(readIdxBytes(gz).data), [1, 2, 3, 4, 5, 6]);
});

test('idx gzip: a cut gzip stream names the file and where it ends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nabla-idxgz-'));
  const p = join(dir, 'cut-idx2-ubyte.gz');
  writeFileSync(p, gz.subarray(0, 32));
  throwsData(
    () => readIdx(p),
    'cut-idx2-ubyte.gz: gzip data truncated at offset 32 (unexpected end of file)' +
      '\nhint: the file is incomplete (an interrupted download?); fetch it again',
    'gzip-truncated',
  );
  throwsData(
    () => readIdxBytes(Uint8Array.from([0x1f, 0x8b]), { name: 'empty.gz' }),
    'empty.gz: gzip data truncated at offset 2 (unexpected end of file)' +
      '\nhint: the file is incomplete (an interrupted download?); fetch it again',
    'gzip-truncated',
  );
});

test('idx gzip: corrupt bytes are located (the shortest prefix that fails to inflate)', () => {
  const bad = Uint8Array.from(gz);
  bad[12] ^= 0xff;
  throwsData(
    () => readIdxBytes(bad, { name: 'bad.gz' }),
    'bad.gz: gzip data corrupt at offset 14 (invalid distance too far back)',
    'gzip-corrupt',
  );
  // a bit of the CRC-32 (bytes 27–30) flipped: the offset is where that field starts
  const crc = Uint8Array.from(gz);
  crc[gz.length - 6] ^= 1;
  throwsData(
    () => readIdxBytes(crc, { name: 'crc.gz' }),
    'crc.gz: gzip data corrupt at offset 27 (incorrect data check)',
    'gzip-corrupt',
  );
  throwsData(
    () => readIdxBytes(Uint8Array.from([...gz, 1, 2]), { name: 'trail.gz' }),
    'trail.gz: gzip data corrupt at offset 36 (incorrect header check)',
    'gzip-corrupt',
  );
});

test('idx gzip: header and data errors count offsets of the decompressed data', () => {
  throwsData(
    () => readIdxBytes(gzipSync(good.subarray(0, 10)), { name: 'short.gz' }),
    'short.gz: truncated header at decompressed offset 10: 2 dimension sizes need 12 bytes, found 10',
    'truncated-header',
  );
  throwsData(
    () => readIdxBytes(gzipSync(good.subarray(0, 15)), { name: 'cut.gz' }),
    'cut.gz: data truncated at decompressed offset 15: dims [2, 3] of uint8 need 6 bytes after the ' +
      '12-byte header, found 3\nhint: the file is incomplete (an interrupted download?); fetch it again',
    'truncated-data',
  );
  throwsData(
    () => readIdxBytes(gzipSync(Uint8Array.from([...good, 9, 9])), { name: 'long.gz' }),
    'long.gz: unexpected bytes at decompressed offset 18 after the data: dims [2, 3] of uint8 need ' +
      '6 bytes after the 12-byte header',
    'gzip-long',
  );
});

test('idx gzip: a header declaring more than the file can inflate to is refused before inflating', () => {
  // a bomb: 64 MiB of zeros (65 KB compressed) behind a header declaring 2³¹ − 1 bytes
  const bomb = new Uint8Array(8 + 64 * 2 ** 20);
  bomb.set([0, 0, 8, 1, 0x7f, 0xff, 0xff, 0xff]);
  const packed = gzipSync(bomb);
  const before = process.memoryUsage().arrayBuffers;
  throwsData(
    () => readIdxBytes(packed, { name: 'bomb.gz' }),
    `bomb.gz: data truncated at decompressed offset 8: dims [2147483647] of uint8 need 2147483647 ` +
      `bytes after the 8-byte header, more than ${packed.length} gzip bytes can hold (deflate ` +
      'expands at most 1032×)\nhint: the file is incomplete or its header is corrupt',
    'gzip-bound',
  );
  // only the header probe was inflated (≤ 1032 × 256 bytes), not the 64 MiB
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 2 ** 20, `array buffers grew by ${grown} bytes`);
});

test('idx gzip: a file near deflate\'s largest ratio still parses (4 MiB of zeros)', () => {
  const zeros = writeIdxBuffer({ dims: [2 ** 22], data: new Uint8Array(2 ** 22) });
  const packed = gzipSync(zeros, { level: 9 });
  assert.ok(zeros.length / packed.length > 1000, `ratio ${zeros.length / packed.length}`);
  assert.equal(readIdxBytes(packed).data.length, 2 ** 22);
});
