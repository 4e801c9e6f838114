import type { Tensor } from '../../tensor/tensor.js';
import type { Rng } from '../../core/rng.js';
import { calculateGain, fans, fillWith, initArgs, NONLINEARITIES, type Nonlinearity } from './fan.js';
import { checkNumber, checkOneOf } from '../../core/check.js';

export interface KaimingOptions {
  /** Negative slope of leaky_relu (also used by Linear's default a = √5). */
  a?: number;
  mode?: 'fanIn' | 'fanOut';
  nonlinearity?: Nonlinearity;
  rng?: Rng;
}

function std(op: string, t: Tensor, opts: KaimingOptions | undefined): number {
  const o = initArgs(op, t, opts, ['a', 'mode', 'nonlinearity', 'rng']);
  if (o.a !== undefined) checkNumber(op, 'a', o.a);
  if (o.mode !== undefined) {
    checkOneOf(op, 'mode', o.mode, ['fanIn', 'fanOut'], (o.mode as string) === 'fan_in' ? "write 'fanIn'" : (o.mode as string) === 'fan_out' ? "write 'fanOut'" : undefined);
  }
  if (o.nonlinearity !== undefined) checkOneOf(op, 'nonlinearity', o.nonlinearity, NONLINEARITIES);
  const { fanIn, fanOut } = fans(op, t);
  const fan = (o.mode ?? 'fanIn') === 'fanIn' ? fanIn : fanOut;
  const gain = calculateGain(o.nonlinearity ?? 'leaky_relu', o.a ?? 0);
  return gain / Math.sqrt(fan);
}

/**
 * He normal (concepts §6): W ~ N(0, σ²), σ = gain/√fan; with relu, σ = √(2/n_in).
 * Matches `torch.nn.init.kaiming_normal_` (defaults a = 0, fan_in, leaky_relu ⇒ gain √2).
 */
export function kaimingNormal_(t: Tensor, opts: KaimingOptions = {}): Tensor {
  const s = std('kaimingNormal_', t, opts);
  return fillWith(t, (g) => g.normal(0, s), opts?.rng);
}

/**
 * He uniform (concepts §6): W ~ U(−b, b), b = gain·√(3/fan).
 * Matches `torch.nn.init.kaiming_uniform_`.
 */
export function kaimingUniform_(t: Tensor, opts: KaimingOptions = {}): Tensor {
  const b = Math.sqrt(3) * std('kaimingUniform_', t, opts);
  return fillWith(t, (g) => g.uniform(-b, b), opts?.rng);
}

/** He normal for ReLU networks: σ = √(2/n_in) (the notes' name; concepts §6). */
export function heNormal_(t: Tensor, opts: { rng?: Rng } = {}): Tensor {
  initArgs('heNormal_', t, opts, ['rng']);
  return kaimingNormal_(t, { nonlinearity: 'relu', ...opts });
}
