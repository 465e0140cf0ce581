//! A dataset loaded as the app loads it (`src/data/mod.rs`,
//! `src/engine/`): every file it may fetch, through the same okuma-core
//! functions, then the archive engine over them. What `okuma check`
//! passes must load here.

use okuma_core::archive::{results, ArchiveInput, CardSource, LanguageSearch};
use okuma_core::archive_query::ArchiveQuery;
use okuma_core::entry::EntryOutline;
use okuma_core::search::{PostingShard, SearchDoc, SearchIndex, TermDictionary};
use okuma_core::{
    layout, parse_file, CatalogPage, EntityTable, Entry, FacetIndex, FacetTable, Files,
    PeopleTable, Site,
};
use std::collections::BTreeSet;

/// Loads every file of `files` the app may fetch; the first that the app
/// would refuse (or that is missing) is the error.
pub(super) fn app_load(files: &Files) -> Result<(), String> {
    let get = |path: &str| files.get(path).ok_or_else(|| format!("{path}: missing"));
    let site = Site::from_json(get(layout::SITE)?).map_err(|e| format!("site.json: {e}"))?;
    // Catalog pages, and the entries their cards open.
    let mut slugs = BTreeSet::new();
    for language in &site.languages {
        for page in 1..=site.catalog.pages {
            let path = layout::catalog_page(&language.code, page);
            let page = CatalogPage::from_json(get(&path)?).map_err(|e| format!("{path}: {e}"))?;
            slugs.extend(page.entries.into_iter().map(|card| card.slug));
        }
    }
    let entities: EntityTable =
        parse_file(get(layout::ENTITIES)?).map_err(|e| format!("entities.json: {e}"))?;
    let _: PeopleTable =
        parse_file(get(layout::PEOPLE)?).map_err(|e| format!("people.json: {e}"))?;
    // An entity's explainer is a link to its entry.
    slugs.extend(
        entities
            .entities
            .values()
            .filter_map(|e| e.explainer.clone()),
    );
    for slug in &slugs {
        let path = layout::entry(slug);
        let entry = Entry::from_json(get(&path)?, &site).map_err(|e| format!("{path}: {e}"))?;
        for language in &site.languages {
            if EntryOutline::new(&site, &entry, language.code.as_str(), &[], None).is_none() {
                return Err(format!("{path}: no text to show in {}", language.code));
            }
        }
    }
    let table: FacetTable =
        parse_file(get(layout::FACETS)?).map_err(|e| format!("facets.json: {e}"))?;
    let facets = FacetIndex::new(&table);

    // Each language's search: the dictionary, every shard, the doc of
    // every entry a search can find.
    let mut indexes = Vec::new();
    for language in &site.languages {
        let lang = &language.code;
        let path = layout::search_terms(lang);
        let dictionary: TermDictionary =
            parse_file(get(&path)?).map_err(|e| format!("{path}: {e}"))?;
        dictionary
            .check_analysis()
            .map_err(|e| format!("{path}: {e}"))?;
        let first_term = dictionary.terms.first().cloned();
        let shards = dictionary.shards.len() as u32;
        let mut index = SearchIndex::new(dictionary);
        let mut findable = BTreeSet::new();
        for n in 0..shards {
            let path = layout::search_shard(lang, n);
            let shard: PostingShard =
                parse_file(get(&path)?).map_err(|e| format!("{path}: {e}"))?;
            findable.extend(shard.entries());
            index.add_shard(shard).map_err(|e| format!("{path}: {e}"))?;
        }
        for entry in findable {
            let path = layout::search_doc(lang, entry);
            let _: SearchDoc = parse_file(get(&path)?).map_err(|e| format!("{path}: {e}"))?;
        }
        indexes.push((lang.clone(), index, first_term));
    }

    // The archive in each language: browsing, and a search for the
    // language's first term in all languages; every card it shows, and
    // every doc it fetches ahead, must be there.
    for (reading, _, term) in &indexes {
        let mut queries = vec![ArchiveQuery::default()];
        if let Some(term) = term {
            let q = ("q".to_string(), term.clone());
            queries.push(ArchiveQuery::from_pairs([q, ("all".into(), "1".into())]));
        }
        for query in &queries {
            let plans: Vec<_> = indexes
                .iter()
                .filter(|_| query.has_text())
                .map(|(lang, index, _)| (lang, index, index.plan(&query.text)))
                .collect();
            let searches: Vec<LanguageSearch> = plans
                .iter()
                .map(|(lang, index, plan)| LanguageSearch {
                    lang: (*lang).clone(),
                    index,
                    plan,
                })
                .collect();
            let found = results(&ArchiveInput {
                entries: site.catalog.entries,
                page_size: site.catalog.page_size,
                reading,
                query,
                searches: &searches,
                facets: Some(&facets),
                shown: 20,
            });
            for shown in &found.shown {
                let path = match &shown.card {
                    CardSource::SearchDoc { lang, entry } => layout::search_doc(lang, *entry),
                    CardSource::CatalogPage { lang, page, .. } => layout::catalog_page(lang, *page),
                };
                get(&path)?;
            }
            for (lang, entry) in &found.upcoming {
                get(&layout::search_doc(lang, *entry))?;
            }
        }
    }
    Ok(())
}
