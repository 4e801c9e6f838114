#!/usr/bin/env node
// File-size budget (STYLE §3.5, §3.11): lists source files over 300 lines and fails on any over
// 600 that tools/size-exceptions.txt does not name (one path per line, then `#` and the reason).
// Generated fixtures (test/fixtures) are data, not source, and are not counted.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WARN = 300, FAIL = 600;
const ROOTS = ['src', 'test', 'tools', 'bench'];
const EXTS = ['.ts', '.mts', '.js', '.mjs', '.py', '.sh'];
const SKIP = new Set(['node_modules', 'fixtures', 'dist', 'build']);

export function sourceFiles() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (EXTS.some((e) => name.endsWith(e))) files.push(relative(ROOT, p));
    }
  };
  for (const r of ROOTS) if (existsSync(join(ROOT, r))) walk(join(ROOT, r));
  return files.sort();
}

/** Paths named in size-exceptions.txt, each with its reason (a listed path needs one). */
export function exceptions() {
  const p = join(ROOT, 'tools', 'size-exceptions.txt');
  const out = new Map();
  if (!existsSync(p)) return out;
  for (const raw of readFileSync(p, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [path, ...reason] = line.split('#');
    out.set(path.trim(), reason.join('#').trim());
  }
  return out;
}

export function lintSize() {
  const allowed = exceptions();
  const warnings = [], failures = [];
  for (const f of sourceFiles()) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > FAIL && !allowed.get(f)) failures.push({ file: f, lines });
    else if (lines > WARN) warnings.push({ file: f, lines });
  }
  for (const [f, reason] of allowed) {
    if (!reason) failures.push({ file: f, lines: 0, note: 'listed in tools/size-exceptions.txt without a reason' });
  }
  return { warnings, failures };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { warnings, failures } = lintSize();
  for (const w of warnings) console.log(`warning: ${w.file}: ${w.lines} lines (aim for ≤ ${WARN})`);
  for (const f of failures) {
    console.error(f.note ? `error: ${f.file}: ${f.note}` :
      `error: ${f.file}: ${f.lines} lines (limit ${FAIL}; split it, or list it with a reason in tools/size-exceptions.txt)`);
  }
  if (failures.length > 0) process.exit(1);
  console.log(`lint:size: ok (${warnings.length} file(s) over ${WARN} lines)`);
}
