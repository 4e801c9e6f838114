// Standardization z = (x − μ)/σ per feature, fitted on training data only (concepts §7).

import { noGrad } from '../../autograd/no-grad.js';
import { isFloat } from '../../core/dtype.js';
import { ArgumentError, ShapeError } from '../../core/errors.js';
import type { Tensor } from '../../tensor/tensor.js';
import { expectTensor } from '../../tensor/expect.js';
import { add, cast, div, eq, mean, mul, sqrt, sub, variance } from '../../ops/index.js';

/**
 * Per-feature standardization, fitted once on the training set and then applied unchanged to
 * training, validation and test data (the test set never informs the statistics).
 * Formula: μ = (1/N) Σᵢ xᵢ, σ = √((1/N) Σᵢ (xᵢ − μ)²), z = (x − μ)/σ (concepts §7); a feature with
 * σ = 0 is divided by 1 instead.
 * Shape: fit(x [N, *]) → mean, std [*]; transform(x [M, *]) → [M, *].
 * Matches sklearn's `StandardScaler` (population σ, constant features scaled by 1).
 * @example
 * const xTrain = tensor([[1, 10], [3, 30]]), xTest = tensor([[2, 50]]);
 * const scaler = new Standardizer().fit(xTrain); // μ = [2, 20], σ = [1, 10]
 * scaler.transform(xTrain).tolist() // [[-1, -1], [1, 1]]
 * scaler.transform(xTest).tolist() // [[0, 3]]
 */
export class Standardizer {
  /** μ per feature; null until fit. */
  mean: Tensor | null = null;
  /** σ per feature (population, correction 0); null until fit. */
  std: Tensor | null = null;

  fit(x: Tensor): this {
    expectTensor('Standardizer.fit', 'x', x);
    if (x.ndim === 0 || x.shape[0] === 0) {
      throw new ArgumentError('Standardizer', 'fit needs at least one sample along dim 0', {
        got: [['x', x.shape]],
      });
    }
    const xf = toFloat(x);
    noGrad(() => {
      this.mean = mean(xf, 0);
      this.std = sqrt(variance(xf, 0, { correction: 0 }));
    });
    return this;
  }

  transform(x: Tensor): Tensor {
    const [mu, sigma] = this.fitted(expectTensor('Standardizer.transform', 'x', x));
    return div(sub(toFloat(x), mu), add(sigma, eq(sigma, 0)));
  }

  fitTransform(x: Tensor): Tensor {
    expectTensor('Standardizer.fitTransform', 'x', x);
    return this.fit(x).transform(x);
  }

  /** x = z·σ + μ. */
  inverseTransform(z: Tensor): Tensor {
    const [mu, sigma] = this.fitted(expectTensor('Standardizer.inverseTransform', 'z', z));
    return add(mul(z, add(sigma, eq(sigma, 0))), mu);
  }

  private fitted(x: Tensor): [Tensor, Tensor] {
    if (!this.mean || !this.std) {
      throw new ArgumentError('Standardizer', 'call fit(xTrain) before transforming');
    }
    const features = this.mean.shape;
    const got = x.shape.slice(1);
    if (got.length !== features.length || got.some((d, i) => d !== features[i])) {
      throw new ShapeError(
        'Standardizer',
        `x must be [${['N', ...features].join(', ')}] as fitted`,
        { got: [['x', x.shape]] },
      );
    }
    return [this.mean, this.std];
  }
}

function toFloat(x: Tensor): Tensor {
  return isFloat(x.dtype) ? x : cast(x, 'float32');
}
