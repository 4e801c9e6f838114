// The README's TypeScript examples run (an example that does not run is a bug): each ```ts block
// is written to a temporary module importing the package source, then run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const src = pathToFileURL(new URL('../../src/index.ts', import.meta.url).pathname).href;

test('the README has TypeScript examples', () => {
  assert.ok(blocks.length >= 2, `found ${blocks.length} ts blocks`);
});

blocks.forEach((code, i) => {
  test(`README example ${i + 1} runs`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-readme-'));
    const file = join(dir, `example-${i + 1}.ts`);
    const logs: string[] = [];
    const body = code.replace(/from 'nabla'/g, `from '${src}'`).replace(/console\.log\(/g, '__log(');
    writeFileSync(file, `const __log = (...a: unknown[]) => (globalThis as any).__readmeLog(a.map(String).join(' '));\n${body}`);
    (globalThis as any).__readmeLog = (line: string) => logs.push(line);
    await import(pathToFileURL(file).href);
    if (i === 0) assert.equal(logs[0], '-12 -4 -4 3', 'f = (x + y)·z and its gradients');
  });
});
