// Without Chromium the browser suite is skipped with one line saying how to enable it, so the
// README's `npm test` passes on a fresh machine; with NABLA_REQUIRE_BROWSER=1 (set by .ci/run) the
// same absence fails. Runs test/browser/browser.test.ts in a child pointed at a missing binary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { REPO } from '../helpers/op-fixture.js';

function runBrowserSuite(require: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, NABLA_CHROMIUM: '/nonexistent/chromium' };
  delete env.NODE_TEST_CONTEXT; // else the child's runner thinks it is nested and runs nothing
  if (require) env.NABLA_REQUIRE_BROWSER = '1';
  else delete env.NABLA_REQUIRE_BROWSER;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', join(REPO, 'test/browser/browser.test.ts')], {
    cwd: REPO, env, encoding: 'utf8', timeout: 120_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

it('no Chromium: the browser suite is skipped with a line saying how to enable it', () => {
  const r = runBrowserSuite(false);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /# SKIP skipped: \/nonexistent\/chromium is missing: the browser tests need Debian's chromium; enable them with `apt-get install -y chromium`/);
  assert.match(r.out, /^# fail 0$/m);
});

it('no Chromium with NABLA_REQUIRE_BROWSER=1: the browser suite fails', () => {
  const r = runBrowserSuite(true);
  assert.notEqual(r.status, 0, r.out);
  assert.match(r.out, /\/nonexistent\/chromium is missing: .* \(NABLA_REQUIRE_BROWSER=1 requires them\)/);
  assert.match(r.out, /^# fail [1-9]/m);
});
