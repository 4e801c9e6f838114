// Sample statistics for the initializer tests (computed in float64 over the whole tensor).

import assert from 'node:assert/strict';
import type { Tensor } from '../../src/index.js';

export function stats(t: Tensor): { n: number; mean: number; std: number; min: number; max: number } {
  const a = t.toTypedArray();
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of a) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / a.length;
  let sq = 0;
  for (const v of a) sq += (v - mean) * (v - mean);
  return { n: a.length, mean, std: Math.sqrt(sq / a.length), min, max };
}

/**
 * Asserts a sample of ≥ 10⁵ values has mean 0 (within 4 standard errors) and the given std
 * (within 1 %, ≈ 4.5 standard errors of a normal sample's std at n = 10⁵).
 */
export function assertMoments(t: Tensor, std: number, label: string): void {
  const s = stats(t);
  assert.ok(s.n >= 1e5, `${label}: sample too small for the bounds`);
  assert.ok(Math.abs(s.mean) < (4 * std) / Math.sqrt(s.n), `${label}: mean ${s.mean}`);
  assert.ok(Math.abs(s.std / std - 1) < 0.01, `${label}: std ${s.std}, expected ${std}`);
}
