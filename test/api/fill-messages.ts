// Fills the '?' placeholders of test/api/rows/*.ts with the messages the calls throw now (an
// inline-snapshot update): `npx tsx test/api/fill-messages.ts`. Review the diff: the message is API.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AREAS } from './rows/index.js';
import type { Row } from './rows/types.js';

async function thrown(row: Row): Promise<Error | null> {
  try {
    await row.call();
  } catch (e) {
    return e as Error;
  }
  return null;
}

for (const [area, mod] of Object.entries(AREAS)) {
  const file = fileURLToPath(new URL(`./rows/${area}.ts`, import.meta.url));
  let src = readFileSync(file, 'utf8');
  let filled = 0;
  for (const [name, rows] of Object.entries(mod.rows)) {
    for (const row of rows) {
      if (row.message !== '?') continue;
      const e = await thrown(row);
      const text = e ? e.message : '(did not throw)';
      if (!e || !(e instanceof row.throws)) console.log(`${area}: ${name}: expected ${row.throws.name}, got ${e ? (e as Error).constructor.name : 'no error'}: ${text}`);
      const at = src.indexOf("'?'");
      if (at < 0) throw new Error(`${area}: more '?' rows than placeholders`);
      src = src.slice(0, at) + JSON.stringify(text) + src.slice(at + 3);
      filled++;
    }
  }
  if (filled > 0) writeFileSync(file, src);
  console.log(`${area}: ${filled} messages filled`);
}
process.exit(0);
