// Broadcasting against NumPy (issue 14): the ~200 random shape pairs of
// test/fixtures/property/broadcast.json (tools/fixtures/broadcast.py), on both backends. Result
// shapes must equal np.broadcast_shapes, a pair NumPy refuses must raise nabla's ShapeError, and
// the values of the element-wise ops must equal NumPy's exactly (IEEE-correctly rounded ops in the
// case's dtype; the comparisons are 1/0). A missing or stale fixture fails, never skips.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as nb from '../../src/index.js';
import { REPO } from '../helpers/op-fixture.js';
import { checkBroadcastError } from './broadcast-error.js';
import { BACKENDS } from './runs.js';
import { sameValue } from './arbitraries.js';

const FIXTURE = 'test/fixtures/property/broadcast.json';
const GENERATOR = 'tools/fixtures/broadcast.py';
const OPS = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
/** max(−0, +0) may return either zero (NumPy and PyTorch do not specify which). */
const ANY_ZERO = new Set(['maximum', 'minimum']);

type Op = (typeof OPS)[number];
type Binary = (a: nb.Tensor, b: nb.Tensor) => nb.Tensor;
const show = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
interface Case {
  a: number[];
  b: number[];
  out: number[] | 'error';
  dtype?: 'float32' | 'float64';
  aValues?: string;
  bValues?: string;
  [op: string]: unknown;
}

function decode(b64: string, dtype: 'float32' | 'float64'): Float32Array | Float64Array {
  const buf = Buffer.from(b64, 'base64');
  const bytes = new Uint8Array(buf.byteLength);
  bytes.set(buf);
  return dtype === 'float32' ? new Float32Array(bytes.buffer) : new Float64Array(bytes.buffer);
}

function load(): { cases: Case[]; generator: string } {
  const path = REPO + FIXTURE;
  if (!existsSync(path)) {
    throw new Error(`${FIXTURE} is missing: run \`npm run fixtures\` (or /usr/bin/python3 ${GENERATOR})`);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('broadcasting vs NumPy fixtures', () => {
  const fx = load();

  it('the fixture is current (made by the committed generator) and holds both kinds of pair', () => {
    const hash = createHash('sha256').update(readFileSync(REPO + GENERATOR)).digest('hex').slice(0, 16);
    assert.equal(fx.generator, hash, `${FIXTURE} is stale: run \`npm run fixtures\``);
    assert.ok(fx.cases.length >= 200, `${fx.cases.length} cases`);
    assert.ok(fx.cases.filter((c) => c.out === 'error').length >= 20, 'non-broadcastable pairs');
  });

  for (const backend of BACKENDS) {
    it(`every case, ${backend}`, () => {
      for (const [n, c] of fx.cases.entries()) {
        const where = `case ${n}: a ${nb.formatShape(c.a)}, b ${nb.formatShape(c.b)}`;
        if (c.out === 'error') {
          const a = nb.zeros(c.a, { backend }), b = nb.zeros(c.b, { backend });
          for (const op of OPS) checkBroadcastError(op, () => (nb[op] as Binary)(a, b), c.a, c.b);
          continue;
        }
        const dtype = c.dtype!;
        const a = nb.fromArray(decode(c.aValues!, dtype), c.a, { dtype, backend });
        const b = nb.fromArray(decode(c.bValues!, dtype), c.b, { dtype, backend });
        for (const op of OPS) checkOp(op, a, b, c, `${where}, ${op} (${dtype})`);
      }
    });
  }
});

function checkOp(op: Op, a: nb.Tensor, b: nb.Tensor, c: Case, where: string): void {
  const y = (nb[op] as Binary)(a, b);
  assert.deepEqual([...y.shape], c.out, `${where}: shape`);
  const got = y.toTypedArray(), want = decode(c[op] as string, c.dtype!);
  assert.equal(got.length, want.length, `${where}: size`);
  for (let i = 0; i < got.length; i++) {
    const bothNaN = got[i] !== got[i] && want[i] !== want[i];
    const ok = ANY_ZERO.has(op) ? got[i] === want[i] || bothNaN : sameValue(got[i], want[i]);
    if (!ok) assert.fail(`${where}: element ${i} is ${show(got[i])}, NumPy gives ${show(want[i])}`);
  }
}
