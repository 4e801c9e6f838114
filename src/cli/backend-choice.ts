// Which backend the CLI uses: the name given, else the fastest that loads here.

import { setBackend, listBackends } from '../backend/registry.js';

export function selectBackend(name?: string, _threads?: number): void {
  if (name) {
    setBackend(name);
    return;
  }
  if (listBackends().includes('wasm')) setBackend('wasm');
}
