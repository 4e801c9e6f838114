// Rounding-error bounds the property tests use instead of ad-hoc tolerances (Higham, "Accuracy and
// Stability of Numerical Algorithms", §3.1 and §4.2).

/**
 * γ_n = n·u / (1 − n·u): a sum of n + 1 terms computed in any order (any summation tree), or a
 * product of n factors, has relative error ≤ γ_n with respect to Σ|terms| (Higham Lemma 3.1,
 * Thm 4.2 with its note that the bound holds for every ordering).
 */
export function gamma(n: number, u: number): number {
  const nu = n * u;
  return nu < 1 ? nu / (1 - nu) : Infinity;
}

/**
 * Subnormal results are not relatively accurate: each rounding in the subnormal range may add up
 * to half the smallest subnormal in absolute terms. For float32 that is 2⁻¹⁵⁰; float64's half
 * (2⁻¹⁰⁷⁵) is not a double (it rounds to 0), so a whole subnormal, 2⁻¹⁰⁷⁴, stands in for it.
 */
export function underflowSlack(ops: number, dtype: 'float32' | 'float64'): number {
  return ops * (dtype === 'float32' ? 2 ** -150 : 2 ** -1074);
}
