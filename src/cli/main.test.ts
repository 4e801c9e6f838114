// The command line's argument checks, --version and `nabla info`, parsed in-process (commander's
// exits turned into thrown CommanderErrors, its output captured).
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { CommanderError } from 'commander';
import { buildProgram, packageVersion } from './main.js';
import { selectBackend } from './backend-choice.js';
import { vectorIsa } from './commands/info.js';
import { ArgumentError, getBackend } from '../index.js';

function run(...args: string[]) {
  const out: string[] = [], err: string[] = [], log: string[] = [], warn: string[] = [];
  const program = buildProgram({
    log: (l) => log.push(l), warn: (l) => warn.push(l),
    writeOut: (s) => out.push(s), writeErr: (s) => err.push(s), exitOverride: true,
  });
  let error: unknown = null;
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    error = e;
  }
  return { out: out.join(''), err: err.join(''), log, warn, error };
}

/** The usage error commander printed for `args` (it throws instead of exiting under exitOverride). */
function usageError(...args: string[]): string {
  const r = run(...args);
  assert.ok(r.error instanceof CommanderError, `expected a usage error for ${args.join(' ')}`);
  return r.err.trim();
}

describe('nabla command line', () => {
  it('--version prints the package version', () => {
    const r = run('--version');
    assert.match(packageVersion(), /^\d+\.\d+\.\d+/);
    assert.equal(r.out, `${packageVersion()}\n`);
  });

  it('refuses seeds that are not integers from 0 to 2³² − 1', () => {
    for (const s of ['abc', '-1', '1.5', '', '4294967296', '1e40']) {
      assert.equal(usageError('train', '--seed', s),
        `error: option '--seed <n>' argument '${s}' is invalid. seed must be an integer from 0 to 4294967295 (got '${s}')`);
    }
  });

  it('refuses malformed sizes and counts', () => {
    assert.equal(usageError('train', '--epochs', '0'), "error: option '-e, --epochs <n>' argument '0' is invalid. epochs must be a positive integer (got '0')");
    assert.equal(usageError('train', '--threads', '2.5'), "error: option '--threads <n>' argument '2.5' is invalid. threads must be a positive integer (got '2.5')");
    assert.equal(usageError('train', '--hidden', '256,,128'), "error: option '--hidden <sizes>' argument '256,,128' is invalid. hidden sizes must be comma-separated positive integers (got '256,,128')");
    assert.equal(usageError('train', '--lr', 'Infinity'), "error: option '--lr <x>' argument 'Infinity' is invalid. learning rate must be a positive number (got 'Infinity')");
  });

  it('names the backends there are, not only the registered ones', () => {
    assert.equal(usageError('train', '--backend', 'foo'),
      "error: option '--backend <name>' argument 'foo' is invalid. Allowed choices are wasm, js.");
  });

  it('refuses a thread count for the js backend instead of ignoring it', () => {
    const r = run('train', '--backend', 'js', '--threads', '4');
    assert.ok(r.error instanceof ArgumentError);
    assert.equal((r.error as Error).message,
      'nabla: --threads applies to the wasm backend only; the js backend runs on one thread; got --threads 4');
    assert.deepEqual(r.log, [], 'nothing ran');
  });

  it('warns when --threads exceeds the cores', () => {
    const warn: string[] = [];
    const cores = availableParallelism();
    selectBackend('js', undefined, (l) => warn.push(l));
    assert.deepEqual(warn, []);
    selectBackend('wasm', cores + 1, (l) => warn.push(l));
    assert.deepEqual(warn, [`nabla: --threads ${cores + 1} is more than the ${cores} cores here; threads beyond the cores share them and slow every step (use --threads ${cores} or fewer)`]);
  });

  it('info prints the version, backend, CPU and Node', () => {
    const r = run('info', '--backend', 'js');
    assert.equal(r.error, null);
    assert.equal(r.log[0], `nabla ${packageVersion()}`);
    assert.equal(r.log[1], 'backend: js, 1 thread');
    assert.match(r.log.join('\n'), /^cpu: .+, \d+ cores$/m);
    assert.ok(r.log.includes(`node: ${process.version} (${process.platform}-${process.arch}), V8 ${process.versions.v8}`));
    assert.equal(getBackend().name, 'js');
  });

  it('vectorIsa names the widest x86 vector extension', () => {
    assert.equal(vectorIsa('fpu sse4_2 avx avx2 fma avx512f avx512bw'), 'AVX-512');
    assert.equal(vectorIsa('fpu sse4_2 avx avx2 fma'), 'AVX2');
    assert.equal(vectorIsa('fpu sse4_2 avx'), 'AVX');
    assert.equal(vectorIsa('avx512fx'), '');
  });
});
