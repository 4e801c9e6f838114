// Same-process A/B of matmul kernel builds: this VM's speed drifts by up to 2× within minutes, so
// separate runs cannot resolve even 30 %; calls of the builds alternated in one process for 40
// rounds, compared by median, resolve ~5 %. Checks each build against a float64 reference first.
//   node --experimental-wasm-relaxed-simd tools/ab/matmul-builds.mjs a.wasm b.wasm [...]
//   SHAPES='[[m,n,k,flags],...]' (flags: 1 transA, 2 transB) to choose the products
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
const shapes = JSON.parse(process.env.SHAPES ??
  '[[128,256,784,2],[256,784,128,1],[64,100,1000,0],[1000,100,64,1],[128,128,256,2],[512,512,512,0]]');
const builds = files.map((f) => {
  const memory = new WebAssembly.Memory({ initial: 2048, maximum: 32768 });
  const ex = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(f)), { env: { memory } }).exports;
  return { f, ex, F: new Float32Array(memory.buffer) };
});
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

for (const [m, n, k, flags] of shapes) {
  const runs = builds.map(({ f, ex, F }) => {
    const scratch = 1 << 22, A = scratch + ex.scratchBytes() + 64, B = A + m * k * 4 + 64, C = B + k * n * 4 + 64;
    for (let i = 0; i < m * k; i++) F[(A >> 2) + i] = Math.sin(i);
    for (let i = 0; i < k * n; i++) F[(B >> 2) + i] = Math.cos(i);
    const run = () => ex.matmul(A, B, C, 0, m, n, k, flags, 0, m, 0, n, scratch);
    run();
    for (const [i, j] of [[0, 0], [m - 1, n - 1], [m >> 1, n >> 1], [m - 1, 0]]) {
      let ref = 0;
      for (let p = 0; p < k; p++) {
        ref += F[(A >> 2) + (flags & 1 ? p * m + i : i * k + p)] * F[(B >> 2) + (flags & 2 ? j * k + p : p * n + j)];
      }
      const got = F[(C >> 2) + i * n + j];
      if (Math.abs(got - ref) > 1e-3 * (1 + Math.abs(ref))) throw new Error(`${f}: wrong at ${m}x${n}x${k}/${flags} [${i}, ${j}]`);
    }
    return { run, ts: [] };
  });
  const reps = Math.max(3, Math.round(1e8 / (m * n * k)));
  for (let r = 0; r < 40; r++) {
    for (const x of runs) {
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) x.run();
      x.ts.push((performance.now() - t0) / reps);
    }
  }
  console.log(`${m}x${n}x${k}/${flags}: ` + runs.map((x, i) => `${files[i]} ${(2 * m * n * k / median(x.ts) / 1e6).toFixed(1)}`).join('  ') + ' GFLOP/s');
}
