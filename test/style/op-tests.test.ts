// STYLE §3.11: every op file in src/ops has a sibling .test.ts that tests it with testOp.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { REPO } from '../helpers/op-fixture.js';

/** Shared machinery of the op folder, not ops. Anything else in src/ops is an op file. */
const HELPERS = new Set(['index.ts', 'methods.ts', 'operand.ts', 'elementwise.ts', 'reduce-plan.ts']);
/** Ops with no PyTorch value to compare with, each tested another way (its test file says how). */
const NO_TORCH_VALUES: Record<string, string> = {
  'random.ts': "nabla's own generator: statistics, reproducibility and scopes in random.test.ts",
  'inplace.ts': 'not recorded ops: each equals its out-of-place op in inplace.test.ts',
};

it('every src/ops op file has a sibling test that calls testOp', () => {
  const dir = `${REPO}src/ops/`;
  const names = readdirSync(dir);
  const missing: string[] = [];
  for (const f of names.filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && !HELPERS.has(n))) {
    const t = f.replace(/\.ts$/, '.test.ts');
    if (NO_TORCH_VALUES[f] !== undefined) {
      if (!names.includes(t)) missing.push(f);
      continue;
    }
    if (!names.includes(t) || !readFileSync(dir + t, 'utf8').includes('testOp(')) missing.push(f);
  }
  assert.deepEqual(missing, [], 'op files without a testOp test beside them');
});
