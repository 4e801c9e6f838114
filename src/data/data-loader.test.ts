import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arange, fromArray } from '../tensor/create.js';
import { getBackend } from '../backend/registry.js';
import type { Tensor } from '../tensor/tensor.js';
import { TensorDataset, type Dataset } from './dataset.js';
import { DataLoader } from './data-loader.js';

/** x row i is [i, 100 + i]; y[i] = i, so a batch reveals which samples it holds. */
function numbered(n: number): TensorDataset {
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) [x[2 * i], x[2 * i + 1]] = [i, 100 + i];
  return new TensorDataset(fromArray(x, [n, 2]), arange(n, undefined, 1, { dtype: 'int32' }));
}

const ids = (batch: Tensor[]) => Array.from(batch[1].toTypedArray());
const epoch = (loader: DataLoader) => [...loader].map(ids);

test('DataLoader: batch count, sizes and order without shuffle', () => {
  const loader = new DataLoader(numbered(10), { batchSize: 3 });
  assert.equal(loader.length, 4);
  const batches = [...loader];
  assert.deepEqual(batches.map(ids), [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
  assert.deepEqual(batches[0][0].shape, [3, 2]);
  assert.deepEqual(Array.from(batches[3][0].toTypedArray()), [9, 109]);
  assert.equal(batches[0][1].dtype, 'int32');
});

test('DataLoader: dropLast drops the short batch only', () => {
  assert.equal(new DataLoader(numbered(10), { batchSize: 3, dropLast: true }).length, 3);
  assert.deepEqual(epoch(new DataLoader(numbered(10), { batchSize: 3, dropLast: true })), [
    [0, 1, 2],
    [3, 4, 5],
    [6, 7, 8],
  ]);
  assert.equal(new DataLoader(numbered(9), { batchSize: 3, dropLast: true }).length, 3);
  assert.equal(new DataLoader(numbered(2), { batchSize: 3, dropLast: true }).length, 0);
  assert.equal(new DataLoader(numbered(0), { batchSize: 3 }).length, 0);
  assert.deepEqual(epoch(new DataLoader(numbered(0), { batchSize: 3 })), []);
});

test('DataLoader: shuffle is a permutation per epoch, reproducible from the seed', () => {
  const a = new DataLoader(numbered(50), { batchSize: 8, shuffle: true, seed: 42 });
  const b = new DataLoader(numbered(50), { batchSize: 8, shuffle: true, seed: 42 });
  const c = new DataLoader(numbered(50), { batchSize: 8, shuffle: true, seed: 43 });
  const a0 = epoch(a),
    a1 = epoch(a);
  assert.deepEqual(epoch(b), a0);
  assert.deepEqual(epoch(b), a1);
  assert.notDeepEqual(epoch(c), a0);
  assert.notDeepEqual(a1, a0, 'each epoch reshuffles');
  for (const e of [a0, a1]) {
    assert.deepEqual(
      e.flat().sort((p, q) => p - q),
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.deepEqual(
      e.map((batch) => batch.length),
      [8, 8, 8, 8, 8, 8, 2],
    );
  }
  assert.notDeepEqual(
    a0.flat(),
    Array.from({ length: 50 }, (_, i) => i),
  );
});

test('DataLoader: resume mid-epoch yields the same remaining batches', () => {
  const a = new DataLoader(numbered(23), { batchSize: 4, shuffle: true, seed: 7 });
  epoch(a); // one full epoch first, so the saved generator state is not the initial one
  const it = a[Symbol.iterator]();
  it.next();
  it.next();
  const saved = JSON.parse(JSON.stringify(a.stateDict()));
  assert.equal(saved.epoch, 1);
  assert.equal(saved.position, 2);
  const rest = [...{ [Symbol.iterator]: () => it }].map(ids);
  const next = epoch(a);
  assert.equal(rest.length, 4);

  const b = new DataLoader(numbered(23), { batchSize: 4, shuffle: true, seed: 999 });
  b.loadStateDict(saved);
  assert.deepEqual(epoch(b), rest);
  assert.deepEqual(epoch(b), next, 'and the epochs after it');
});

test('DataLoader: breaking out of a loop keeps the position; a spent epoch starts the next', () => {
  const loader = new DataLoader(numbered(6), { batchSize: 2 });
  for (const b of loader) {
    assert.deepEqual(ids(b), [0, 1]);
    break;
  }
  assert.deepEqual(epoch(loader), [
    [2, 3],
    [4, 5],
  ]);
  assert.equal(loader.currentEpoch, 1);
  for (const b of loader) void b; // epoch 1 to the end
  assert.equal(loader.currentEpoch, 2);
  assert.deepEqual(loader.stateDict().position, 0);
});

test('DataLoader: a TensorDataset batch is one gather per tensor, of the batch rows only', () => {
  const k = getBackend();
  const original = k.gatherRows;
  const calls: number[] = [];
  k.gatherRows = (x, idx, rowSize, out) => {
    calls.push(out.size / rowSize);
    original.call(k, x, idx, rowSize, out);
  };
  try {
    const batches = epoch(new DataLoader(numbered(10), { batchSize: 4 }));
    assert.equal(batches.length, 3);
  } finally {
    k.gatherRows = original;
  }
  assert.deepEqual(calls, [4, 4, 4, 4, 2, 2]);
});

test('DataLoader: a dataset without getBatch is stacked sample by sample', () => {
  const ds: Dataset = {
    length: 5,
    get: (i) => [fromArray([i, -i], [2]), fromArray([i * 10], [])],
  };
  const batches = [...new DataLoader(ds, { batchSize: 2 })];
  assert.deepEqual(
    batches.map((b) => b[0].shape),
    [
      [2, 2],
      [2, 2],
      [1, 2],
    ],
  );
  assert.deepEqual(Array.from(batches[1][0].toTypedArray()), [2, -2, 3, -3]);
  assert.deepEqual(Array.from(batches[2][1].toTypedArray()), [40]);
});

test('DataLoader: errors', () => {
  assert.throws(() => new DataLoader(numbered(3), { batchSize: 0 }), {
    name: 'ArgumentError',
    message: 'DataLoader: batchSize must be a positive integer; got 0 (number)',
  });
  const state = new DataLoader(numbered(4), { batchSize: 2 }).stateDict();
  assert.throws(() => new DataLoader(numbered(5), { batchSize: 2 }).loadStateDict(state), {
    name: 'CheckpointError',
    message:
      'DataLoader: the saved state is for a different dataset or batching (saved: 4 samples, batchSize 2, ' +
      'shuffle false, dropLast false; this loader: 5 samples, batchSize 2, shuffle false, dropLast false)',
  });
  assert.throws(
    () => new DataLoader(numbered(4), { batchSize: 2 }).loadStateDict({ ...state, position: 3 }),
    {
      name: 'CheckpointError',
      message: 'DataLoader: epoch must be ≥ 0 and position in [0, 2] (epoch = 0, position = 3)',
    },
  );
});

test('DataLoader: transform is applied to every batch', () => {
  const x = fromArray(new Uint8Array([0, 51, 102, 153, 204, 255]), [6, 1]);
  const y = fromArray(new Int32Array([0, 1, 2, 3, 4, 5]), [6], { dtype: 'int32' });
  const loader = new DataLoader(new TensorDataset(x, y), { batchSize: 4, transform: ([a, b]) => [a.float().div(255), b] });
  const batches = [...loader];
  assert.equal(batches.length, 2);
  assert.equal(batches[0][0].dtype, 'float32');
  assert.deepEqual(Array.from(batches[1][0].toTypedArray()), [0.800000011920929, 1]);
  assert.deepEqual(Array.from(batches[1][1].toTypedArray()), [4, 5]);
});
