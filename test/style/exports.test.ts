// STYLE §3.11: every public export has a section of docs/concepts.md — its doc comment says `concepts §n`
// (npm run lint:exports). Also checks that the checker sees exactly the package's real exports,
// so an export form it cannot parse fails here instead of escaping the rule.
import assert from 'node:assert/strict';
import { it } from 'node:test';
// @ts-expect-error: a plain .mjs tool without type declarations
import { publicExports } from '../../tools/check-exports.mjs';
import * as nb from '../../src/index.js';

interface PublicExport {
  name: string;
  file: string;
  line: number;
  doc: string;
  examples: string[];
}
const all = publicExports() as PublicExport[];

it('the checker finds every value export of src/index.ts, and only those', () => {
  const found = new Set(all.map((e) => e.name.split('.')[0]));
  const real = Object.keys(nb);
  assert.deepEqual(real.filter((n) => !found.has(n)), [], 'exports the checker does not see');
  assert.deepEqual([...found].filter((n) => !real.includes(n)), [], 'names that are not exports');
  const ns = all.filter((e) => e.name.includes('.'));
  for (const e of ns) {
    const [space, member] = e.name.split('.');
    assert.ok(member in (nb as Record<string, object>)[space], `${e.name} is not exported`);
  }
});

it('every public export names its section of docs/concepts.md (npm run lint:exports)', () => {
  const missing = all.filter((e) => !/concepts §\d/.test(e.doc));
  assert.equal(
    missing.length,
    0,
    `${missing.length} of ${all.length} public exports have no "concepts §n" in their doc comment:\n` +
      missing.map((e) => `  ${e.file}:${e.line}: ${e.name}`).join('\n'),
  );
});
