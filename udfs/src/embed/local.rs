//! The `local` embedder: offline, no model to download, deterministic on every machine.
//!
//! Method (signed feature hashing, "the hashing trick"):
//! 1. The text is lowercased and split into words (runs of letters, digits and inner
//!    apostrophes); every other symbol that is not punctuation or space (an emoji, say) is a word
//!    of its own.
//! 2. Features: each word, and each character 3-, 4- and 5-gram of each word framed as `<word>`
//!    (so spelling variants, typos and inflections still meet), the n-grams at 0.7 a word's weight.
//! 3. A feature counted `n` times weighs `weight * (1 + ln n)` (sublinear, so a repeated "lol"
//!    does not dominate).
//! 4. Each feature is hashed (64-bit FNV-1a with a final mix, seeded per kind): the hash picks
//!    one of `dimension` slots and a sign, and the weight is added there. The vector is then
//!    L2-normalised.
//!
//! The weights were chosen by agreement with voyage-3.5 on the real stage texts
//! (`benches/embed_quality.py`, BENCHMARKS.md); word pairs and down-weighting function words
//! were tried and agreed less. No crate does this without a model to download or a vocabulary
//! fitted to a corpus; it is small and fast (BENCHMARKS.md).

const WORD_WEIGHT: f32 = 1.0;
const CHAR_GRAM_WEIGHT: f32 = 0.7;
const CHAR_GRAM_SIZES: [usize; 3] = [3, 4, 5];

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut hash = FNV_OFFSET ^ seed;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    // A final avalanche (from SplitMix64) so that the low bits, which pick the slot, mix well.
    hash ^= hash >> 31;
    hash = hash.wrapping_mul(0x7fb5_d329_728e_a185);
    hash ^ (hash >> 27)
}

const WORD_SEED: u64 = 1;
const CHAR_GRAM_SEED: u64 = 3;

/// The words of a lowercased text.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe =
            (c == '\'' || c == '’') && start.is_some() && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            words.push(&text[s..i]);
        }
        if !c.is_whitespace() && !c.is_ascii_punctuation() && !c.is_control() && !is_joiner(c) {
            words.push(&text[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    words
}

/// Zero-width joiners and variation selectors glue emoji together; they are not symbols.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200d}' | '\u{fe0e}' | '\u{fe0f}')
}

/// Adds `(hash, weight)` features of one kind, counted: weight × (1 + ln count).
fn add_counted(vector: &mut [f32], mut hashes: Vec<(u64, f32)>) {
    hashes.sort_unstable_by_key(|(h, _)| *h);
    let dimension = vector.len() as u64;
    let mut i = 0;
    while i < hashes.len() {
        let (hash, weight) = hashes[i];
        let mut count = 1;
        while i + count < hashes.len() && hashes[i + count].0 == hash {
            count += 1;
        }
        let value = weight * (1.0 + (count as f32).ln());
        let slot = (hash % dimension) as usize;
        vector[slot] += if hash >> 63 == 1 { -value } else { value };
        i += count;
    }
}

/// The embedding of `text` with `dimension` slots; None for a blank text.
pub fn embed(text: &str, dimension: usize) -> Option<Vec<f32>> {
    let lower = text.to_lowercase();
    let words = words(&lower);
    if words.is_empty() || dimension == 0 {
        return None;
    }
    let mut vector = vec![0f32; dimension];
    add_counted(&mut vector, words.iter().map(|w| (fnv1a(WORD_SEED, w.as_bytes()), WORD_WEIGHT)).collect());

    let mut grams = Vec::new();
    let mut framed = String::new();
    for word in &words {
        framed.clear();
        framed.push('<');
        framed.push_str(word);
        framed.push('>');
        let bounds: Vec<usize> = framed.char_indices().map(|(i, _)| i).chain([framed.len()]).collect();
        let chars = bounds.len() - 1;
        for n in CHAR_GRAM_SIZES {
            for start in 0..chars.saturating_sub(n - 1) {
                let gram = &framed.as_bytes()[bounds[start]..bounds[start + n]];
                grams.push((fnv1a(CHAR_GRAM_SEED ^ n as u64, gram), CHAR_GRAM_WEIGHT));
            }
        }
    }
    add_counted(&mut vector, grams);

    let norm = vector.iter().map(|x| f64::from(*x) * f64::from(*x)).sum::<f64>().sqrt();
    if norm == 0.0 {
        return None;
    }
    let scale = (1.0 / norm) as f32;
    vector.iter_mut().for_each(|x| *x *= scale);
    Some(vector)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cosine(a: &[f32], b: &[f32]) -> f32 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    #[test]
    fn splits_words_emoji_and_apostrophes() {
        assert_eq!(words("i'm here!! 😍😍 don't-stop"), vec!["i'm", "here", "😍", "😍", "don't", "stop"]);
        assert_eq!(words("  ...  "), Vec::<&str>::new());
    }

    #[test]
    fn unit_length_deterministic_and_blank_is_none() {
        let a = embed("Hey babe, what are you up to tonight?", 256).unwrap();
        assert_eq!(a.len(), 256);
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-5);
        assert_eq!(a, embed("Hey babe, what are you up to tonight?", 256).unwrap());
        assert!(embed("   ", 256).is_none());
        assert!(embed("?!", 256).is_none());
    }

    #[test]
    fn similar_texts_are_nearer_than_unrelated_ones() {
        let a = embed("I love your new photos, you look amazing", 1024).unwrap();
        let b = embed("loved the new photo, you look so amazing", 1024).unwrap();
        let c = embed("how much is the video bundle, can I pay later", 1024).unwrap();
        assert!(cosine(&a, &b) > 0.4, "{}", cosine(&a, &b));
        assert!(cosine(&a, &b) > 2.0 * cosine(&a, &c).abs());
    }

    #[test]
    fn pinned_values_catch_changes_in_the_method() {
        // Saved queries and caches rely on the same text giving the same vector everywhere.
        let v = embed("hello world", 16).unwrap();
        let pinned: Vec<i32> = v.iter().map(|x| (x * 1000.0).round() as i32).collect();
        assert_eq!(pinned, PINNED_HELLO_WORLD_16);
    }

    const PINNED_HELLO_WORLD_16: [i32; 16] = [0, 0, 0, -107, -249, 606, -249, -499, -249, 0, 0, 0, 249, 249, 0, 249];
}
