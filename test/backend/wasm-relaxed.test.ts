// The relaxed-SIMD build through the conformance suite, single- and multi-threaded. Node 20 needs
// V8's --experimental-wasm-relaxed-simd, so without it this file re-runs itself with the flag.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { createWasmBackendSync, relaxedSimdAvailable } from '../../src/backend/wasm/index.js';
import { runConformance } from './conformance.js';

/** Split even small matmuls and element-wise ops over the threads, so the cases exercise the pool. */
const SMALL_PARALLEL = { parallelMinWork: 4096, parallelMinElements: 256, parallelMinChunk: 1 };

if (relaxedSimdAvailable()) {
  runConformance({ backend: createWasmBackendSync({ variant: 'relaxed', threads: 1, name: 'wasm-relaxed-1' }), label: 'wasm relaxed, 1 thread' });
  runConformance({ backend: createWasmBackendSync({ variant: 'relaxed', threads: 2, name: 'wasm-relaxed-2', ...SMALL_PARALLEL }), label: 'wasm relaxed, 2 threads' });
} else {
  it('relaxed-SIMD build passes conformance under --experimental-wasm-relaxed-simd', () => {
    // NODE_TEST_CONTEXT (set by the runner for its children) must not reach this child: with it,
    // node --test prints "run() is being called recursively" and exits 0 having run nothing — the
    // relaxed build went untested that way. So the child's own counts are checked too.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--test',
      '--test-reporter=tap', fileURLToPath(import.meta.url)], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
    const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? NaN);
    const failures = r.stdout.split('\n').filter((l) => /^\s*not ok /.test(l)).slice(0, 20).join('\n');
    assert.equal(r.status, 0, `relaxed conformance failed:\n${failures}\n${r.stderr.slice(0, 4000)}`);
    assert.equal(count('fail'), 0, failures);
    // both configurations of the conformance suite ran (44 cases each when this was written)
    for (const label of ['wasm relaxed, 1 thread', 'wasm relaxed, 2 threads']) assert.ok(r.stdout.includes(label), `${label} did not run`);
    assert.ok(count('pass') >= 80, `the child ran only ${count('pass')} tests`);
  });
}
