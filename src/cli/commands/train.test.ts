// `nabla train` in-process on a few hundred images: what it prints and what it trains on.
import '../../ops/index.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runTrain } from './train.js';

test('runTrain: the header names the seed; --limit trains on the first n images', () => {
  const log: string[] = [];
  const opts = { epochs: 2, batchSize: 64, lr: 1e-3, hidden: [32], seed: 7, limit: 300 };
  const r = runTrain(opts, (l) => log.push(l));
  assert.match(log[0], /^nabla train: backend (wasm|js)\b.*, \d+ threads?, seed 7$/);
  assert.equal(log[1],
    'model: MLP 784-32-10 (ReLU, He init), Adam lr 0.001, batch 64, 300 training images');
  assert.equal(r.epochs.length, 2);
  const [first, second] = r.epochs.map((e) => e.loss);
  assert.ok(second < first, `loss ${first} → ${second}`);
  assert.match(log.at(-1)!, /^test accuracy: [\d.]+ % \(10000 images\), test loss [\d.]+$/);
  // the same seed, the same run (a disposed batch read again would have thrown a MemoryError)
  const again = runTrain(opts, () => {});
  assert.deepEqual(again.epochs.map((e) => e.loss), r.epochs.map((e) => e.loss));
  assert.equal(again.testAccuracy, r.testAccuracy);
});
