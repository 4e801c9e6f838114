// Fused optimizer updates: one pass over a parameter and its state (float32, SIMD).

import { madd } from './simd-math';

/**
 * Adam (torch.optim.Adam): g ← g + λθ; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * θ ← θ − lr·(m·c₁)/(√(v·c₂) + ε) with c₁ = 1/(1−β₁ᵗ), c₂ = 1/(1−β₂ᵗ).
 * The caller passes 1−β₁ and 1−β₂ (computed in float64, as PyTorch passes `1 - beta2` to its
 * float kernel); β = 1 − (1−β) in float32 is then float32(β) exactly for the usual betas,
 * whereas 1 − float32(β) in float32 is not float32(1−β): for β₂ = 0.999 it is off by 1.3·10⁻⁵
 * relative, which every v carried.
 */
export function adamStep(theta: usize, grad: usize, m: usize, v: usize, n: i32,
  lr: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, eps: f32, lambda: f32, c1: f32, c2: f32): void {
  const beta1: f32 = 1 - oneMinusBeta1, beta2: f32 = 1 - oneMinusBeta2;
  const vb1 = f32x4.splat(beta1), vb2 = f32x4.splat(beta2);
  const vn1 = f32x4.splat(oneMinusBeta1), vn2 = f32x4.splat(oneMinusBeta2);
  const vlr = f32x4.splat(lr), veps = f32x4.splat(eps), vl = f32x4.splat(lambda);
  const vc1 = f32x4.splat(c1), vc2 = f32x4.splat(c2);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const th = v128.load(theta + o);
    const g = madd(vl, th, v128.load(grad + o));
    const mi = madd(vb1, v128.load(m + o), f32x4.mul(vn1, g));
    const vi = madd(vb2, v128.load(v + o), f32x4.mul(vn2, f32x4.mul(g, g)));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const den = f32x4.add(f32x4.sqrt(f32x4.mul(vi, vc2)), veps);
    v128.store(theta + o, f32x4.sub(th, f32x4.div(f32x4.mul(vlr, f32x4.mul(mi, vc1)), den)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const th = load<f32>(theta + o);
    const g = load<f32>(grad + o) + lambda * th;
    const mi = beta1 * load<f32>(m + o) + oneMinusBeta1 * g;
    const vi = beta2 * load<f32>(v + o) + oneMinusBeta2 * g * g;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    store<f32>(theta + o, th - (lr * (mi * c1)) / (Mathf.sqrt(vi * c2) + eps));
  }
}

/**
 * SGD (torch.optim.SGD): g ← g + λθ; b ← μb + (1−τ)g (b ← g on the first step);
 * g ← g + μb (Nesterov) or b; θ ← θ − lr·g. buf = 0 means no momentum buffer. The caller passes
 * 1−τ (computed in float64, like PyTorch's `alpha=1 - dampening`).
 */
export function sgdStep(theta: usize, grad: usize, buf: usize, n: i32, lr: f32, mu: f32,
  oneMinusDampening: f32, nesterov: bool, lambda: f32, first: bool): void {
  const vlr = f32x4.splat(lr), vl = f32x4.splat(lambda), vmu = f32x4.splat(mu), vd = f32x4.splat(oneMinusDampening);
  let i = 0;
  if (buf == 0) {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2;
      const th = v128.load(theta + o);
      const g = f32x4.add(v128.load(grad + o), f32x4.mul(vl, th));
      v128.store(theta + o, f32x4.sub(th, f32x4.mul(vlr, g)));
    }
  } else {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2;
      const th = v128.load(theta + o);
      let g = f32x4.add(v128.load(grad + o), f32x4.mul(vl, th));
      const b = first ? g : f32x4.add(f32x4.mul(vmu, v128.load(buf + o)), f32x4.mul(vd, g));
      v128.store(buf + o, b);
      g = nesterov ? f32x4.add(g, f32x4.mul(vmu, b)) : b;
      v128.store(theta + o, f32x4.sub(th, f32x4.mul(vlr, g)));
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const th = load<f32>(theta + o);
    let g = load<f32>(grad + o) + lambda * th;
    if (buf != 0) {
      const b = first ? g : mu * load<f32>(buf + o) + oneMinusDampening * g;
      store<f32>(buf + o, b);
      g = nesterov ? g + mu * b : b;
    }
    store<f32>(theta + o, th - lr * g);
  }
}
