// Thread scaling of the wasm matmul, drift-free: in one process, alternates calls on one thread
// (the pool's wantsMatmul forced false) and on the pool, for 30 rounds; prints median GFLOP/s.
//   npm run build && node --experimental-wasm-relaxed-simd tools/ab/matmul-threads.mjs ['m,n,k,flags;...']
// flags: 1 = A given transposed, 2 = B given transposed (note: a.t() copies; Linear does not).
const nb = await import('../../dist/index.js');
const { WorkerPool } = await import('../../dist/backend/wasm/pool.js');
nb.useFastestBackend({ threads: 2 });
let oneThread = false;
const wants = WorkerPool.prototype.wantsMatmul;
WorkerPool.prototype.wantsMatmul = function (...a) { return oneThread ? false : wants.apply(this, a); };
const shapes = (process.argv[2] ?? '64,100,1000,0;1000,100,64,1;128,256,784,2;256,784,128,1;1024,1024,1024,0')
  .split(';').map((s) => s.split(',').map(Number));
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const [m, n, k, fl] of shapes) {
  const a = fl & 1 ? nb.randn([k, m]) : nb.randn([m, k]), b = fl & 2 ? nb.randn([n, k]) : nb.randn([k, n]);
  const f = () => nb.matmul(fl & 1 ? a.t() : a, fl & 2 ? b.t() : b).dispose();
  const reps = Math.max(5, Math.round(2e8 / (m * n * k)));
  const t = { 1: [], 2: [] };
  for (let round = 0; round < 30; round++) {
    for (const th of [1, 2]) {
      oneThread = th === 1;
      f();
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) f();
      t[th].push((performance.now() - t0) / reps);
    }
  }
  const g1 = 2 * m * n * k / median(t[1]) / 1e6, g2 = 2 * m * n * k / median(t[2]) / 1e6;
  console.log(`${m}x${n}x${k}/${fl}: 1 thread ${g1.toFixed(1)}, 2 threads ${g2.toFixed(1)} GFLOP/s (${(g2 / g1).toFixed(2)}×)`);
}
