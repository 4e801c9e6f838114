// The run the page does and the test repeats in Node on the js backend: a 20-16-3 ReLU MLP trained
// with Adam on a synthetic, linearly separable 3-class problem. Plain JS taking the nabla module as
// an argument, so the page (dist/browser.js) and Node (dist/index.js) run the very same code.

export const CONFIG = { seed: 1234, n: 96, inputs: 20, hidden: 16, classes: 3, steps: 50, lr: 0.01 };

/** Trains on the current backend; returns the loss of every step, the final weights and timing. */
export function trainMlp(nabla, config = CONFIG) {
  const { seed, n, inputs, hidden, classes, steps, lr } = config;
  const rng = new nabla.Rng(seed);
  const centers = Array.from({ length: classes }, () => Array.from({ length: inputs }, () => rng.normal(0, 1)));
  const xs = new Float32Array(n * inputs), ys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    ys[i] = i % classes;
    for (let j = 0; j < inputs; j++) xs[i * inputs + j] = centers[ys[i]][j] + 0.5 * rng.normal(0, 1);
  }
  const x = nabla.fromArray(xs, [n, inputs]);
  const y = nabla.fromArray(ys, [n], { dtype: 'int32' });
  nabla.manualSeed(seed);
  const model = new nabla.Sequential(new nabla.Linear(inputs, hidden), new nabla.ReLU(), new nabla.Linear(hidden, classes));
  const opt = new nabla.Adam(model.parameters(), { lr });
  const losses = [], times = [];
  for (let s = 0; s < steps; s++) {
    const t0 = performance.now();
    opt.zeroGrad();
    const loss = nabla.crossEntropy(model.forward(x), y);
    loss.backward();
    opt.step();
    losses.push(loss.item());
    times.push(performance.now() - t0);
  }
  const msPerStep = times.reduce((a, b) => a + b, 0) / steps;
  const msMedianStep = times.sort((a, b) => a - b)[steps >> 1];
  const weights = model.parameters().flatMap((p) => Array.from(p.dataSync()));
  return { losses, weights, msPerStep, msMedianStep };
}

/**
 * Work large enough for the worker pool (a 256³ matmul, a 2¹⁸-element exp and add, and two 256³
 * products with a mostly-zero operand — ~12 % nonzeros, first as A then as B — which the wasm
 * backend computes from the nonzeros) on the current backend and on js, in the same page: the
 * largest relative difference and the current backend's best time of 5.
 */
export function poolWork(nabla) {
  const backend = nabla.getBackend().name;
  const run = (name) => {
    nabla.setBackend(name);
    const rng = new nabla.Rng(7);
    const a = nabla.randn([256, 256], { rng }), b = nabla.randn([256, 256], { rng });
    const v = nabla.randn([1 << 18], { rng });
    const s = nabla.randn([256, 256], { rng }).sub(1.2).relu();
    let out, ms = Infinity;
    for (let rep = 0; rep < 5; rep++) {
      const t0 = performance.now();
      const c = a.matmul(b), e = v.exp().add(v);
      out = [c.dataSync(), e.dataSync(), s.matmul(b).dataSync(), a.matmul(s).dataSync()];
      ms = Math.min(ms, performance.now() - t0);
    }
    return { out, ms };
  };
  const ref = run('js');
  const got = run(backend);
  nabla.setBackend(backend);
  let maxDiff = 0;
  for (let k = 0; k < ref.out.length; k++) {
    for (let i = 0; i < ref.out[k].length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(ref.out[k][i] - got.out[k][i]) / (1 + Math.abs(ref.out[k][i])));
    }
  }
  return { maxRelDiff: maxDiff, ms: got.ms };
}
