// `nabla train`: an MLP on MNIST with a progress bar per epoch, then the test accuracy.
// Thin: every step is public API (data, train, nn, optim); this file only wires and prints.

import { Adam } from '../../optim/adam.js';
import { crossEntropy } from '../../losses/cross-entropy.js';
import type { Tensor } from '../../tensor/tensor.js';
import { Rng, manualSeed } from '../../core/rng.js';
import { loadMnist } from '../../data/mnist.js';
import { TensorDataset, type Dataset } from '../../data/dataset.js';
import { DataLoader } from '../../data/data-loader.js';
import { mlp } from '../../train/mlp.js';
import { trainStep } from '../../train/train-step.js';
import { evaluate } from '../../train/evaluate.js';
import { getBackend } from '../../backend/registry.js';
import { EpochProgress } from '../progress.js';
import { describeBackend } from '../backend-choice.js';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  lr: number;
  hidden: number[];
  seed: number;
  dataDir?: string;
  limit?: number;
}

export interface TrainReport {
  backend: string;
  threads: number;
  epochs: { loss: number; accuracy: number; seconds: number; samplesPerSecond: number }[];
  testAccuracy: number;
  testLoss: number;
}

export function runTrain(o: TrainOptions, log: (line: string) => void = console.log): TrainReport {
  manualSeed(o.seed);
  const backend = getBackend();
  log(`nabla train: backend ${describeBackend()}, seed ${o.seed}`);
  // raw bytes (a quarter of float32's memory), scaled to [0, 1] batch by batch
  const train = loadMnist({ split: 'train', dir: o.dataDir, dtype: 'uint8' });
  const test = loadMnist({ split: 'test', dir: o.dataDir, dtype: 'uint8' });
  const transform = ([x, y]: Tensor[]) => [x.float().div(255), y];
  const full = new TensorDataset(train.images, train.labels);
  const trainSet = o.limit && o.limit < full.length ? firstSamples(full, o.limit) : full;
  const testSet = new TensorDataset(test.images, test.labels);
  const sizes = [784, ...o.hidden, 10];
  log(`model: MLP ${sizes.join('-')} (ReLU, He init), Adam lr ${o.lr}, batch ${o.batchSize}, ${trainSet.length} training images`);
  const model = mlp(sizes, { rng: new Rng(o.seed) });
  const optimizer = new Adam(model.parameters(), { lr: o.lr });
  const loader = new DataLoader(trainSet, { batchSize: o.batchSize, shuffle: true, seed: o.seed, transform });
  const lossFn = crossEntropy;
  const report: TrainReport = { backend: backend.name, threads: backend.threads, epochs: [], testAccuracy: 0, testLoss: 0 };
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const bar = new EpochProgress(`epoch ${epoch}/${o.epochs}`, loader.length);
    let lossSum = 0, correct = 0, seen = 0;
    const t0 = performance.now();
    for (const [x, y] of released(loader)) {
      const { loss, output } = trainStep(model, lossFn, optimizer, x, y);
      const n = x.shape[0];
      lossSum += loss * n;
      correct += output.argmax(1).eq(y).sum().item();
      output.dispose();
      seen += n;
      bar.tick({ loss: lossSum / seen, accuracy: correct / seen, samplesPerSecond: seen / ((performance.now() - t0) / 1000) });
    }
    const seconds = (performance.now() - t0) / 1000;
    bar.stop();
    report.epochs.push({ loss: lossSum / seen, accuracy: correct / seen, seconds, samplesPerSecond: seen / seconds });
    log(`epoch ${epoch}: loss ${(lossSum / seen).toFixed(4)}, train accuracy ${(100 * correct / seen).toFixed(2)} %, ${seconds.toFixed(2)} s (${Math.round(seen / seconds)} samples/s)`);
  }
  const testLoader = new DataLoader(testSet, { batchSize: 1000, transform });
  const ev = evaluate(model, released(testLoader), lossFn);
  report.testAccuracy = ev.accuracy;
  report.testLoss = ev.loss;
  log(`test accuracy: ${(100 * ev.accuracy).toFixed(2)} % (${ev.count} images), test loss ${ev.loss.toFixed(4)}`);
  return report;
}

/**
 * The first n samples of a dataset, without copying them (a narrow of the tensors is a copy: 47 MB
 * for the whole training split, which then lives in wasm memory beside the original).
 */
function firstSamples(ds: TensorDataset, n: number): Dataset {
  return { length: n, get: (i) => ds.get(i), getBatch: (indices) => ds.getBatch(indices) };
}

/**
 * A loader's batches, each disposed when the next is drawn: this command keeps none, and a batch
 * left alive is copied out of wasm memory once the 16 MiB budget is exceeded (docs/design.md
 * §3): 400 KB a step, the whole training split in float32 (188 MB) over an epoch. Safe because a
 * TensorDataset's batches are fresh gathers, never views of the dataset's own storage.
 */
function* released(batches: Iterable<Tensor[]>): Generator<Tensor[]> {
  for (const batch of batches) {
    yield batch;
    for (const t of batch) t.dispose();
  }
}
