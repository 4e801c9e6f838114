// Loading the PyTorch fixtures of test/fixtures/nn and comparing against them (STYLE §3.7).
// A missing or stale fixture is a failure, never a skip.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { fromArray, type Tensor, type DType } from '../../src/index.js';
import { TOL as BASE_TOL, type Tol } from './assert-close.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A tensor as the generator writes it: shape and row-major data. */
export interface Enc {
  shape: number[];
  data: number[];
}

export type { Tol };

/** STYLE §3.7 defaults, under the names these helpers use (one table: assert-close.ts). */
export const TOL = {
  float64: BASE_TOL.float64,
  float32: BASE_TOL.elementwise,
  /** float32 reductions and matmul. */
  float32Reduce: BASE_TOL.reduction,
} as const;

/** Elementwise tolerance for dtype, or the reduction/matmul tolerance when `reduce`. */
export function tolFor(dtype: DType, reduce = false): Tol {
  if (dtype === 'float64') return TOL.float64;
  return reduce ? TOL.float32Reduce : TOL.float32;
}

/**
 * Reads test/fixtures/<area>/<name>.json and checks that it was written by the current version of
 * its generator (the header's sha256 of the script); a stale fixture throws with the fix.
 */
export function loadFixture<T = any>(area: string, name: string): T {
  const path = join(ROOT, 'test', 'fixtures', area, `${name}.json`);
  const body = JSON.parse(readFileSync(path, 'utf8'));
  const generator = join(ROOT, body.header.generator);
  const sha = createHash('sha256').update(readFileSync(generator)).digest('hex');
  if (sha !== body.header.generatorSha256) {
    throw new Error(`${path} is stale: ${body.header.generator} changed since; run npm run fixtures`);
  }
  return body as T;
}

/** An encoded tensor as a nabla tensor of `dtype` (int targets: pass 'int32'). */
export function toTensor(e: Enc, dtype: DType, opts: { requiresGrad?: boolean } = {}): Tensor {
  return fromArray(e.data, e.shape, { dtype, requiresGrad: opts.requiresGrad });
}

/** Asserts |a − e| ≤ atol + rtol·|e| elementwise (and equal shapes when both are known). */
export function assertClose(actual: Tensor | ArrayLike<number>, expected: Enc | ArrayLike<number>, tol: Tol, label: string): void {
  const a = 'toTypedArray' in actual ? actual.toTypedArray() : actual;
  const e = 'data' in expected && !ArrayBuffer.isView(expected) ? (expected as Enc).data : (expected as ArrayLike<number>);
  if ('toTypedArray' in actual && 'shape' in expected && !ArrayBuffer.isView(expected)) {
    assert.deepEqual([...actual.shape], (expected as Enc).shape, `${label}: shape`);
  }
  assert.equal(a.length, e.length, `${label}: length`);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < e.length; i++) {
    const excess = Math.abs(a[i] - e[i]) - (tol.atol + tol.rtol * Math.abs(e[i]));
    if (!(excess <= 0) && (worst < 0 || excess > worstExcess || Number.isNaN(excess))) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    assert.fail(`${label}: element ${worst} is ${a[worst]}, expected ${e[worst]} ` +
      `(|diff| ${Math.abs(a[worst] - e[worst])}, atol ${tol.atol}, rtol ${tol.rtol})`);
  }
}

/** Asserts exact equality of two typed arrays, element by element (bit-exact resume checks). */
export function assertBitEqual(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${label}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}
