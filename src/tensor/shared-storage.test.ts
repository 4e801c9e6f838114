import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nb from '../index.js';

for (const backend of ['js', 'wasm']) {
  test(`${backend}: disposing a reshape view releases the shared memory; the original then fails with the op's name`, () => {
    nb.setBackend(backend);
    const x = nb.randn([2, 3]);
    const v = x.reshape([6]);
    v.dispose();
    assert.throws(() => x.add(1), (e: unknown) => e instanceof nb.MemoryError &&
      (e as Error).message === "add: this tensor's memory was released (it was shared with a disposed tensor); got tensor [2, 3]\nhint: clone() a tensor before disposing a view of it");
    assert.throws(() => x.toTypedArray(), (e: unknown) => e instanceof nb.MemoryError && (e as Error).message.startsWith('toTypedArray: '));
    const y = nb.randn([2, 3]);
    const kept = y.clone();
    y.reshape([6]).dispose();
    assert.equal(kept.toTypedArray().length, 6);
  });
}
