// The op catalogue: one export line per op file. Loading it installs the Tensor methods and the
// engine's gradient arithmetic.

import { installGradMath } from '../autograd/engine.js';
import { onesLike } from '../tensor/create.js';
import { getBackend } from '../backend/registry.js';
import { setDefaultBackendResolver } from './operand.js';
import { add } from './add.js';
import { sumTo } from './sum.js';
import { clone } from './clone.js';
import { cast } from './cast.js';
import './methods.js';

export { add } from './add.js';
export { sub } from './sub.js';
export { mul } from './mul.js';
export { div } from './div.js';
export { pow } from './pow.js';
export { maximum } from './maximum.js';
export { minimum } from './minimum.js';
export { eq, ne, lt, le, gt, ge } from './compare.js';
export { neg } from './neg.js';
export { exp } from './exp.js';
export { log } from './log.js';
export { sqrt } from './sqrt.js';
export { abs } from './abs.js';
export { sign } from './sign.js';
export { reciprocal } from './reciprocal.js';
export { relu } from './relu.js';
export { sigmoid } from './sigmoid.js';
export { tanh } from './tanh.js';
export { erf } from './erf.js';
export { leakyRelu } from './leaky-relu.js';
export { elu } from './elu.js';
export { gelu } from './gelu.js';
export { logsumexp } from './logsumexp.js';
export { maxout } from './maxout.js';
export { where } from './where.js';
export { clamp, clip } from './clamp.js';
export { sum, sumTo } from './sum.js';
export { mean } from './mean.js';
export { variance } from './var.js';
export { max, min } from './max.js';
export { argmax, argmin } from './argmax.js';
export { reshape, flatten, unsqueeze, squeeze } from './reshape.js';
export { permute, transpose, t } from './permute.js';
export { expand } from './expand.js';
export { slice, narrow } from './slice.js';
export { cat, stack } from './cat.js';
export { matmul } from './matmul.js';
export { linear } from './linear.js';
export { softmax, logSoftmax } from './softmax.js';
export { cast } from './cast.js';
export { indexSelect } from './index-select.js';
export { clone, detach } from './clone.js';
export type { TensorLike } from './operand.js';

installGradMath({ add: (a, b) => add(a, b), sumTo, onesLike: (t) => onesLike(t), clone: (t) => clone(t), cast: (t, d) => cast(t, d) });
setDefaultBackendResolver(() => getBackend());
