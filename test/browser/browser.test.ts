// nabla in a real browser: Debian's headless Chromium (driven by playwright-core, never a downloaded
// browser) loads dist/browser.js from a local static server, initialises the wasm backend and trains
// a small MLP (test/browser/page/), once in a cross-origin-isolated page (shared memory, worker
// pool) and once in a plain page (one thread). The page's losses and weights must equal the same
// run on the js backend in Node. Needs `npm run build` first and /usr/bin/chromium. Without Chromium
// the suite is skipped with one line saying how to enable it, unless NABLA_REQUIRE_BROWSER=1 (set by
// .ci/run), which turns the missing browser into a failure so CI never silently loses these tests.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { REPO } from '../helpers/op-fixture.js';

// NABLA_CHROMIUM: another Chromium binary (test/browser/skip.test.ts points it at a missing one).
const CHROMIUM = process.env.NABLA_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const PAGE = '/test/browser/page/index.html';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json',
};

interface TrainResult {
  losses: number[];
  weights: number[];
  msPerStep: number;
  msMedianStep: number;
}
interface PageResult extends TrainResult {
  backend: string;
  threads: number;
  variant: string;
  crossOriginIsolated: boolean;
  sharedMemory: boolean;
  hardwareConcurrency: number;
  initMs: number;
  pool: { maxRelDiff: number; ms: number };
}

const MISSING = `${CHROMIUM} is missing: the browser tests need Debian's chromium; enable them with \`apt-get install -y chromium\``;
/** The reason to skip the suite: no Chromium, unless NABLA_REQUIRE_BROWSER=1 makes that a failure. */
function browserSkip(): string | false {
  if (existsSync(CHROMIUM) || process.env.NABLA_REQUIRE_BROWSER === '1') return false;
  return `skipped: ${MISSING}`;
}

