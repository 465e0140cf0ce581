//! `search_query`: see okuma_cli::fuzz_checks::search_query for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| okuma_cli::fuzz_checks::search_query(data));
