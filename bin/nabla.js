#!/usr/bin/env node
// The `nabla` command: runs the compiled CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('nabla: dist/ is missing; run `npm run build` (npm ci does it for you)');
  process.exit(1);
}
await import(entry.href);
