// STYLE §3.11: every public export's doc comment names its section of docs/concepts.md ("concepts §n"), and the
// `@example` blocks of public doc comments are programs (run by test/docs/examples.test.ts).
// Walks the export statements from src/index.ts (TypeScript 7 has no stable compiler API, so
// this reads the source, as tools/lint-size.mjs does):
//   node tools/check-exports.mjs   lists value exports without a concepts section; exit 1 if any
// Understood: `export function|class|const|let` declarations (with the /** */ directly above),
// `export * from`, `export { a, b as c, type T } from` and `export * as ns from` (whose members
// are listed as `ns.member`). test/style/exports.test.ts checks the names found against the
// module's real exports, so a form this does not parse shows up there.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The value exports reachable from `file`, in export order: { name, file, line, doc, examples }.
 * doc is the JSDoc directly above the declaration ('' if none); examples are its `@example` blocks.
 */
export function publicExports(file = join(root, 'src/index.ts')) {
  return [...exportsOf(file, null).values()];
}

/** name → entry for the value exports of module `f`, restricted to `only` (a Set) unless null. */
function exportsOf(f, only) {
  const out = new Map();
  const src = readFileSync(f, 'utf8');
  const add = (name, e) => {
    if ((only === null || only.has(name)) && !out.has(name)) out.set(name, { ...e, name });
  };
  for (const [name, d] of declarations(src)) {
    add(name, { file: relative(root, f), line: d.line, doc: d.doc, examples: examplesOf(d.doc) });
  }
  for (const m of src.matchAll(/^export \* from '([^']+)';/gm)) {
    for (const [name, e] of exportsOf(resolve(f, m[1]), only)) add(name, e);
  }
  for (const m of src.matchAll(/^export \* as (\w+) from '([^']+)';/gm)) {
    if (only !== null && !only.has(m[1])) continue;
    for (const [name, e] of exportsOf(resolve(f, m[2]), null)) add(`${m[1]}.${name}`, e);
  }
  for (const m of src.matchAll(/^export \{([^}]*)\} from '([^']+)';/gm)) {
    const names = new Map(); // original name → exported name
    for (const part of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
      if (part.startsWith('type ')) continue;
      const [orig, alias] = part.split(/\s+as\s+/);
      names.set(orig, alias ?? orig);
    }
    const sub = exportsOf(resolve(f, m[2]), new Set(names.keys()));
    for (const [orig, alias] of names) {
      const e = sub.get(orig);
      if (e) add(alias, e);
    }
  }
  return out;
}

function resolve(from, spec) {
  return join(dirname(from), spec.replace(/\.js$/, '.ts'));
}

/** name → { doc, line } for the `export function|class|const|let` declarations of a module. */
function declarations(src) {
  const found = new Map();
  const doc = String.raw`(\/\*\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n\s*)?`;
  const mods = '(?:declare )?(?:abstract )?(?:async )?';
  const decl = String.raw`^export ${mods}(?:function\*? |class |const |let )(\w+)`;
  const re = new RegExp(doc + decl, 'gm');
  for (const m of src.matchAll(re)) {
    const line = src.slice(0, m.index + (m[1]?.length ?? 0)).split('\n').length;
    const prev = found.get(m[2]);
    // overloads: keep the first declaration that has a doc comment
    if (!prev || (!prev.doc && m[1])) found.set(m[2], { doc: m[1]?.trim() ?? '', line });
  }
  return found;
}

/**
 * The `@example` blocks of a doc comment: the text after `@example` up to the next `@tag` line or
 * the end of the comment, with each line's leading ` * ` removed (indentation after it is kept).
 */
export function examplesOf(doc) {
  if (!doc) return [];
  const lines = doc
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  const out = [];
  let cur = null;
  for (const l of lines) {
    const tag = /^@(\w+)\s?(.*)$/.exec(l);
    if (tag) {
      if (cur) out.push(cur);
      cur = tag[1] === 'example' ? (tag[2] ? [tag[2]] : []) : null;
    } else if (cur) cur.push(l);
  }
  if (cur) out.push(cur);
  return out.map((c) => c.join('\n').trim()).filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = publicExports();
  const missing = all.filter((e) => !/concepts §\d/.test(e.doc));
  for (const e of missing) console.log(`${e.file}:${e.line}: ${e.name}`);
  const examples = all.reduce((n, e) => n + e.examples.length, 0);
  console.log(
    `${all.length} public value exports, ${missing.length} without "concepts §n" in their doc ` +
      `comment; ${examples} @example blocks`,
  );
  process.exitCode = missing.length ? 1 : 0;
}
