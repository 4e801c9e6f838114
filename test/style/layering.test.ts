// STYLE §3.1/§3.11: imports under src/ go only downward in the layer list, plus the three rules
// (optim and data never import nn; report sees no tensors: it imports core only). Tests are
// consumers of the public API and are not checked.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { it } from 'node:test';
import { REPO } from '../helpers/op-fixture.js';

/** Layers from the bottom up: a folder may import itself and folders before it. */
const ORDER = [
  'core', 'backend', 'tensor', 'autograd', 'ops', 'nn', 'losses', 'regularize', 'optim', 'data',
  'features', 'io', 'train', 'report', 'cli',
];
const NEVER: Record<string, string[]> = {
  optim: ['nn'],
  data: ['nn'],
  report: ORDER.filter((f) => f !== 'core' && f !== 'report'),
};

export function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  const i = ORDER.indexOf(from), j = ORDER.indexOf(to);
  if (i < 0 || j < 0) return false; // a folder missing from the table must be added to it first
  return j < i && !(NEVER[from] ?? []).includes(to);
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });
}

it('the layer table accepts what STYLE §3.1 allows and rejects the rest', () => {
  assert.ok(allowed('ops', 'autograd') && allowed('tensor', 'core') && allowed('cli', 'train'));
  assert.ok(!allowed('autograd', 'ops') && !allowed('core', 'backend') && !allowed('optim', 'nn'));
  assert.ok(!allowed('data', 'nn') && !allowed('report', 'tensor') && allowed('report', 'core'));
});

it('imports under src/ only go downward', () => {
  const src = join(REPO, 'src');
  const bad: string[] = [];
  for (const f of files(src)) {
    const rel = relative(src, f);
    if (!rel.includes('/')) continue; // src/index.ts: the public API re-exports everything
    const from = rel.split('/')[0];
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) continue;
      const target = relative(src, normalize(join(dirname(f), spec)));
      if (target.startsWith('..')) {
        bad.push(`${rel} imports ${spec} (outside src/)`);
        continue;
      }
      const to = target.includes('/') ? target.split('/')[0] : 'index';
      if (to === 'index' || !allowed(from, to)) bad.push(`${rel} (${from}) imports ${spec} (${to})`);
    }
  }
  assert.deepEqual(bad, []);
});
