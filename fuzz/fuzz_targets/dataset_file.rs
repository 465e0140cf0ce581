//! `dataset_file`: see okuma_cli::fuzz_checks::dataset_file for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| okuma_cli::fuzz_checks::dataset_file(data));
