// Rows for the weight penalties (src/regularize): λ, the target, the selection option.
import {
  l1Penalty, l2Penalty, elasticNet, weightDecay, Linear, Sequential, ReLU, tensor, ArgumentError, DTypeError,
} from '../../../src/index.js';
import { r, type Rows } from './types.js';

const model = () => new Sequential(new Linear(2, 2), new ReLU());
const w = () => tensor([[1, 2]], { requiresGrad: true });

export const rows: Rows = {
  l1Penalty: [
    r(() => l1Penalty(model(), -0.1), ArgumentError, "l1Penalty: lambda must be a finite number ≥ 0; got -0.1 (number)"),
    r(() => l1Penalty(model(), NaN), ArgumentError, "l1Penalty: lambda must be a finite number ≥ 0; got NaN (number)"),
    r(() => l1Penalty(3 as never, 0.1), ArgumentError, "l1Penalty: target must be a Module, a Parameter or an array of Parameters; got 3 (number)"),
    r(() => l1Penalty(Linear as never, 0.1), ArgumentError, "l1Penalty: target must be a Module, a Parameter or an array of Parameters; got class Linear\nhint: construct it: new Linear(…)"),
    r(() => l1Penalty([], 0.1), ArgumentError, "l1Penalty: target must be a Module, a Parameter or an array of Parameters (not empty); got [] (array)"),
    r(() => l1Penalty([w(), [1, 2]] as never, 0.1), ArgumentError, "l1Penalty: target[1] must be a Tensor (a Parameter); got [1, 2] (array)"),
    r(() => { const p = w(); return l1Penalty([p, p], 0.1); }, ArgumentError, "l1Penalty: target[1] repeats target[0]; a parameter is penalized once; got Tensor [1, 2] float32"),
    r(() => l1Penalty(tensor([1, 2], { dtype: 'int32' }), 0.1), DTypeError, "l1Penalty: parameters must be floating-point; got target int32"),
  ],
  l2Penalty: [
    r(() => l2Penalty(model(), -1), ArgumentError, "l2Penalty: lambda must be a finite number ≥ 0; got -1 (number)"),
    r(() => l2Penalty(model(), 0.1, { inculde: 'all' } as never), ArgumentError, "l2Penalty: unknown option 'inculde' (options: include)"),
    r(() => l2Penalty(model(), 0.1, { include: 'biases' } as never), ArgumentError, "l2Penalty: include must be 'weights', 'all' or a function (name, param) => boolean; got 'biases' (string)"),
    r(() => l2Penalty(w(), 0.1, { include: 'all' }), ArgumentError, "l2Penalty: include applies only to a Module target; got 'all' (string)\nhint: a Parameter or an array is penalized as given"),
    r(() => l2Penalty(new Sequential(new ReLU()), 0.1), ArgumentError, "l2Penalty: target has no parameters to penalize (Sequential)\nhint: the default keeps weights (ndim ≥ 2); pass { include: 'all' } to cover biases too"),
    r(() => l2Penalty(model(), 0.1, { include: () => false }), ArgumentError, "l2Penalty: target has no parameters to penalize (Sequential)"),
    r(() => l2Penalty(model(), 0.1, 0.5 as never), ArgumentError, "l2Penalty: options must be an object; got 0.5 (number)"),
  ],
  elasticNet: [
    r(() => elasticNet(model(), 0.1 as never), ArgumentError, "elasticNet: lambda must be an object; got 0.1 (number)\nhint: write { l1: 0.1, l2: 0.1 }"),
    r(() => elasticNet(model(), { l1: 0.1 } as never), ArgumentError, "elasticNet: lambda.l2 must be a finite number ≥ 0; got undefined"),
    r(() => elasticNet(model(), { l1: 0.1, l2: -0.2 }), ArgumentError, "elasticNet: lambda.l2 must be a finite number ≥ 0; got -0.2 (number)"),
    r(() => elasticNet(model(), { l1: 0.1, L2: 0.2 } as never), ArgumentError, "elasticNet: unknown option 'L2' (lambda: l1, l2)\nhint: did you mean l2?"),
    r(() => elasticNet('model' as never, { l1: 0.1, l2: 0.2 }), ArgumentError, "elasticNet: target must be a Module, a Parameter or an array of Parameters; got 'model' (string)"),
  ],
  weightDecay: [
    r(() => weightDecay(model(), -1e-4), ArgumentError, "weightDecay: lambda must be a finite number ≥ 0; got -0.0001 (number)"),
    r(() => weightDecay(model(), Infinity), ArgumentError, "weightDecay: lambda must be a finite number ≥ 0; got Infinity (number)"),
    r(() => weightDecay(model().parameters as never, 1e-4), ArgumentError, "weightDecay: target must be a Module, a Parameter or an array of Parameters; got function parameters\nhint: pass the model (its weights) or call model.parameters() (every parameter)"),
    r(() => weightDecay(model(), 1e-4, { includ: 'all' } as never), ArgumentError, "weightDecay: unknown option 'includ' (options: include)"),
  ],
};

export const reasons: Record<string, string> = {
  isPenalty: 'takes any value and answers true or false',
};
