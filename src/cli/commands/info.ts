// `nabla info`: what nabla would run on here — its version, the backend with its SIMD variant and
// thread count (and why wasm is absent, if it is), the CPU with its vector ISA, and Node.

import { availableParallelism, cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { backendFallbackNote } from '../../backend/registry.js';
import { sharedMemoryAvailable } from '../../backend/wasm/index.js';
import { describeBackend } from '../backend-choice.js';

/** The CPU's widest x86 vector extension from /proc/cpuinfo's flags, or '' where unknown. */
export function vectorIsa(flags: string): string {
  const has = (f: string) => new RegExp(`(^|\\s)${f}(\\s|$)`).test(flags);
  if (has('avx512f')) return 'AVX-512';
  if (has('avx2')) return 'AVX2';
  if (has('avx')) return 'AVX';
  if (has('sse4_2')) return 'SSE4.2';
  return '';
}

function cpuFlags(): string {
  try {
    return /^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
}

export function runInfo(version: string, log: (line: string) => void = console.log): void {
  const backend = describeBackend();
  const isa = vectorIsa(cpuFlags());
  log(`nabla ${version}`);
  log(`backend: ${backend}`);
  const note = backendFallbackNote();
  if (note) log(`  ${note}`);
  log(`shared memory (worker threads): ${sharedMemoryAvailable() ? 'yes' : 'no'}`);
  log(`cpu: ${cpus()[0]?.model ?? 'unknown'}${isa ? `, ${isa}` : ''}, ${availableParallelism()} cores`);
  log(`node: ${process.version} (${process.platform}-${process.arch}), V8 ${process.versions.v8}`);
}
