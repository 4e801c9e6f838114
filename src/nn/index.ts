export { Module } from './module.js';
export { Parameter, isParameter } from './parameter.js';
export { Sequential } from './sequential.js';
export { Linear, type LinearOptions } from './linear.js';
export { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Flatten, Identity } from './activations.js';
export { LeakyReLU, ELU, GELU } from './activations-param.js';
export { Maxout } from './maxout.js';
export * as init from './init/index.js';
