// Issue 14: every public function refuses bad input, by name (docs/design.md §7). Walks the
// package's exports — functions, classes (constructor and own methods), namespace members — and
// requires rows for each in test/api/rows/*.ts: [call, error class, exact message], optionally a
// snapshot that must not change. A name with no rows and no reason fails here with its name; a
// JavaScript TypeError/RangeError from inside is a failure, never a pass.
// New rows: write '?' as the message, run `npx tsx test/api/fill-messages.ts`, review the diff.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as nb from '../../src/index.js';
import { NablaError } from '../../src/index.js';
import { REASONS, ROWS } from './rows/index.js';
import type { Row } from './rows/types.js';

const isClass = (f: unknown): f is { prototype: object } =>
  typeof f === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(f));

/** Every public name: exports, `Class.method` for each own method, `ns.member` for namespaces. */
function subjects(): string[] {
  const out: string[] = [];
  for (const [name, v] of Object.entries(nb)) {
    out.push(name);
    if (isClass(v)) {
      for (const k of Object.getOwnPropertyNames(v.prototype)) {
        const d = Object.getOwnPropertyDescriptor(v.prototype, k)!;
        if (k !== 'constructor' && typeof d.value === 'function') out.push(`${name}.${k}`);
      }
    } else if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null) {
      for (const k of Object.keys(v)) out.push(`${name}.${k}`); // a namespace (export * as init)
    }
  }
  return out;
}

const all = subjects();

it('every public name has bad-argument rows, or a reason why it has none', () => {
  const missing = all.filter((n) => !(n in ROWS) && !(n in REASONS));
  assert.deepEqual(missing, [], `add rows to test/api/rows/<area>.ts (or a reason) for: ${missing.join(', ')}`);
  const empty = Object.keys(ROWS).filter((n) => ROWS[n].length === 0);
  assert.deepEqual(empty, [], 'names with an empty row list (give rows or a reason)');
  // a row key may also name an accessor of a class, with a note: 'Tensor.data (setter)'
  const known = (n: string) => all.includes(n) || (/ \(.+\)$/.test(n) && all.includes(n.replace(/\.[^.]+ \(.+\)$/, '')));
  const stale = [...Object.keys(ROWS), ...Object.keys(REASONS)].filter((n) => !known(n));
  assert.deepEqual(stale, [], 'rows or reasons for names that are not public');
  const both = Object.keys(REASONS).filter((n) => n in ROWS);
  assert.deepEqual(both, [], 'names with both rows and a reason');
});

it('coverage: names with rows, rows, names with a reason', (t) => {
  const rows = Object.values(ROWS).reduce((n, r) => n + r.length, 0);
  const covered = all.filter((n) => n in ROWS).length;
  t.diagnostic(`${all.length} public names: ${covered} with ${rows} rows, ${Object.keys(REASONS).length} with a reason`);
  assert.equal(covered + Object.keys(REASONS).length, all.length);
});

async function thrown(row: Row): Promise<unknown> {
  try {
    await row.call();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('bad arguments are refused by name', () => {
  for (const [name, rows] of Object.entries(ROWS)) {
    it(name, async () => {
      for (const row of rows) {
        const before = row.unchanged?.();
        const e = await thrown(row);
        assert.ok(e !== undefined, `${name}: did not throw (expected ${row.throws.name}: ${row.message})`);
        assert.ok(e instanceof NablaError, `${name}: threw a ${(e as Error).constructor?.name} instead of a nabla error: ${(e as Error).message}`);
        assert.ok(e instanceof row.throws, `${name}: threw ${e.constructor.name}, expected ${row.throws.name}: ${e.message}`);
        assert.equal(e.message, row.message, `${name}: message`);
        if (row.unchanged) assert.deepEqual(row.unchanged(), before, `${name}: state changed by a refused call (${row.message})`);
      }
    });
  }
});
