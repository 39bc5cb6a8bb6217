//! Per-entity random streams. Every entity (client i, deputy j, file row r…) gets its own
//! ChaCha stream seeded from (seed, kind, index), so any file can be written on its own and
//! in any order while still agreeing with every other file about shared entities.

use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

const fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a: a stable hash of a stream name (std's hasher is not stable across releases).
pub(crate) const fn tag(name: &str) -> u64 {
    let b = name.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

pub(crate) fn mix(seed: u64, kind: u64, index: u64) -> u64 {
    splitmix64(seed ^ splitmix64(kind ^ splitmix64(index)))
}

/// A small wrapper so the rest of the crate does not depend on rand's changing method names.
pub(crate) struct R(ChaCha8Rng);

impl R {
    pub(crate) fn new(seed: u64, kind: &str, index: u64) -> Self {
        R(ChaCha8Rng::seed_from_u64(mix(seed, tag(kind), index)))
    }
    pub(crate) fn u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    pub(crate) fn f64(&mut self) -> f64 {
        self.0.random::<f64>()
    }
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }
    /// Uniform in `lo..=hi`.
    pub(crate) fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        self.0.random_range(lo..=hi)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.0.random_range(0..n)
    }
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    pub(crate) fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| *w).sum();
        let mut x = self.0.random_range(0..total.max(1));
        for (v, w) in items {
            if x < *w {
                return *v;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_kind_and_index_give_the_same_stream() {
        let a: Vec<u64> = (0..4).map(|_| R::new(7, "client", 3).u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(R::new(7, "client", 3).u64(), R::new(7, "client", 4).u64());
        assert_ne!(R::new(7, "client", 3).u64(), R::new(8, "client", 3).u64());
        assert_ne!(R::new(7, "client", 3).u64(), R::new(7, "deputy", 3).u64());
    }

    #[test]
    fn weighted_choice_only_returns_listed_values() {
        let mut r = R::new(1, "t", 1);
        for _ in 0..200 {
            let v = r.weighted(&[("a", 1), ("b", 3)]);
            assert!(v == "a" || v == "b");
        }
    }
}
