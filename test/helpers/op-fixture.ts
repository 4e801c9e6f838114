// Op fixtures: the case description shared with tools/fixtures/ops.py, its hash, and loading the
// generated test/fixtures/ops/<op>.json. A missing or stale fixture throws (never skips).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Inputs are drawn uniformly from [low, high], resampled within `margin` of any `avoid` point. */
export interface Domain {
  readonly low: number;
  readonly high: number;
  readonly avoid?: readonly number[];
  readonly margin?: number;
}

/** What ops.py needs to draw a case's inputs and evaluate its torch expression. */
export interface SerialInput {
  name: string;
  shape: readonly number[];
  /** float: drawn from domain; int: integers in [low, high); mask: 0/1 floats. */
  kind: 'float' | 'int' | 'mask';
  domain: Domain;
  values: readonly number[] | null;
  /** The fixture holds torch's gradient for this input. */
  grad: boolean;
}
export interface SerialCase {
  name: string;
  inputs: SerialInput[];
  args: Record<string, unknown>;
  torch: string;
}
export interface SerialOp {
  op: string;
  cases: (SerialCase & { hash: string })[];
}

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const GENERATOR = 'tools/fixtures/ops.py';

export function caseHash(c: SerialCase): string {
  return jsonHash(c);
}

/** 16 hex digits of the sha256 of a value's JSON (a case description's hash; testModule too). */
export function jsonHash(v: unknown): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);
}

export interface FixtureCase {
  hash: string;
  inputs: { data: number[] | string }[];
  outShape: number[];
  outKind: 'float' | 'int';
  out64: string | number[];
  out32: string | number[];
  dy: string | null;
  grads64: (string | null)[] | null;
  grads32: (string | null)[] | null;
}
interface FixtureFile {
  torch: string;
  generator: string;
  op: string;
  cases: Record<string, FixtureCase>;
}

const cache = new Map<string, FixtureFile>();

function fixturePath(op: string): string {
  return `test/fixtures/ops/${op}.json`;
}

/** The whole fixture file of an op, checked against the generator that must have written it. */
function loadFile(op: string): FixtureFile {
  const cached = cache.get(op);
  if (cached) return cached;
  const rel = fixturePath(op);
  if (!existsSync(REPO + rel)) throw new Error(`fixture ${rel} is missing: run \`npm run fixtures\``);
  const file = JSON.parse(readFileSync(REPO + rel, 'utf8')) as FixtureFile;
  const gen = createHash('sha256').update(readFileSync(REPO + GENERATOR)).digest('hex').slice(0, 16);
  if (file.generator !== gen) {
    throw new Error(`fixture ${rel} is stale: ${GENERATOR} changed since it was generated; run \`npm run fixtures\``);
  }
  cache.set(op, file);
  return file;
}

/** The fixture for one case; throws with the command that fixes it when missing or stale. */
export function loadCase(op: string, c: SerialCase): FixtureCase {
  const rel = fixturePath(op);
  const fx = loadFile(op).cases[c.name];
  if (!fx) throw new Error(`fixture ${rel} has no case "${c.name}": run \`npm run fixtures\``);
  if (fx.hash !== caseHash(c)) {
    throw new Error(`fixture ${rel} case "${c.name}" is stale (the case changed): run \`npm run fixtures\``);
  }
  return fx;
}

/** Case names in the fixture file, to catch cases that were removed from the test. */
export function fixtureCaseNames(op: string): string[] {
  return Object.keys(loadFile(op).cases);
}

/** Base64 of little-endian float64 (or float32) bytes, or a plain list, to numbers. */
export function decode(data: string | number[], bytes: 4 | 8 = 8): Float64Array {
  if (Array.isArray(data)) return Float64Array.from(data);
  const buf = Buffer.from(data, 'base64');
  const copy = new Uint8Array(buf); // aligned
  return Float64Array.from(bytes === 8 ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer));
}
