export { mseLoss, MSELoss } from './mse.js';
export { crossEntropy, CrossEntropyLoss, type CrossEntropyOptions } from './cross-entropy.js';
export { nllLoss, NLLLoss, type NLLLossOptions } from './nll.js';
export type { Reduction } from './reduction.js';
export { entropy, crossEntropyOf, type InfoOptions } from './entropy.js';
export { l1Loss, L1Loss } from './l1.js';
export { binaryCrossEntropy, BCELoss, type BCELossOptions } from './bce.js';
export { binaryCrossEntropyWithLogits, BCEWithLogitsLoss, type BCEWithLogitsLossOptions } from './bce-with-logits.js';
