// The data layer without file-system access (browsers): datasets, the DataLoader, the IDX byte
// codec and transforms. ./index.ts adds readIdx/writeIdx and MNIST (Node).

export { TensorDataset, type Dataset } from './dataset.js';
export { DataLoader, type DataLoaderOptions, type DataLoaderState } from './data-loader.js';
export {
  readIdxBuffer,
  writeIdxBuffer,
  idxMagic,
  type IdxFile,
  type IdxType,
  type IdxArray,
  type IdxExpect,
  type ReadIdxOptions,
} from './formats/idx-buffer.js';
export { minMaxScale, type MinMaxOptions } from './transforms/min-max-scale.js';
export { Standardizer } from './transforms/standardizer.js';
