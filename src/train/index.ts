export { trainStep, type LossFn, type StepResult, type TrainStepOptions } from './train-step.js';
export { evaluate, accuracy, type EvalResult } from './evaluate.js';
export { mlp } from './mlp.js';
