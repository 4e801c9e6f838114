// The README's examples run (an example that does not run is a bug): each ```ts or ```js block
// is written to a temporary module importing the package source, then run in a process of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)].map((m) => m[1]);
const src = pathToFileURL(new URL('../../src/index.ts', import.meta.url).pathname).href;

test('the README has examples, and they promise output', () => {
  assert.ok(blocks.length >= 3, `found ${blocks.length} ts/js blocks`);
  assert.ok(blocks.some((b) => b.includes('// -12 -4 -4 3')), 'f = (x + y)·z and its gradients');
});

test('the README cites only files that are in the repository', () => {
  const root = new URL('../../', import.meta.url);
  const cited = [
    ...[...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l)),
    ...[...readme.matchAll(/`((?:src|test|docs|tools|bench|bin|\.ci)\/[^`\s*]*)`/g)].map((m) => m[1]),
  ];
  assert.ok(cited.length > 5, `found ${cited.length} citations`);
  const missing = cited.filter((f) => !existsSync(new URL(f, root)));
  assert.deepEqual(missing, [], 'cited in README.md but not in the repository');
  assert.doesNotMatch(readme, /SPEC|\bthe notes\b/, 'the README cites the spec or the notes, which are not in the repository');
});

// Each example runs as the standalone program a reader would make of it: in its own process.
blocks.forEach((code, i) => {
  test(`README example ${i + 1} runs`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabla-readme-'));
    const file = join(dir, `example-${i + 1}.ts`);
    writeFileSync(file, code.replace(/from 'nabla'/g, `from '${src}'`));
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, `example ${i + 1} failed:\n${r.stderr}`);
    // `console.log(...); // <text>`: the example promises that line; it must print exactly that
    const promised = [...code.matchAll(/console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((m) => m[1].trim());
    const logs = r.stdout.split('\n').filter((l) => l !== '');
    assert.deepEqual(logs.slice(0, promised.length), promised, 'the lines the example says it prints');
  });
});
