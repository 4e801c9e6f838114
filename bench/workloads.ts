// nabla's side of the benchmark workloads, one per process (like ../shared/anchors/bench_torch.py):
//   node --import tsx bench/workloads.ts <sgemm|mlp|cs231n|overhead|cli> [--backend js|wasm]
//     [--epochs n]
// Prints one `RESULT {json}` line per measurement.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as nb from '../dist/index.js';

const args = process.argv.slice(2);
const bench = args[0];
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const backendName = opt('backend', 'js');
nb.setBackend(backendName);
const backend = nb.getBackend();

function emit(metric: string, value: unknown, unit: string, extra: Record<string, unknown> = {}) {
  const rec = { peer: 'nabla', variant: backend.name, threads: backend.threads, bench, metric, value, unit, ...extra };
  console.log('RESULT ' + JSON.stringify(rec));
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRepeated(f: () => void, minReps = 5, seconds = 1) {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minReps || (performance.now() - start < seconds * 1000 && times.length < 20000)) {
    const t0 = performance.now();
    f();
    times.push((performance.now() - t0) / 1000);
  }
  return { med: median(times), reps: times.length };
}

function sgemm() {
  const sizes = [128, 256, 512, 1024];
  const operands = sizes.map((n) => [nb.randn([n, n]), nb.randn([n, n])] as const);
  // correctness against float64 on the first rows; float64 runs on the js kernels by design, so
  // the fallback counter is reset before anything is timed
  operands.forEach(([a, b], i) => {
    const ref = nb.matmul(a.slice(0, 0, 4).double(), b.double()).toTypedArray();
    const got = nb.matmul(a, b).slice(0, 0, 4).toTypedArray();
    for (let j = 0; j < got.length; j++) if (Math.abs(got[j] - ref[j]) > 1e-2 + 1e-3 * Math.abs(ref[j])) throw new Error(`sgemm wrong at N=${sizes[i]}`);
  });
  nb.resetFallbackCounts();
  operands.forEach(([a, b], i) => {
    const n = sizes[i];
    for (let r = 0; r < 3; r++) nb.matmul(a, b);
    const { med, reps } = timeRepeated(() => nb.matmul(a, b));
    emit(`N=${n}`, (2 * n ** 3) / med / 1e9, 'GFLOP/s', { reps, median_s: med });
  });
  const n = 512;
  const a = nb.randn([n, n]), b = nb.randn([n, n]);
  for (const [name, f] of [['N=512 At.B', () => nb.matmul(a.t(), b)], ['N=512 A.Bt', () => nb.matmul(a, b.t())]] as const) {
    f();
    const { med, reps } = timeRepeated(f);
    emit(name, (2 * n ** 3) / med / 1e9, 'GFLOP/s', { reps, median_s: med, note: 'includes the transpose copy' });
  }
}

function mlp() {
  const epochs = Number(opt('epochs', '1'));
  nb.manualSeed(0);
  // raw uint8 pixels (47 MB instead of 188 MB), scaled to [0, 1] batch by batch
  const train = nb.loadMnist({ split: 'train', dtype: 'uint8' }), test = nb.loadMnist({ split: 'test', dtype: 'uint8' });
  const transform = ([x, y]: nb.Tensor[]) => [x.float().div(255), y];
  const tr = { x: train.images, y: train.labels };
  const model = nb.mlp([784, 256, 128, 10]);
  const optim = new nb.Adam(model.parameters(), { lr: 1e-3 });
  const bs = 128, n = tr.x.shape[0];
  // the nabla idiom for the anchor's loop (randperm batches, forward, cross-entropy, zero_grad,
  // backward, step): a shuffling DataLoader and trainStep
  const loader = new nb.DataLoader(new nb.TensorDataset(tr.x, tr.y), { batchSize: bs, shuffle: true, seed: 0, transform });
  const times: number[] = [];
  for (let e = 1; e <= epochs; e++) {
    const t0 = performance.now();
    for (const [x, y] of loader) nb.trainStep(model, nb.crossEntropy, optim, x, y);
    times.push((performance.now() - t0) / 1000);
  }
  const acc = nb.evaluate(model, new nb.DataLoader(new nb.TensorDataset(test.images, test.labels), { batchSize: 1000, transform })).accuracy;
  emit('epoch1_s', times[0], 's');
  emit('epoch1_samples_per_s', n / times[0], 'samples/s');
  emit('epochs_s', times, 's');
  emit('test_acc_1ep', acc, 'fraction', { epochs });
  emit('peak_rss', process.resourceUsage().maxRSS / 1024, 'MB');
}

/**
 * The MLP with batch norm and dropout (issue 15): 784-256-BN-ReLU-Dropout(0.2)-128-BN-ReLU-10,
 * Adam, one epoch, PyTorch's default initialisation as in bench/torch_extra.py.
 */
