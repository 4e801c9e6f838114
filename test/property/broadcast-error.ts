// The broadcasting error check shared by the property and the NumPy-fixture tests: ShapeError, the
// message of STYLE §3.6 with the user's shapes, and a note naming a dimension that truly clashes.

import assert from 'node:assert/strict';
import * as nb from '../../src/index.js';

export function checkBroadcastError(
  op: string, run: () => unknown, a: readonly number[], b: readonly number[],
): void {
  const pair = `${op} ${nb.formatShape(a)}, ${nb.formatShape(b)}`;
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof nb.ShapeError, `${pair}: expected ShapeError, got ${String(e)}`);
    const head = `${op}: shapes cannot be broadcast together; ` +
      `got a ${nb.formatShape(a)} and b ${nb.formatShape(b)} (dimension `;
    assert.ok(e.message.startsWith(head), `message: ${e.message}`);
    // the note names a dimension (from the right) where the two sizes clash
    const m = /\(dimension (-\d+): (\d+) vs (\d+)\)$/.exec(e.message);
    assert.ok(m, `message: ${e.message}`);
    const k = Number(m[1]), da = a[a.length + k], db = b[b.length + k];
    assert.deepEqual([da, db], [Number(m[2]), Number(m[3])], `the sizes at dimension ${k}: ${e.message}`);
    assert.ok(da !== db && da !== 1 && db !== 1, `dimension ${k} does broadcast: ${e.message}`);
    return true;
  }, `${pair}: NumPy refuses this pair; expected ShapeError, nothing was thrown`);
}
