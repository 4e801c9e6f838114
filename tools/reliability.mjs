#!/usr/bin/env node
// `npm run reliability` (issue 14): the long versions of the reliability checks, then
// docs/reliability.md from what they measured. Runs, each in its own process:
//   properties  test/property/*.test.ts with NABLA_PROPERTY_RUNS=10000 (when that folder exists)
//   fuzz        the IDX reader fuzz with NABLA_FUZZ_INPUTS=100000
//   soak        10⁵ MNIST MLP training steps (NABLA_SOAK_STEPS=100000)
//   oom         the out-of-wasm-memory check
// Each writes its results into a scratch folder (NABLA_RELIABILITY_OUT); this script renders them.
//   node tools/reliability.mjs                 everything, then docs/reliability.md
//   node tools/reliability.mjs --only soak     some checks (comma-separated); no document
// Exits 1 if any check failed (the document is written either way, saying which).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { renderReport } from './reliability-doc.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : null;

const propertyDir = join(root, 'test/property');
const CHECKS = [
  {
    name: 'properties',
    files: () => readdirSync(propertyDir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test/property', f)),
    env: { NABLA_PROPERTY_RUNS: '10000' },
  },
  { name: 'fuzz', files: () => ['test/reliability/idx-fuzz.test.ts'], env: { NABLA_FUZZ_INPUTS: '100000' } },
  { name: 'soak', files: () => ['test/reliability/soak.test.ts'], env: { NABLA_SOAK_STEPS: '100000' } },
  { name: 'oom', files: () => ['test/reliability/oom.test.ts'], env: {} },
];
for (const n of only ?? []) {
  if (!CHECKS.some((c) => c.name === n)) {
    console.error(`reliability: unknown check '${n}'; expected one of ${CHECKS.map((c) => c.name).join(', ')}`);
    process.exit(2);
  }
}

const out = mkdtempSync(join(tmpdir(), 'nabla-reliability-'));
console.log(`reliability: results in ${out}`);
const runs = {};
for (const check of CHECKS) {
  if (only && !only.has(check.name)) continue;
  const files = check.files();
  if (files.length === 0) {
    runs[check.name] = { ran: false, ok: true, seconds: 0, files };
    console.log(`reliability: ${check.name}: no test files`);
    continue;
  }
  console.log(`reliability: ${check.name}: ${files.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...check.env, NABLA_RELIABILITY_OUT: out },
  });
  runs[check.name] = { ran: true, ok: r.status === 0, status: r.status, seconds: (Date.now() - t0) / 1000, files };
  console.log(`reliability: ${check.name}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${runs[check.name].seconds.toFixed(0)} s`);
}

const read = (name) => (existsSync(join(out, name)) ? JSON.parse(readFileSync(join(out, name), 'utf8')) : null);
const jsonl = (name) => existsSync(join(out, name))
  ? readFileSync(join(out, name), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l))
  : null;
const results = {
  runs,
  properties: jsonl('property.jsonl'),
  fuzz: read('idx-fuzz.json'),
  soak: read('soak.json'),
  oom: read('oom.json'),
};
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
if (only === null) {
  writeFileSync(join(root, 'docs/reliability.md'), renderReport(results, { root }));
  console.log('reliability: wrote docs/reliability.md');
}
const failed = Object.entries(runs).filter(([, r]) => !r.ok).map(([n]) => n);
if (failed.length > 0) console.error(`reliability: failed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
