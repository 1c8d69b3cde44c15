//! Deterministic pseudo-random numbers for the native benchmarks' generated data.

/// xorshift64*: deterministic data without a dependency.
pub struct Random(pub u64);

impl Random {
    /// A number in `0..bound` (`0` when `bound` is 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}
