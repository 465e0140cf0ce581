//! `archive_query`: see okuma_cli::fuzz_checks::archive_query for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| okuma_cli::fuzz_checks::archive_query(data));
