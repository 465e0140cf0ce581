fn main() {
    let args: Vec<String> = std::env::args().collect();
    let target = &args[1];
    let dir = std::path::Path::new(&args[2]);
    let check = okuma_cli::fuzz_checks::TARGETS
        .iter()
        .find(|(n, _)| n == target)
        .unwrap()
        .1;
    let inputs: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|f| std::fs::read(f.path()).unwrap())
        .collect();
    check(&inputs[0]);
    let start = std::time::Instant::now();
    let mut n = 0;
    while start.elapsed().as_secs_f64() < 3.0 {
        for i in &inputs {
            check(i);
            n += 1;
        }
    }
    println!(
        "{target}: {} inputs, {:.0} exec/s",
        inputs.len(),
        n as f64 / start.elapsed().as_secs_f64()
    );
}
