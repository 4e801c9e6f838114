// The data layer (SPEC §7): datasets, the DataLoader, file formats, MNIST and transforms.

export { TensorDataset, type Dataset } from './dataset.js';
export { DataLoader, type DataLoaderOptions, type DataLoaderState } from './data-loader.js';
export {
  readIdx,
  readIdxBuffer,
  writeIdx,
  writeIdxBuffer,
  idxMagic,
  type IdxFile,
  type IdxType,
  type IdxArray,
  type IdxExpect,
  type ReadIdxOptions,
} from './formats/idx.js';
export { loadMnist, mnistDataDir, type Mnist, type MnistOptions } from './mnist.js';
export { minMaxScale, type MinMaxOptions } from './transforms/min-max-scale.js';
export { Standardizer } from './transforms/standardizer.js';
