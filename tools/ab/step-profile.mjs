// Where an MNIST MLP step spends its time, per kernel (matmuls by shape), and how the same matmuls
// run hot in a loop in the same process: the gap is what the step's cold caches and hand-offs cost.
//   npm run build && node --experimental-wasm-relaxed-simd tools/ab/step-profile.mjs [--threads 1|2] [--steps 300] [--workload mlp|cs231n]
const nb = await import('../../dist/index.js');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
nb.useFastestBackend({ threads: Number(opt('threads', '2')) });
const be = nb.getBackend();
const stats = new Map();
let on = false;
for (const name of Object.keys(be)) {
  const f = be[name];
  if (typeof f !== 'function' || ['alloc', 'free', 'read'].includes(name)) continue;
  be[name] = function (...args) {
    if (!on) return f.apply(this, args);
    const t0 = performance.now();
    const r = f.apply(this, args);
    const dt = performance.now() - t0;
    let key = name;
    if (name === 'matmul') { const p = args[3]; key = `matmul ${p.m}x${p.n}x${p.k}${p.transA ? ' tA' : ''}${p.transB ? ' tB' : ''}${p.accumulate ? ' acc' : ''}${p.bias ? ' +b' : ''}`; }
    else if (typeof args[0] === 'string') key = `${name}:${args[0]}`;
    const s = stats.get(key) ?? { n: 0, t: 0, args };
    s.n++; s.t += dt; stats.set(key, s);
    return r;
  };
}
nb.manualSeed(0);
const steps = Number(opt('steps', '300'));
let tOn = 0;
if (opt('workload', 'mlp') === 'cs231n') {
  // the notes' 2-layer net (bench/workloads.ts cs231n)
  const x = nb.randn([64, 1000]), y = nb.randn([64, 10]);
  const w1 = nb.randn([1000, 100], { requiresGrad: true }), w2 = nb.randn([100, 10], { requiresGrad: true });
  const sgd = new nb.SGD([w1, w2], { lr: 1e-4 });
  for (let i = 0; i < 50 + steps; i++) {
    if (i === 50) { on = true; tOn = performance.now(); }
    const loss = x.matmul(w1).sigmoid().matmul(w2).sub(y).pow(2).sum();
    loss.backward();
    sgd.step();
    sgd.zeroGrad();
  }
} else {
  const train = nb.loadMnist({ split: 'train', dtype: 'uint8' });
  const model = nb.mlp([784, 256, 128, 10]);
  const optim = new nb.Adam(model.parameters(), { lr: 1e-3 });
  const loader = new nb.DataLoader(new nb.TensorDataset(train.images, train.labels), { batchSize: 128, shuffle: true, seed: 0, transform: ([x, y]) => [x.float().div(255), y] });
  let i = 0;
  for (const [x, y] of loader) {
    if (i === 50) { on = true; tOn = performance.now(); }
    nb.trainStep(model, nb.crossEntropy, optim, x, y);
    if (++i === 50 + steps) break;
  }
}
const wall = performance.now() - tOn;
on = false;
let sum = 0;
for (const s of stats.values()) sum += s.t;
console.log(`${steps} steps, ${(wall / steps).toFixed(3)} ms/step wall, kernels ${(sum / steps).toFixed(3)} ms/step (${be.threads} threads)`);
const rows = [...stats].sort((a, b) => b[1].t - a[1].t);
for (const [key, s] of rows) {
  let hot = '';
  if (key.startsWith('matmul')) {
    const p = s.args[3];
    const mk = (n) => { const st = be.alloc('float32', n); be.write(st, Float32Array.from({ length: n }, () => Math.random() - 0.5)); return st; };
    const a = mk(p.m * p.k), b = mk(p.k * p.n), out = mk(p.m * p.n);
    if (p.bias) p.bias = mk(p.n);
    const ts = [];
    for (let r = 0; r < 200; r++) { const t = performance.now(); be.matmul(a, b, out, p); ts.push(performance.now() - t); }
    ts.sort((x, y) => x - y);
    const cold = s.t / s.n, h = ts[100];
    hot = `  hot ${(h * 1000).toFixed(0)} µs (${(2 * p.m * p.n * p.k / h / 1e6).toFixed(1)} GFLOP/s) vs in-step ${(2 * p.m * p.n * p.k / cold / 1e6).toFixed(1)}`;
  }
  console.log(`${(s.t / steps * 1000).toFixed(0).padStart(6)} µs/step ${(100 * s.t / wall).toFixed(1).padStart(5)}%  ${s.n / steps}× ${key}${hot}`);
}
