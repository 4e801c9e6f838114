// Every random initializer over 10⁶ draws (concepts §6): sample mean, std, bounds and shape of the
// distribution against the formula, with tolerances of 5 standard errors of each statistic
// (n = 10⁶; a false failure has probability < 10⁻⁶ per check):
//   mean:  SE = σ/√n
//   std:   SE ≈ σ·√((κ − 1)/(4n)), κ the kurtosis: normal κ = 3 ⇒ σ/√(2n); uniform κ = 9/5 ⇒ σ·√(0.2/n)
//   P(|x − μ| < σ) for a normal = 0.682689…; P(x < midpoint) for a uniform = ½: SE = √(p(1 − p)/n)
//   uniform bounds: every draw in [low, high], and the extremes within 20·(high − low)/n of the
//   bounds (the gap is ≈ exponential with mean (high − low)/n: P(gap > 20×) = e⁻²⁰)
// The tensors are float64, so rounding plays no part. Expected σ and bounds are written out from
// the formulas here, not taken from the implementation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeros, Rng, manualSeed, init, type Tensor } from '../../index.js';

const N = 1_000_000;
const Z = 5;
const P1 = 0.6826894921370859; // P(|z| < 1), z standard normal

function moments(a: ArrayLike<number>) {
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    sum += a[i];
    if (a[i] < min) min = a[i];
    if (a[i] > max) max = a[i];
  }
  const mean = sum / a.length;
  let sq = 0;
  for (let i = 0; i < a.length; i++) sq += (a[i] - mean) ** 2;
  return { n: a.length, mean, std: Math.sqrt(sq / (a.length - 1)), min, max };
}

const within = (x: number, target: number, se: number, what: string) =>
  assert.ok(Math.abs(x - target) < Z * se, `${what}: ${x}, expected ${target} ± ${Z}·${se.toExponential(3)}`);

function assertNormal(t: Tensor, mean: number, std: number, label: string): void {
  const a = t.toTypedArray();
  const s = moments(a);
  assert.ok(s.n >= 0.98 * N, `${label}: ${s.n} draws`);
  within(s.mean, mean, std / Math.sqrt(s.n), `${label} mean`);
  within(s.std, std, std / Math.sqrt(2 * s.n), `${label} std`);
  let inside = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - mean) < std) inside++;
  within(inside / s.n, P1, Math.sqrt((P1 * (1 - P1)) / s.n), `${label} P(|x − μ| < σ)`);
}

function assertUniform(t: Tensor, low: number, high: number, label: string): void {
  const a = t.toTypedArray();
  const s = moments(a);
  assert.ok(s.n >= 0.98 * N, `${label}: ${s.n} draws`);
  const sigma = (high - low) / Math.sqrt(12);
  assert.ok(s.min >= low && s.max <= high, `${label}: [${s.min}, ${s.max}] within [${low}, ${high}]`);
  const gap = (20 * (high - low)) / s.n;
  assert.ok(s.min - low < gap && high - s.max < gap, `${label}: extremes ${s.min}, ${s.max} reach the bounds`);
  within(s.mean, (low + high) / 2, sigma / Math.sqrt(s.n), `${label} mean`);
  within(s.std, sigma, sigma * Math.sqrt(0.2 / s.n), `${label} std`);
  let below = 0;
  for (let i = 0; i < a.length; i++) if (a[i] < (low + high) / 2) below++;
  within(below / s.n, 0.5, 0.5 / Math.sqrt(s.n), `${label} P(x < midpoint)`);
}

const f64 = (shape: number[]) => zeros(shape, { dtype: 'float64' });

// [D_out, D_in] = [1000, 1000], [500, 2000] and a conv weight [64, 16, 31, 31] (984 064 values;
// fan_in = 16·961 = 15 376, fan_out = 64·961 = 61 504).
const CONV = [64, 16, 31, 31];
const conv = { fanIn: 16 * 961, fanOut: 64 * 961 };

test('normal_(0, 0.01) (AlexNet) and normal_(2, 3): N(μ, σ²)', () => {
  assertNormal(init.normal_(f64([1000, 1000]), 0, 0.01, { rng: new Rng(1) }), 0, 0.01, 'normal_(0, 0.01)');
  assertNormal(init.normal_(f64([1000, 1000]), 2, 3, { rng: new Rng(2) }), 2, 3, 'normal_(2, 3)');
});

test('uniform_(−3, 5): U(low, high)', () => {
  assertUniform(init.uniform_(f64([1000, 1000]), -3, 5, { rng: new Rng(3) }), -3, 5, 'uniform_');
});

test('xavierUniform_: U(−r, r), r = gain·√6/√(n_in + n_out)', () => {
  const r = Math.sqrt(6 / (2000 + 500));
  assertUniform(init.xavierUniform_(f64([500, 2000]), { rng: new Rng(4) }), -r, r, 'xavierUniform_');
  const rc = 5 / 3 * Math.sqrt(6 / (conv.fanIn + conv.fanOut));
  assertUniform(init.xavierUniform_(f64(CONV), { gain: 5 / 3, rng: new Rng(5) }), -rc, rc, 'xavierUniform_ conv, gain 5/3');
});

test('xavierNormal_: σ = gain·√(2/(n_in + n_out))', () => {
  assertNormal(init.xavierNormal_(f64([500, 2000]), { rng: new Rng(6) }), 0, Math.sqrt(2 / 2500), 'xavierNormal_');
  assertNormal(init.xavierNormal_(f64(CONV), { gain: 2, rng: new Rng(7) }), 0, 2 * Math.sqrt(2 / (conv.fanIn + conv.fanOut)), 'xavierNormal_ conv');
});

