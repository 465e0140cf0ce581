//! `content_import`: see okuma_cli::fuzz_checks::content_import for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| okuma_cli::fuzz_checks::content_import(data));
