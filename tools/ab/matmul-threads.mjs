// Thread scaling of the wasm matmul, drift-free: in one process, alternates calls on one thread
// (the pool's wantsMatmul forced false) and on the pool, round by round; prints the median and
// the best round's GFLOP/s (this VM's noise only ever slows a round down). Calls the backend's
// matmul kernel directly, so transposed operands are read in place as Linear's products are.
//   npm run build && node --experimental-wasm-relaxed-simd tools/ab/matmul-threads.mjs ['m,n,k,flags;...']
// flags: 1 = A stored [k, m] (transA), 2 = B stored [n, k] (transB).
// POOL='{"maxPackedBytes":0}' sets pool fields for the 2-thread calls; POOL_B='{...}' adds a third
// column, 2 threads with those fields instead (same-process A/B of pool strategies). ROUNDS=30.
const nb = await import('../../dist/index.js');
const { WorkerPool } = await import('../../dist/backend/wasm/pool.js');
nb.useFastestBackend({ threads: 2 });
const be = nb.getBackend();
const configs = [{ name: '1 thread', one: true, fields: {} }, { name: '2 threads', one: false, fields: JSON.parse(process.env.POOL ?? '{}') }];
if (process.env.POOL_B) configs.push({ name: '2 threads B', one: false, fields: JSON.parse(process.env.POOL_B) });
let cur = configs[0];
const defaults = {};
const wants = WorkerPool.prototype.wantsMatmul;
WorkerPool.prototype.wantsMatmul = function (...a) {
  for (const key of Object.keys(cur.fields)) { defaults[key] ??= this[key]; }
  Object.assign(this, defaults, cur.fields);
  return cur.one ? false : wants.apply(this, a);
};
const shapes = (process.argv[2] ?? '128,256,784,2;256,784,128,1;128,256,128,1;128,256,128,0;128,128,256,2;64,100,1000,0;1000,100,64,1;1024,1024,1024,0')
  .split(';').map((s) => s.split(',').map(Number));
const rounds = Number(process.env.ROUNDS ?? 30);
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const mk = (n) => { const s = be.alloc('float32', n); be.write(s, Float32Array.from({ length: n }, () => Math.random() - 0.5)); return s; };
for (const [m, n, k, fl] of shapes) {
  const a = mk(m * k), b = mk(k * n), out = mk(m * n);
  const p = { batch: 1, m, n, k, transA: (fl & 1) !== 0, transB: (fl & 2) !== 0, aBatchStride: 0, bBatchStride: 0 };
  const f = () => be.matmul(a, b, out, p);
  const reps = Math.max(5, Math.round(1e8 / (m * n * k)));
  const t = configs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    configs.forEach((c, i) => {
      cur = c;
      f();
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) f();
      t[i].push((performance.now() - t0) / reps);
    });
  }
  const gf = (x) => 2 * m * n * k / x / 1e6;
  const med = t.map((x) => gf(median(x))), best = t.map((x) => gf(Math.min(...x)));
  console.log(`${m}x${n}x${k}/${fl}: ` + configs.map((c, i) => `${c.name} ${med[i].toFixed(1)} (best ${best[i].toFixed(1)})`).join(', ') +
    ` GFLOP/s; ×${(med[1] / med[0]).toFixed(2)}` + (configs[2] ? ` / B ×${(med[2] / med[0]).toFixed(2)}` : ''));
  for (const s of [a, b, out]) be.free(s);
}
