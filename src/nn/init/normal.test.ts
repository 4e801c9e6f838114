// Gaussian initializers: the notes' N(0, 0.01²) (AlexNet) and LeCun normal 1/√n_in (concepts §6).

import { test } from 'node:test';
import { zeros, Rng, init } from '../../index.js';
import { assertMoments } from '../../../test/helpers/stats.js';

test('normal_(0, 0.01): the small-Gaussian init', () => {
  for (const seed of [0, 1]) assertMoments(init.normal_(zeros([500, 400]), 0, 0.01, { rng: new Rng(seed) }), 0.01, `seed ${seed}`);
});

test('lecunNormal_: std 1/√n_in (what the notes call Xavier normal)', () => {
  assertMoments(init.lecunNormal_(zeros([100, 1000]), { rng: new Rng(3) }), 1 / Math.sqrt(1000), 'lecun');
  assertMoments(init.lecunNormal_(zeros([512, 8, 5, 5]), { rng: new Rng(4) }), 1 / Math.sqrt(200), 'conv fan_in 8·5·5');
});
