// Seeded pseudo-random numbers: xoshiro128** (state of four 32-bit words), so every run is
// reproducible from its seed. Normals by Box–Muller.

import { badArg, checkInt, checkNumber } from './check.js';

export interface RngState {
  s: [number, number, number, number];
  spare: number | null;
}

function splitmix32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator (xoshiro128**): uniform, normal, integer draws and permutations (concepts §2). */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;

  constructor(seed = 0) {
    checkInt('Rng', 'seed', seed);
    this.seed(seed);
  }

  /** Restarts the sequence from `seed`, a safe integer (negative ones too). */
  seed(seed: number): void {
    checkInt('Rng.seed', 'seed', seed);
    const next = splitmix32(Math.floor(seed) ^ Math.floor(seed / 2 ** 32));
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    this.spare = null;
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(low = 0, high = 1): number {
    if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) uniformError(low, high);
    return low + (high - low) * this.random();
  }

  /** Standard normal by Box–Muller; the second value of each pair is kept for the next call. */
  normal(mean = 0, std = 1): number {
    if (!Number.isFinite(mean) || !(std >= 0 && std < Infinity)) normalError(mean, std);
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** Integer in [0, n), unbiased. */
  int(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) checkInt('Rng.int', 'n', n, 1);
    if (n <= 0x100000000) {
      const limit = 0x100000000 - (0x100000000 % n);
      let x = this.nextU32();
      while (x >= limit) x = this.nextU32();
      return x % n;
    }
    return Math.floor(this.random() * n);
  }

  /** A random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    checkInt('Rng.permutation', 'n', n, 0);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  getState(): RngState {
    return { s: [this.s0, this.s1, this.s2, this.s3], spare: this.spare };
  }

  /** Restores a getState() (checked first: a malformed state changes nothing). */
  setState(state: RngState): void {
    const ok = typeof state === 'object' && state !== null && Array.isArray(state.s) && state.s.length === 4 &&
      state.s.every((w) => Number.isInteger(w) && w >= -0x80000000 && w <= 0xffffffff) &&
      (state.spare === null || typeof state.spare === 'number');
    if (!ok) throw badArg('Rng.setState', 'state must be { s: [4 integers], spare: number | null } from getState()', state);
    [this.s0, this.s1, this.s2, this.s3] = state.s;
    this.spare = state.spare;
  }
}

function uniformError(low: unknown, high: unknown): never {
  checkNumber('Rng.uniform', 'low', low);
  checkNumber('Rng.uniform', 'high', high, { min: low as number, minName: 'low' });
  throw new Error('unreachable');
}

function normalError(mean: unknown, std: unknown): never {
  checkNumber('Rng.normal', 'mean', mean);
  checkNumber('Rng.normal', 'std', std, { min: 0 });
  throw new Error('unreachable');
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The process-wide generator behind `manualSeed` and every random op without an explicit rng
 * (concepts §2).
 */
export const globalRng = new Rng(0);

/** An optional generator option is an Rng (a plain object or a seed number is refused by name). */
export function checkRng(op: string, rng: unknown): void {
  if (rng !== undefined && !(rng instanceof Rng)) throw badArg(op, 'rng must be an Rng', rng);
}

/** Seeds the global generator, so a run is reproducible (torch.manual_seed; concepts §2). */
export function manualSeed(seed: number): void {
  checkInt('manualSeed', 'seed', seed);
  globalRng.seed(seed);
}
