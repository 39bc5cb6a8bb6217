//! `uuid4` (calculated field) and `unique_number`, with deterministic variants.

use uuid::{Builder, Uuid};

/// Namespace of [`uuid_from`]: `uuid5(NAMESPACE_URL, "urn:casrec-migration:transform-casrec")`
/// = `326f1745-c30c-5196-8b8a-ebbf11a993b3`.
pub const UUID_NAMESPACE: Uuid = Uuid::from_u128(0x326f1745_c30c_5196_8b8a_ebbf11a993b3);

/// `uuid4` (calculated field; finance_ledger `reference`): a fresh random version-4 UUID per row,
/// as the original did (`uuid.uuid4()`, written as lower-case hex with dashes). Output differs on
/// every run; use [`uuid_from`] when reruns must be reproducible.
pub fn uuid4() -> Uuid {
    Uuid::new_v4()
}

/// Deterministic replacement for [`uuid4`]: the RFC 4122 version-5 (SHA-1, name-based) UUID of
/// `seed` in [`UUID_NAMESPACE`] — identical to Python's `uuid.uuid5(UUID_NAMESPACE, seed)`.
/// Choose a seed that is unique per row and stable across runs, e.g.
/// `"<mapping file>:<casrec_row_id>"`. Not an original behaviour (the original was random).
pub fn uuid_from(seed: &str) -> Uuid {
    let mut input = Vec::with_capacity(16 + seed.len());
    input.extend_from_slice(UUID_NAMESPACE.as_bytes());
    input.extend_from_slice(seed.as_bytes());
    let digest = sha1(&input);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Builder::from_sha1_bytes(bytes).into_uuid()
}

/// `unique_number` (implemented but unused by the original's mappings): a random 12-digit integer
/// (100000000000 ..= 999999999999), drawn from the operating system's randomness via a v4 UUID.
pub fn unique_number() -> u64 {
    twelve_digits(Uuid::new_v4().as_u128())
}

/// Deterministic [`unique_number`]: a 12-digit integer derived from `seed` (via [`uuid_from`]).
/// Distinct seeds can collide (9×10^11 values); callers needing uniqueness must check.
pub fn unique_number_from(seed: &str) -> u64 {
    twelve_digits(uuid_from(seed).as_u128())
}

fn twelve_digits(x: u128) -> u64 {
    const LOW: u128 = 100_000_000_000;
    const SPAN: u128 = 900_000_000_000;
    // LOW + (x mod SPAN) < 10^12 always fits in u64.
    u64::try_from(LOW + x % SPAN).unwrap_or(u64::MAX)
}

/// SHA-1 (FIPS 180-4). Used only to build name-based UUIDs; not for security.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let bit_len = (data.len() as u64).wrapping_mul(8);
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for chunk in msg.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let temp = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = temp;
        }
        for (hv, v) in h.iter_mut().zip([a, b, c, d, e]) {
            *hv = hv.wrapping_add(v);
        }
    }
    let mut out = [0u8; 20];
    for (i, v) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&v.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_known_vectors() {
        assert_eq!(hex(&sha1(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(hex(&sha1(&[b'a'; 1000])), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
    }

    // Expected values from Python's uuid.uuid5.
    #[test]
    fn uuid_from_matches_python_uuid5() {
        let url_ns = Uuid::from_u128(0x6ba7b811_9dad_11d1_80b4_00c04fd430c8);
        let mut input = url_ns.as_bytes().to_vec();
        input.extend_from_slice(b"urn:casrec-migration:transform-casrec");
        let mut b = [0u8; 16];
        b.copy_from_slice(&sha1(&input)[..16]);
        assert_eq!(Builder::from_sha1_bytes(b).into_uuid(), UUID_NAMESPACE);
        assert_eq!(uuid_from("finance_ledger_credits_mapping:17").to_string(), "ae9469c3-908e-5857-a127-ff736dacae46");
        assert_eq!(uuid_from("").to_string(), "0cb10c4b-7f7a-50a5-b6f2-893974877965");
        assert_eq!(uuid_from("x"), uuid_from("x"));
        assert_ne!(uuid_from("x"), uuid_from("y"));
        assert_eq!(uuid_from("x").get_version_num(), 5);
    }

    #[test]
    fn uuid4_is_random_v4() {
        let a = uuid4();
        assert_eq!(a.get_version_num(), 4);
        assert_ne!(a, uuid4());
        assert_eq!(a.to_string().len(), 36);
    }

    #[test]
    fn unique_numbers_have_twelve_digits() {
        for _ in 0..100 {
            let n = unique_number();
            assert!((100_000_000_000..=999_999_999_999).contains(&n));
        }
        assert_eq!(unique_number_from("row-1"), unique_number_from("row-1"));
        assert_eq!(unique_number_from("row-1").to_string().len(), 12);
        assert_eq!(twelve_digits(0), 100_000_000_000);
        assert_eq!(twelve_digits(899_999_999_999), 999_999_999_999);
    }
}
