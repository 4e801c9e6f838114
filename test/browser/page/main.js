// Loads the package's browser entry, initialises the wasm backend, trains, and leaves the result
// (or the error) in window.__nabla for test/browser/browser.test.ts.
import * as nabla from '../../../dist/browser.js';
import { poolWork, trainMlp } from './train.js';

async function main() {
  const t0 = performance.now();
  await nabla.initWasm();
  const initMs = performance.now() - t0;
  const chosen = nabla.useFastestBackend();
  const train = trainMlp(nabla);
  const pool = poolWork(nabla);
  return {
    backend: nabla.getBackend().name,
    chosen,
    threads: chosen.threads,
    variant: chosen.variant,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedMemory: nabla.sharedMemoryAvailable(),
    hardwareConcurrency: navigator.hardwareConcurrency,
    initMs,
    ...train,
    pool,
  };
}

main().then(
  (result) => { window.__nabla = { ok: true, result }; },
  (e) => { window.__nabla = { ok: false, error: `${e?.name}: ${e?.message}\n${e?.stack ?? ''}` }; },
);
