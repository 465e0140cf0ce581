//! What the core's test files share: a search index built in memory from
//! `(entry, title, body)` texts with every shard loaded, as the reader has
//! it once a query's shards have arrived.

use okuma_core::search::{index_texts, DocText, SearchIndex};
use okuma_core::LanguageCode;

/// One language's index over `docs` in an archive of `entries`.
pub fn full_index(lang: &str, entries: u32, docs: &[(u32, &str, &str)]) -> SearchIndex {
    let texts: Vec<DocText> = docs
        .iter()
        .map(|(entry, title, body)| DocText {
            entry: *entry,
            title,
            body,
            ..DocText::default()
        })
        .collect();
    let code = LanguageCode::parse(lang).expect("a test language tag");
    let (dictionary, shards) = index_texts(&code, entries, &texts);
    let mut index = SearchIndex::new(dictionary);
    for shard in shards {
        index
            .add_shard(shard)
            .expect("shards of their own dictionary");
    }
    index
}
