// The property-test harness (issue 14): how many runs, which seed, regression replay, the failure
// report, and the reliability log. Every property in test/property is declared with `property()`,
// which runs it once per backend (js, the reference, and wasm, the default in Node).
//
//   NABLA_PROPERTY_RUNS   runs per property (default 200; `npm run reliability` sets 10⁴)
//   NABLA_PROPERTY_SEED   one seed for every property instead of each property's fixed seed
//   NABLA_RELIABILITY_OUT a directory: one JSON line per property and backend is appended to
//                         property.jsonl there: { property, backend, runs, seed, ms, ok }

import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { REGRESSIONS, type Regression } from './regressions.js';

export const BACKENDS = ['js', 'wasm'] as const;
export type BackendName = (typeof BACKENDS)[number];

const DEFAULT_RUNS = 200;
/** The predicate's own error (the property's assertion message) goes into fast-check's report. */
const REPORT = { includeErrorInReport: true } as const;

/** Runs per property: NABLA_PROPERTY_RUNS, else 200. */
export function propertyRuns(): number {
  return positiveInt('NABLA_PROPERTY_RUNS', DEFAULT_RUNS);
}

/**
 * The seed of a property: fixed per property (a hash of its name), so CI is reproducible and two
 * properties do not see the same stream; NABLA_PROPERTY_SEED overrides it for every property.
 */
export function propertySeed(name: string): number {
  const raw = process.env.NABLA_PROPERTY_SEED;
  if (raw === undefined || raw === '') return fnv1a(name) | 0;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`NABLA_PROPERTY_SEED must be an integer; got '${raw}'`);
  return n | 0;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer; got '${raw}'`);
  return n;
}

/** FNV-1a, 32 bits. */
export function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface PropertyOptions {
  /** Runs for this property as a function of the configured count (default: all of them). */
  runs?: (configured: number) => number;
  /** Backends to run on (default both). */
  backends?: readonly BackendName[];
}

/**
 * Declares one property, as one test per backend. The predicate gets a generated value and the
 * backend name; it fails by throwing (assert) or returning false. Replayed first: every entry of
 * regressions.ts naming this property (its seed and path, and its explicit example if any).
 */
export function property<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  predicate: (value: T, backend: BackendName) => boolean | void,
  opts: PropertyOptions = {},
): void {
  for (const backend of opts.backends ?? BACKENDS) {
    it(`${name} [${backend}]`, () => {
      const prop = fc.property(arb, (v) => predicate(v, backend));
      for (const r of REGRESSIONS) {
        if (r.property === name && (r.backend === undefined || r.backend === backend)) replay(prop, r, backend);
      }
      const runs = opts.runs ? opts.runs(propertyRuns()) : propertyRuns();
      const seed = propertySeed(name);
      const t0 = performance.now();
      let details: fc.RunDetails<[T]> | null = null;
      try {
        details = fc.check(prop, { seed, numRuns: runs, ...REPORT });
      } finally {
        // logged even when the generator itself throws (then ok is false)
        const ms = Math.round(performance.now() - t0);
        logReliability({ property: name, backend, runs, seed, ms, ok: details !== null && !details.failed });
      }
      if (details.failed) throw new Error(failureReport(name, backend, details));
    });
  }
}

function replay<T>(prop: fc.IPropertyWithHooks<[T]>, r: Regression, backend: BackendName): void {
  const where = `regression of '${r.property}' [${backend}] (${r.note})`;
  if (r.path !== undefined) {
    const d = fc.check(prop, { seed: r.seed, path: r.path, numRuns: 1, endOnFailure: true, ...REPORT });
    if (d.failed) throw new Error(`${where}: seed ${r.seed}, path "${r.path}"\n${fc.defaultReportMessage(d)}`);
  }
  if (r.example !== undefined) {
    const d = fc.check(prop, { examples: [[r.example as T]], numRuns: 1, endOnFailure: true, ...REPORT });
    if (d.failed) throw new Error(`${where}: explicit example\n${fc.defaultReportMessage(d)}`);
  }
}

/** What a failing property prints: seed, path, the shrunk case, and how to keep it. */
function failureReport<T>(name: string, backend: BackendName, d: fc.RunDetails<[T]>): string {
  const entry = `{ property: ${JSON.stringify(name)}, seed: ${d.seed}, path: '${d.counterexamplePath}', note: '…' }`;
  return [
    `property '${name}' failed on the ${backend} backend: seed ${d.seed}, path "${d.counterexamplePath}"`,
    `shrunk case: ${fc.stringify(d.counterexample)}`,
    `replay it first from now on: add ${entry} to test/property/regressions.ts`,
    fc.defaultReportMessage(d),
  ].join('\n');
}

interface ReliabilityLine {
  property: string;
  backend: BackendName;
  runs: number;
  seed: number;
  ms: number;
  ok: boolean;
}

function logReliability(line: ReliabilityLine): void {
  const dir = process.env.NABLA_RELIABILITY_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'property.jsonl'), JSON.stringify(line) + '\n');
}