test('lecunNormal_ (the notes\' "Xavier normal"): σ = 1/√n_in; lecunUniform_: b = √(3/n_in)', () => {
  assertNormal(init.lecunNormal_(f64([500, 2000]), { rng: new Rng(8) }), 0, 1 / Math.sqrt(2000), 'lecunNormal_');
  assertNormal(init.lecunNormal_(f64(CONV), { rng: new Rng(9) }), 0, 1 / Math.sqrt(conv.fanIn), 'lecunNormal_ conv');
  const b = Math.sqrt(3 / 2000);
  assertUniform(init.lecunUniform_(f64([500, 2000]), { rng: new Rng(10) }), -b, b, 'lecunUniform_');
});

test('kaimingNormal_ / heNormal_: σ = gain/√fan (relu: √(2/n_in)); modes and leaky slope', () => {
  assertNormal(init.heNormal_(f64([500, 2000]), { rng: new Rng(11) }), 0, Math.sqrt(2 / 2000), 'heNormal_');
  assertNormal(init.kaimingNormal_(f64([500, 2000]), { mode: 'fanOut', nonlinearity: 'relu', rng: new Rng(12) }), 0,
    Math.sqrt(2 / 500), 'kaimingNormal_ fanOut relu');
  assertNormal(init.kaimingNormal_(f64(CONV), { a: 0.2, rng: new Rng(13) }), 0,
    Math.sqrt(2 / (1 + 0.04)) / Math.sqrt(conv.fanIn), 'kaimingNormal_ conv leaky_relu a = 0.2');
});

test('kaimingUniform_: U(−b, b), b = gain·√(3/fan); Linear\'s default a = √5 gives b = 1/√n_in', () => {
  const b = Math.sqrt(2) * Math.sqrt(3 / 2000);
  assertUniform(init.kaimingUniform_(f64([500, 2000]), { nonlinearity: 'relu', rng: new Rng(14) }), -b, b, 'kaimingUniform_ relu');
  const b5 = 1 / Math.sqrt(2000); // √(2/(1 + 5))·√(3/n_in)
  assertUniform(init.kaimingUniform_(f64([500, 2000]), { a: Math.sqrt(5), rng: new Rng(15) }), -b5, b5, 'kaimingUniform_ a = √5');
  const bo = Math.sqrt(3 / conv.fanOut) * 5 / 3;
  assertUniform(init.kaimingUniform_(f64(CONV), { mode: 'fanOut', nonlinearity: 'tanh', rng: new Rng(16) }), -bo, bo, 'kaimingUniform_ conv fanOut tanh');
});

test('orthogonal_ [100, 10 000]: rows orthonormal (WWᵀ = I to 1e-12), entries ≈ N(0, 1/cols) (Haar)', () => {
  const w = init.orthogonal_(f64([100, 10000]), { rng: new Rng(17) });
  const a = w.toTypedArray();
  let err = 0;
  for (let i = 0; i < 100; i++) {
    for (let j = i; j < 100; j++) {
      let s = 0;
      for (let k = 0; k < 10000; k++) s += a[i * 10000 + k] * a[j * 10000 + k];
      err = Math.max(err, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  assert.ok(err < 1e-12, `max |WWᵀ − I| = ${err}`);
  // A uniformly random orthonormal row is a uniform point on the sphere S^{cols−1}: its entries are
  // nearly independent N(0, 1/cols) (the sum of squares is fixed at 1, so the std is exact).
  assertNormal(w, 0, 1 / Math.sqrt(10000), 'orthogonal_ entries');
});

/** Every random initializer, as a call on a fresh tensor with an optional rng. */
const RANDOM: [string, (rng?: Rng) => Tensor][] = [
  ['normal_', (rng) => init.normal_(zeros([30, 40]), 0, 1, { rng })],
  ['uniform_', (rng) => init.uniform_(zeros([30, 40]), -1, 1, { rng })],
  ['xavierUniform_', (rng) => init.xavierUniform_(zeros([30, 40]), { rng })],
  ['xavierNormal_', (rng) => init.xavierNormal_(zeros([30, 40]), { rng })],
  ['lecunNormal_', (rng) => init.lecunNormal_(zeros([30, 40]), { rng })],
  ['lecunUniform_', (rng) => init.lecunUniform_(zeros([30, 40]), { rng })],
  ['kaimingNormal_', (rng) => init.kaimingNormal_(zeros([30, 40]), { rng })],
  ['kaimingUniform_', (rng) => init.kaimingUniform_(zeros([30, 40]), { rng })],
  ['heNormal_', (rng) => init.heNormal_(zeros([30, 40]), { rng })],
  ['orthogonal_', (rng) => init.orthogonal_(zeros([30, 40]), { rng })],
];

test('every random initializer is reproducible from a seeded Rng and from manualSeed (the global generator)', () => {
  for (const [name, draw] of RANDOM) {
    const a = draw(new Rng(21)).tolist(), b = draw(new Rng(21)).tolist(), c = draw(new Rng(22)).tolist();
    assert.deepEqual(a, b, `${name}: same seed, same values`);
    assert.notDeepEqual(a, c, `${name}: another seed, other values`);
    manualSeed(21);
    const g1 = draw().tolist();
    manualSeed(21);
    assert.deepEqual(draw().tolist(), g1, `${name}: manualSeed(21) twice`);
    assert.deepEqual(g1, a, `${name}: the global generator seeded 21 draws as new Rng(21)`);
  }
  manualSeed(0);
});
