// Fuzz of the IDX reader (issue 14): NABLA_FUZZ_INPUTS seeded inputs (default 10³; `npm run
// reliability` runs 10⁵) from ./idx-mutate.ts, plain and gzip. Each must parse (and then its dims
// account for every byte) or throw a DataError naming the file and a byte offset; any other
// exception fails, with the seed and the mutations that made the input. Allocation per input is
// measured (array buffers) against a bound set by the input's size, and time per input against a
// hang guard. With NABLA_RELIABILITY_OUT set, a summary goes to idx-fuzz.json there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataError } from '../../src/core/errors.js';
import { readIdx, readIdxBytes } from '../../src/data/formats/idx.js';
import { fuzzInput, TYPES, type FuzzInput } from './idx-mutate.js';

const INPUTS = Number(process.env.NABLA_FUZZ_INPUTS ?? 1000);
const SEED = Number(process.env.NABLA_FUZZ_SEED ?? 14);
/** Deflate's largest expansion: what n gzip bytes may inflate to. */
const RATIO = 1032;
/** A hang guard, not a speed check: the largest input is ~300 KB, parsed in milliseconds. */
const HANG_MS = 5000;
const dir = mkdtempSync(join(tmpdir(), 'nabla-fuzz-'));

/**
 * Bytes an input of n bytes may make the reader allocate: a copy of the data (plain, ≤ n), or
 * what n gzip bytes can inflate to, twice (zlib's chunks, then their concatenation), plus the
 * header probe (a 64-byte prefix, 1032·64 bytes at most, twice). Tighter for gzip: inflating
 * stops at the header's declared size (idx-gzip.test.ts checks that bound on a bomb).
 */
function allocBound(inp: FuzzInput): number {
  const n = inp.bytes.length;
  return (inp.container === 'plain' ? n : 2 * RATIO * n + 2 * RATIO * 64) + 2 ** 16;
}

/** The reason `e` (thrown for input `inp` read as `name`) breaks the contract, or null. */
function badError(e: unknown, inp: FuzzInput, name: string): string | null {
  if (!(e instanceof DataError)) {
    return `threw ${e instanceof Error ? (e.stack ?? '').split('\n').slice(0, 3).join(' | ') : String(e)}`;
  }
  if (!e.message.startsWith(`${name}: `)) return `message does not name the file: ${e.message}`;
  const m = /\bat (decompressed )?offset (\d+)\b/.exec(e.message);
  if (m === null) return `message names no offset: ${e.message}`;
  const offset = Number(m[2]);
  if (offset !== e.details.offset) return `message offset ${offset} ≠ details.offset ${String(e.details.offset)}`;
  const n = inp.bytes.length;
  if (offset > (m[1] ? RATIO * n : n)) return `offset ${offset} past the input (${n} bytes)`;
  if (typeof e.details.kind !== 'string') return `no details.kind: ${e.message}`;
  return null;
}

/** The reason a parsed result is wrong, or null: dims × element size must be the payload. */
function badParse(f: ReturnType<typeof readIdxBytes>, inp: FuzzInput): string | null {
  const plain = inp.container === 'plain' ? inp.bytes : new Uint8Array(gunzipSync(inp.bytes));
  const size = TYPES.find((t) => t.name === f.type)!.bytes;
  const count = f.dims.reduce((a, b) => a * b, 1);
  if (f.data.length !== count) return `data has ${f.data.length} elements, dims ${f.dims} ${count}`;
  if (4 + 4 * f.dims.length + count * size !== plain.length) {
    return `dims [${f.dims}] of ${f.type} do not account for the ${plain.length} bytes`;
  }
  if (inp.valid) {
    const same = f.type === inp.valid.type && f.dims.join() === inp.valid.dims.join();
    if (!same) return `an unmutated file parsed to ${f.type} [${f.dims}]`;
    const be = new DataView(inp.valid.payload.buffer);
    for (let i = 0; i < f.data.length; i++) {
      const want = size === 1 ? (f.type === 'uint8' ? be.getUint8(i) : be.getInt8(i))
        : size === 2 ? be.getInt16(2 * i) : f.type === 'int32' ? be.getInt32(4 * i)
          : f.type === 'float32' ? be.getFloat32(4 * i) : be.getFloat64(8 * i);
      if (!Object.is(f.data[i], want)) return `element ${i} is ${f.data[i]}, written ${want}`;
    }
  }
  return null;
}

test(`idx fuzz: ${INPUTS} mutated inputs parse or throw a DataError naming file and offset`, { timeout: 60 * 60 * 1000 }, () => {
  const kinds: Record<string, number> = {};
  const failures: string[] = [];
  let parsed = 0, other = 0, failed = 0, maxMs = 0, maxMsInput = -1;
  let maxAlloc = { bytes: 0, inputBytes: 0, input: -1 };
  const t0 = performance.now();
  for (let i = 0; i < INPUTS; i++) {
    const inp = fuzzInput(SEED, i);
    const viaFile = i % 50 === 0;
    const name = viaFile ? `fuzz-${i}.idx${inp.container === 'plain' ? '' : '.gz'}` : `input-${i}`;
    if (viaFile) writeFileSync(join(dir, name), inp.bytes);
    const opts = inp.expect ? { expect: inp.expect } : {};
    const before = process.memoryUsage().arrayBuffers;
    const start = performance.now();
    let problem: string | null = null;
    let result: ReturnType<typeof readIdxBytes> | null = null;
    try {
      result = viaFile ? readIdx(join(dir, name), opts) : readIdxBytes(inp.bytes, { ...opts, name });
    } catch (e) {
      problem = badError(e, inp, name);
      if (problem !== null) other++;
      else {
        const kind = String((e as DataError).details.kind);
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
    }
    const ms = performance.now() - start;
    const grown = process.memoryUsage().arrayBuffers - before;
    if (result !== null) {
      parsed++;
      problem = badParse(result, inp);
    }
    if (ms > maxMs) [maxMs, maxMsInput] = [ms, i];
    if (grown > maxAlloc.bytes) maxAlloc = { bytes: grown, inputBytes: inp.bytes.length, input: i };
    if (grown > allocBound(inp)) problem ??= `allocated ${grown} bytes for ${inp.bytes.length} input bytes`;
    if (ms > HANG_MS) problem ??= `took ${ms.toFixed(0)} ms`;
    if (problem !== null) failed++;
    if (problem !== null && failures.length < 10) {
      failures.push(`seed ${SEED} input ${i} (${inp.story}; ${inp.bytes.length} bytes): ${problem}`);
    }
  }
  const summary = {
    inputs: INPUTS, seed: SEED, parsed, dataErrors: kinds, otherExceptions: other, failed,
    maxMsPerInput: Number(maxMs.toFixed(2)), maxMsInput, totalMs: Math.round(performance.now() - t0),
    maxAlloc,
  };
  console.log(JSON.stringify(summary));
  const out = process.env.NABLA_RELIABILITY_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'idx-fuzz.json'), JSON.stringify({ ...summary, failures }, null, 2));
  }
  assert.deepEqual(failures, []);
  // the generator reaches the paths it is meant to: both outcomes, gzip and header errors
  assert.ok(parsed > INPUTS / 50, `only ${parsed} inputs parsed`);
  for (const k of ['truncated-data', 'trailing-bytes', 'bad-magic', 'type-code', 'gzip-corrupt']) {
    assert.ok((kinds[k] ?? 0) > 0 || INPUTS < 1000, `no input ended in ${k}`);
  }
});