/** Throws, with the command that fixes it, when the browser or the build is missing. */
function requirements(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${MISSING} (NABLA_REQUIRE_BROWSER=1 requires them)`);
  }
  const wasmDir = join(REPO, 'dist/wasm');
  const wasm = existsSync(wasmDir) ? readdirSync(wasmDir).filter((f) => f.endsWith('.wasm')) : [];
  if (!existsSync(join(REPO, 'dist/browser.js')) || wasm.length === 0) {
    throw new Error('dist/browser.js or dist/wasm/*.wasm is missing: run `npm run build` (the browser test loads the built package)');
  }
}

/** A static server for the package root; `isolated` adds COOP/COEP (and CORP on every response). */
async function serve(isolated: boolean): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (isolated) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
      headers['Cross-Origin-Resource-Policy'] = 'same-origin';
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(REPO, path));
    if (req.method !== 'GET' || !file.startsWith(REPO.endsWith(sep) ? REPO : REPO + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let context: BrowserContext | null = null;
let userDataDir: string | null = null;

async function browser(): Promise<BrowserContext> {
  if (context) return context;
  userDataDir = mkdtempSync(join(tmpdir(), 'nabla-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000,
  });
  return context;
}

/** Loads the test page from a fresh server and returns what it reports. */
async function runPage(isolated: boolean): Promise<PageResult> {
  requirements();
  const { server, origin } = await serve(isolated);
  const page = await (await browser()).newPage();
  const log: string[] = [];
  page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => log.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  try {
    await page.goto(origin + PAGE);
    try {
      await page.waitForFunction(() => (window as { __nabla?: unknown }).__nabla !== undefined, null, { timeout: 60_000 });
    } catch (e) {
      throw new Error(`the page reported nothing within 60 s (${(e as Error).message.split('\n')[0]})\n${log.join('\n')}`);
    }
    const out = await page.evaluate(() => (window as { __nabla?: unknown }).__nabla) as
      { ok: true; result: PageResult } | { ok: false; error: string };
    if (!out.ok) throw new Error(`the page failed: ${out.error}\n${log.join('\n')}`);
    return out.result;
  } finally {
    await page.close();
    await new Promise((ok) => server.close(ok));
  }
}

/** The page's run repeated in Node on the js backend (dist/index.js, same seed). */
let reference: TrainResult | null = null;
async function nodeReference(): Promise<TrainResult> {
  if (reference) return reference;
  requirements();
  const nabla = await import(pathToFileURL(join(REPO, 'dist/index.js')).href);
  const { trainMlp } = await import(pathToFileURL(join(REPO, 'test/browser/page/train.js')).href);
  const prev = nabla.getBackend().name;
  nabla.setBackend('js');
  try {
    return (reference = trainMlp(nabla) as TrainResult);
  } finally {
    nabla.setBackend(prev);
  }
}

/** Every entry within atol + rtol·|want|; returns the largest |got − want|. */
function assertClose(what: string, got: number[], want: number[], rtol: number, atol: number): number {
  assert.equal(got.length, want.length, `${what}: length`);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    worst = Math.max(worst, err);
    assert.ok(err <= atol + rtol * Math.abs(want[i]), `${what}[${i}]: page ${got[i]} vs Node js ${want[i]} (|Δ| ${err})`);
  }
  return worst;
}

function checkRun(r: PageResult, ref: TrainResult, mode: string): void {
  assert.equal(r.backend, 'wasm', `${mode}: the page trained on '${r.backend}', not wasm`);
  assert.ok(r.losses.every(Number.isFinite), `${mode}: non-finite loss ${r.losses}`);
  const first = r.losses[0], last = r.losses[r.losses.length - 1];
  assert.ok(last < 0.2 * first, `${mode}: loss ${first} → ${last} did not decrease substantially`);
  const dl = assertClose(`${mode} losses`, r.losses, ref.losses, 1e-4, 1e-5);
  const dw = assertClose(`${mode} weights`, r.weights, ref.weights, 1e-3, 1e-4);
  assert.ok(r.pool.maxRelDiff < 1e-4, `${mode}: 256³ matmuls (dense, sparse A, sparse B) / 2¹⁸ exp+add differ from js by ${r.pool.maxRelDiff}`);
  console.log(`${mode}: wasm (${r.variant}), ${r.threads} thread(s) of ${r.hardwareConcurrency} cores, ` +
    `crossOriginIsolated ${r.crossOriginIsolated}; init ${r.initMs.toFixed(1)} ms; loss ${first.toFixed(4)} → ` +
    `${last.toFixed(4)}; step mean ${(r.msPerStep * 1000).toFixed(0)} µs, median ${(r.msMedianStep * 1000).toFixed(0)} µs ` +
    `(Node js ${(ref.msPerStep * 1000).toFixed(0)}, ${(ref.msMedianStep * 1000).toFixed(0)}); ` +
    `max |Δ| vs Node js: loss ${dl.toExponential(1)}, weights ${dw.toExponential(1)}; 256³ matmul + 2¹⁸ exp,add ${r.pool.ms.toFixed(1)} ms`);
}

describe('nabla in headless Chromium', { timeout: 180_000, skip: browserSkip() }, () => {
  after(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('the js run in Node (the reference) learns the problem', async () => {
    const ref = await nodeReference();
    assert.equal(ref.losses.length, 50);
    assert.ok(ref.losses[49] < 0.2 * ref.losses[0], `loss ${ref.losses[0]} → ${ref.losses[49]}`);
  });

  it('cross-origin isolated: wasm with a worker pool, same losses and weights as js in Node', async () => {
    const r = await runPage(true);
    assert.equal(r.crossOriginIsolated, true, 'the page is not cross-origin isolated (COOP/COEP headers)');
    assert.equal(r.sharedMemory, true, 'no shared WebAssembly.Memory in an isolated page');
    assert.ok(r.threads > 1, `threads ${r.threads}: the worker pool did not start (hardwareConcurrency ${r.hardwareConcurrency})`);
    checkRun(r, await nodeReference(), 'isolated');
  });

  it('not isolated: wasm on one thread, same losses and weights as js in Node', async () => {
    const r = await runPage(false);
    assert.equal(r.crossOriginIsolated, false);
    assert.equal(r.sharedMemory, false);
    assert.equal(r.threads, 1);
    checkRun(r, await nodeReference(), 'not isolated');
  });
});
