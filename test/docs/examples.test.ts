// STYLE §3.5: the `@example` blocks of the public exports' doc comments run (an example that does
// not run is a bug). tools/check-exports.mjs collects them; each is written to a temporary module
// that sees every public export by name (`const { tensor, … } = nb`, nb being src/index.ts) and
// holds the example in a block, so the example's own names may shadow exports such as `t`.
//
// Checked values: a line `expr // expected`, whose comment starts like a value (a number, `[`,
// `{`, a quote, true, false, null, NaN, Infinity), asserts that expr equals expected. Tensors
// compare by tolist(), typed arrays as arrays; an integer matches up to float32 rounding (1e-6
// relative) and a number written with d decimals matches a value that rounds to it. Other
// comments are prose. A value comment after a declaration (`const x = …; // [2, 3]`) would look
// checked without being so, and is an error.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs tool without type declarations
import { publicExports } from '../../tools/check-exports.mjs';

interface PublicExport {
  name: string;
  file: string;
  line: number;
  examples: string[];
}
const all = publicExports() as PublicExport[];
const src = pathToFileURL(fileURLToPath(new URL('../../src/index.ts', import.meta.url))).href;
const names = [...new Set(all.map((e) => e.name.split('.')[0]))];

const VALUE = /^(?:-?\.?\d|\[|\{|'|"|true\b|false\b|null\b|undefined\b|NaN\b|-?Infinity\b)/;
const DECLARATION = /^(?:const|let|var|using|function|class)\b/;
const STATEMENT = /^(?:for|if|else|while|do|return|throw|try|switch|import|export)\b|^[{}]/;

/** Splits a line at its first `//` outside string literals: [code, comment or null]. */
function splitComment(line: string): [string, string | null] {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/') return [line.slice(0, i), line.slice(i + 2).trim()];
  }
  return [line, null];
}

/** The example as a program body: value comments on expression lines become __expect calls. */
function instrument(code: string): string {
  return code
    .split('\n')
    .map((line, i) => {
      const [raw, comment] = splitComment(line);
      const expr = raw.trim().replace(/;$/, '');
      if (comment === null || !VALUE.test(comment) || expr === '') return line;
      if (DECLARATION.test(expr)) {
        throw new Error(`example line ${i + 1}: the value comment after a declaration is not ` +
          `checked; put the value on an expression line of its own: ${line.trim()}`);
      }
      if (STATEMENT.test(expr)) return line;
      const indent = /^\s*/.exec(raw)![0];
      const args = [JSON.stringify(comment), JSON.stringify(expr), i + 1].join(', ');
      return `${indent}__expect(${expr}, ${args});`;
    })
    .join('\n');
}

function parseExpected(text: string): unknown {
  if (/^'[^']*'$/.test(text)) return text.slice(1, -1);
  const special: Record<string, unknown> = { NaN, Infinity, '-Infinity': -Infinity, undefined };
  if (text in special) return special[text];
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`cannot read the expected value ${text} (JSON, a 'string', NaN or Infinity)`);
  }
}

function normalize(v: unknown): unknown {
  if (v && typeof v === 'object' && typeof (v as { tolist?: unknown }).tolist === 'function') {
    return (v as { tolist(): unknown }).tolist();
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

function numberMatches(a: number, e: number): boolean {
  if (!Number.isFinite(e)) return Object.is(a, e); // NaN, ±Infinity
  if (Number.isInteger(e)) return Math.abs(a - e) <= 1e-6 * Math.max(1, Math.abs(e));
  const s = String(e);
  if (s.includes('e')) return Math.abs(a - e) <= 1e-6 * Math.abs(e);
  const decimals = s.split('.')[1].length;
  return Math.abs(a - e) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

function matches(a: unknown, e: unknown): boolean {
  if (typeof e === 'number') return typeof a === 'number' && numberMatches(a, e);
  if (Array.isArray(e)) {
    return Array.isArray(a) && a.length === e.length && e.every((x, i) => matches(a[i], x));
  }
  if (e && typeof e === 'object') {
    if (!a || typeof a !== 'object' || Array.isArray(a)) return false;
    const ra = a as Record<string, unknown>, re = e as Record<string, unknown>;
    const ka = Object.keys(ra), ke = Object.keys(re);
    return ka.length === ke.length && ke.every((k) => matches(ra[k], re[k]));
  }
  return Object.is(a, e);
}

function expect(actual: unknown, expectedText: string, expr: string, line: number): void {
  const got = normalize(actual);
  const ok = matches(got, parseExpected(expectedText));
  const shown = typeof got === 'object' ? JSON.stringify(got) : String(got);
  assert.ok(ok, `example line ${line}: ${expr}\n  expected ${expectedText}\n  got ${shown}`);
}
(globalThis as Record<string, unknown>).__nablaExpect = expect;

const dir = mkdtempSync(join(tmpdir(), 'nabla-examples-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** Writes the example as a module beside the others and runs it. */
async function run(code: string): Promise<void> {
  const file = join(dir, `example-${++counter}.ts`);
  const body = instrument(code).replace(/^/gm, '  ');
  writeFileSync(
    file,
    `import * as nb from '${src}';\nconst { ${names.join(', ')} } = nb;\n` +
      `const __expect = (globalThis as any).__nablaExpect;\n{\n${body}\n}\nexport {};\n`,
  );
  await import(pathToFileURL(file).href);
}

const examples = all.flatMap((e) => e.examples.map((code, i) => ({ e, code, i })));

test('public exports have @example blocks', () => {
  assert.ok(examples.length >= 18, `found ${examples.length}`);
});

test('a value comment that does not hold fails the example', async () => {
  await run('tensor([1, 2]).tolist() // [1, 2]\ntensor(0.25).item() // 0.25');
  await assert.rejects(run('tensor([1, 2]).tolist() // [1, 3]'), /expected \[1, 3\]/);
  await assert.rejects(run('tensor(0.26).item() // 0.25'), /expected 0.25/);
  await assert.rejects(run('tensor(1.001).item() // 1'), /expected 1/);
  assert.throws(() => instrument('const x = tensor([1]); // [1]'), /not checked/);
});

for (const { e, code, i } of examples) {
  const label = `${e.name}${e.examples.length > 1 ? ` #${i + 1}` : ''} (${e.file}:${e.line})`;
  test(`@example of ${label} runs`, () => run(code));
}