function mlpBn() {
  nb.manualSeed(0);
  const train = nb.loadMnist({ split: 'train', dtype: 'uint8' }), test = nb.loadMnist({ split: 'test', dtype: 'uint8' });
  const transform = ([x, y]: nb.Tensor[]) => [x.float().div(255), y];
  const model = new nb.Sequential(
    new nb.Linear(784, 256), new nb.BatchNorm1d(256), new nb.ReLU(), new nb.Dropout(0.2),
    new nb.Linear(256, 128), new nb.BatchNorm1d(128), new nb.ReLU(),
    new nb.Linear(128, 10),
  );
  const optim = new nb.Adam(model.parameters(), { lr: 1e-3 });
  const n = train.images.shape[0];
  const loader = new nb.DataLoader(new nb.TensorDataset(train.images, train.labels), { batchSize: 128, shuffle: true, seed: 0, transform });
  const t0 = performance.now();
  for (const [x, y] of loader) nb.trainStep(model, nb.crossEntropy, optim, x, y);
  const dt = (performance.now() - t0) / 1000;
  model.eval();
  const acc = nb.evaluate(model, new nb.DataLoader(new nb.TensorDataset(test.images, test.labels), { batchSize: 1000, transform })).accuracy;
  emit('epoch1_s', dt, 's');
  emit('epoch1_samples_per_s', n / dt, 'samples/s');
  emit('test_acc_1ep', acc, 'fraction');
  emit('peak_rss', process.resourceUsage().maxRSS / 1024, 'MB');
}

/**
 * The `nabla train` command itself (bin/nabla.js, default options: 1 epoch of the 784-256-128-10
 * MLP on MNIST, seed 0), in a child process: its peak RSS is what a user of the command sees
 * (issue 14's goal: ≤ 250 MB), so it is taken in that process, as `/usr/bin/time -v` would report
 * it (getrusage's ru_maxrss), printed by a preloaded exit hook.
 */
function cli() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hook = 'data:text/javascript,process.on("exit",()=>' +
    'process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS}\\n`))';
  const args = ['--import', hook, 'bin/nabla.js', 'train', '--backend', backendName];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const maxRss = /MAXRSS (\d+)/.exec(r.stderr)?.[1];
  const epoch = /^epoch 1: .*, ([\d.]+) s \(/m.exec(r.stdout)?.[1];
  const acc = /^test accuracy: ([\d.]+) %/m.exec(r.stdout)?.[1];
  if (r.status !== 0 || !maxRss || !epoch || !acc) {
    throw new Error(`nabla train failed (status ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  const command = `nabla train --backend ${backendName}`;
  emit('peak_rss', Number(maxRss) / 1024, 'MB', { command });
  emit('epoch1_s', Number(epoch), 's', { command });
  emit('test_acc_1ep', Number(acc) / 100, 'fraction', { command });
}

function cs231n() {
  nb.manualSeed(0);
  const [N, D_in, H, D_out] = [64, 1000, 100, 10];
  const x = nb.randn([N, D_in]), y = nb.randn([N, D_out]);
  const w1 = nb.randn([D_in, H], { requiresGrad: true });
  const w2 = nb.randn([H, D_out], { requiresGrad: true });
  const lr = 1e-4, iters = 2000;
  // w ← w − lr·∇w, as the PyTorch anchor's in-place update (SGD without momentum is exactly that)
  const sgd = new nb.SGD([w1, w2], { lr });
  const losses: number[] = [];
  const t0 = performance.now();
  for (let t = 0; t < iters; t++) {
    const yPred = x.matmul(w1).sigmoid().matmul(w2);
    const loss = yPred.sub(y).pow(2).sum();
    if (t % 100 === 99 || t === 0) losses.push(loss.item());
    loss.backward();
    sgd.step();
    sgd.zeroGrad();
  }
  const dt = (performance.now() - t0) / 1000;
  emit('total_s', dt, 's', { first_loss: losses[0], last_loss: losses.at(-1) });
  emit('per_iter_us', (dt / iters) * 1e6, 'us');
}

function overhead() {
  for (const size of [1, 1000]) {
    const a = nb.randn([size]), b = nb.randn([size]);
    for (let i = 0; i < 30000; i++) nb.add(a, b);
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < 10000; i++) nb.add(a, b);
      runs.push(((performance.now() - t0) / 10000) * 1000);
    }
    emit(`add_${size}`, median(runs), 'us/op', { runs });
  }
}

const table: Record<string, () => void> = { sgemm, mlp, mlp_bn: mlpBn, cs231n, overhead, cli };
if (!table[bench]) {
  console.error(`usage: workloads.ts <${Object.keys(table).join('|')}> [--backend js|wasm]`);
  process.exit(2);
}
nb.resetFallbackCounts();
table[bench]();
// STYLE §3.11: the run reports every kernel call that fell back from wasm to the js kernels (the
// cli workload runs its kernels in its child, which is the command as users run it)
if (backend.name === 'wasm' && bench !== 'cli') {
  emit('fallbacks', Object.fromEntries(nb.fallbackCounts()), 'calls');
}
