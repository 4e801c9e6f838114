// STYLE §3.11: no source file over 600 lines unless tools/size-exceptions.txt names it with a reason.
import assert from 'node:assert/strict';
import { it } from 'node:test';
// @ts-expect-error: a plain .mjs tool without type declarations
import { lintSize } from '../../tools/lint-size.mjs';

it('file sizes are within budget (npm run lint:size)', () => {
  const { failures } = lintSize() as { failures: { file: string; lines: number; note?: string }[] };
  assert.deepEqual(failures, []);
});
