// Same-process A/B of the sparse matmul path on the MNIST MLP step: alternates blocks of steps
// with the sparse path on and off (sparseSettings.maxDensity) and prints the median ms/step.
//   npm run build && node --experimental-wasm-relaxed-simd tools/ab/mlp-sparse.mjs [--threads 2] [--blocks 20]
const nb = await import('../../dist/index.js');
const { sparseSettings } = await import('../../dist/backend/wasm/sparse-matmul.js');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
nb.useFastestBackend({ threads: Number(opt('threads', '2')) });
nb.manualSeed(0);
const train = nb.loadMnist({ split: 'train', dtype: 'uint8' });
const model = nb.mlp([784, 256, 128, 10]);
const optim = new nb.Adam(model.parameters(), { lr: 1e-3 });
const loader = new nb.DataLoader(new nb.TensorDataset(train.images, train.labels), { batchSize: 128, shuffle: true, seed: 0, transform: ([x, y]) => [x.float().div(255), y] });
const on = sparseSettings.maxDensity;
const t = { on: [], off: [] };
let it = loader[Symbol.iterator]();
const next = () => { let r = it.next(); if (r.done) { it = loader[Symbol.iterator](); r = it.next(); } return r.value; };
for (let i = 0; i < 30; i++) { const [x, y] = next(); nb.trainStep(model, nb.crossEntropy, optim, x, y); }
const blocks = Number(opt('blocks', '20'));
for (let b = 0; b < blocks; b++) {
  for (const mode of ['on', 'off']) {
    sparseSettings.maxDensity = mode === 'on' ? on : 0;
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) { const [x, y] = next(); nb.trainStep(model, nb.crossEntropy, optim, x, y); }
    t[mode].push((performance.now() - t0) / 20);
  }
}
const med = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
console.log(`ms/step, median of ${blocks} blocks of 20 steps: sparse ${med(t.on).toFixed(3)} (best ${Math.min(...t.on).toFixed(3)}), dense ${med(t.off).toFixed(3)} (best ${Math.min(...t.off).toFixed(3)}); ×${(med(t.off) / med(t.on)).toFixed(2)}`);
