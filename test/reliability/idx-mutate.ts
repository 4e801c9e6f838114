// A seeded generator of IDX inputs for the fuzz test: valid files of every IDX element type and
// ranks 0–4, plain or gzip, then mutated (bit flips, byte sets, truncation, dims set to 0, huge
// or inconsistent, trailing bytes, bad magic, wrong type code, gzip bombs). Its own PRNG, so a
// (seed, index) pair reproduces an input exactly on any machine.

import { gzipSync } from 'node:zlib';

/** mulberry32: 32-bit state, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The IDX element types by type code (from the format's description, not from the reader). */
export const TYPES = [
  { code: 0x08, name: 'uint8', bytes: 1 },
  { code: 0x09, name: 'int8', bytes: 1 },
  { code: 0x0b, name: 'int16', bytes: 2 },
  { code: 0x0c, name: 'int32', bytes: 4 },
  { code: 0x0d, name: 'float32', bytes: 4 },
  { code: 0x0e, name: 'float64', bytes: 8 },
] as const;

export type Container = 'plain' | 'gzip-payload' | 'gzip-compressed';

export interface FuzzInput {
  bytes: Uint8Array;
  container: Container;
  /** What was generated and done to it, for the failure report. */
  story: string;
  /** The unmutated file when no mutation was applied (then it must parse to exactly this). */
  valid: { type: string; dims: number[]; payload: Uint8Array } | null;
  /** Pass `expect` with the generated type and rank (exercises the magic check). */
  expect: { type: (typeof TYPES)[number]['name']; ndim: number; what: string } | null;
}

const HUGE = [0x7fffffff, 0xffffffff, 0x80000000, 0x10000, 0x20000001];

function header(code: number, dims: number[]): Uint8Array {
  const h = new Uint8Array(4 + 4 * dims.length);
  const v = new DataView(h.buffer);
  h.set([0, 0, code, dims.length]);
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d));
  return h;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Input `index` of the run seeded `seed`. */
export function fuzzInput(seed: number, index: number): FuzzInput {
  const r = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index, 0x85ebca6b)) >>> 0);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const type = pick(TYPES);
  const rank = int(5);
  const dims = Array.from({ length: rank }, () => (r() < 0.1 ? 1 : int(7)));
  const count = dims.reduce((a, b) => a * b, 1);
  const payload = Uint8Array.from({ length: count * type.bytes }, () => int(256));
  let bytes = concat(header(type.code, dims), payload);
  const container: Container = pick(['plain', 'plain', 'gzip-payload', 'gzip-compressed'] as const);
  const steps: string[] = [];
  const raw = (b: Uint8Array): Uint8Array => {
    const what = int(4);
    if (b.length === 0 && what !== 3) return b;
    const at = int(b.length);
    if (what === 0) {
      const bit = int(8);
      b = Uint8Array.from(b);
      b[at] ^= 1 << bit;
      steps.push(`flip bit ${bit} of byte ${at}`);
    } else if (what === 1) {
      const v = pick([0, 0xff, 0x7f, 0x80, int(256)]);
      b = Uint8Array.from(b);
      b[at] = v;
      steps.push(`set byte ${at} to ${v}`);
    } else if (what === 2) {
      steps.push(`truncate to ${at} bytes`);
      b = b.slice(0, at);
    } else {
      const extra = Uint8Array.from({ length: 1 + int(16) }, () => int(256));
      steps.push(`append ${extra.length} bytes`);
      b = concat(b, extra);
    }
    return b;
  };
  const structural = (b: Uint8Array): Uint8Array => {
    b = Uint8Array.from(b);
    const v = new DataView(b.buffer);
    const nd = b.length >= 4 ? Math.min(b[3], Math.floor((b.length - 4) / 4)) : 0;
    const what = int(8);
    if (what === 0 && nd > 0) {
      const d = int(nd);
      v.setUint32(4 + 4 * d, 0);
      steps.push(`dim ${d} = 0`);
    } else if (what === 1 && nd > 0) {
      const d = int(nd), h = pick(HUGE);
      v.setUint32(4 + 4 * d, h);
      steps.push(`dim ${d} = ${h}`);
    } else if (what === 2 && nd > 1) {
      // a product past 2⁵³ (and past 2⁶⁴ with three)
      for (let d = 0; d < nd; d++) v.setUint32(4 + 4 * d, 0xffffffff);
      steps.push(`all ${nd} dims = 4294967295`);
    } else if (what === 3 && nd > 0) {
      const d = int(nd), old = v.getUint32(4 + 4 * d), nu = Math.max(0, old + pick([-2, -1, 1, 2, 5]));
      v.setUint32(4 + 4 * d, nu);
      steps.push(`dim ${d} ${old} → ${nu}`);
    } else if (what === 4 && b.length >= 2) {
      const at = int(2), val = 1 + int(255);
      b[at] = val;
      steps.push(`magic byte ${at} = ${val}`);
    } else if (what === 5 && b.length >= 3) {
      const val = pick([0, 0x0a, 0x0f, 0x10, int(256)]);
      b[2] = val;
      steps.push(`type code = ${val}`);
    } else if (what === 6 && b.length >= 4) {
      const val = pick([0, 1, 5, 255, int(256)]);
      b[3] = val;
      steps.push(`ndim = ${val}`);
    } else return raw(b);
    return b;
  };
  const mutate = (b: Uint8Array, n: number, f: (b: Uint8Array) => Uint8Array) => {
    for (let i = 0; i < n; i++) b = f(b);
    return b;
  };
  const unchanged = r() < 0.08;
  if (container === 'plain') {
    if (!unchanged) bytes = mutate(bytes, 1 + int(3), structural);
  } else if (container === 'gzip-payload') {
    if (r() < 0.03) {
      // a bomb: a header declaring more than the zeros behind it, or less (then bytes trail)
      const zeros = new Uint8Array(2 ** (12 + int(7)));
      const declared = pick([0x7fffffff, zeros.length - 1 - int(64), zeros.length + 1 + int(64)]);
      bytes = concat(header(0x08, [Math.max(0, declared)]), zeros);
      steps.push(`bomb: ${zeros.length} zeros behind a header declaring ${declared}`);
    } else if (!unchanged) bytes = mutate(bytes, 1 + int(2), structural);
    bytes = gzipSync(bytes, { level: 1 + int(9) });
  } else {
    if (!unchanged && r() < 0.3) bytes = structural(bytes);
    bytes = gzipSync(bytes, { level: 1 + int(9) });
    if (!unchanged) bytes = mutate(bytes, 1 + int(2), raw);
  }
  const story = `${type.name} dims [${dims.join(', ')}], ${container}: ${steps.join('; ') || 'unchanged'}`;
  const expect = r() < 0.1 ? { type: type.name, ndim: rank, what: 'images' } : null;
  return {
    bytes, container, story, expect,
    valid: steps.length === 0 ? { type: type.name, dims, payload } : null,
  };
}
