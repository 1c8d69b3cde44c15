//! The long run of the convergence property (tests/backup_convergence.rs):
//!
//! ```text
//! cargo run -p sotay-domain --release --example convergence -- --cases 1000000
//! ```
//!
//! Each case: three phones with clocks up to six hours apart take up to 60 random steps
//! (edits, deletions, undos, whole and one-year exports, imports by merge or by replace
//! then undo), then every phone merges every other's latest full file; the three must
//! hold the same data, and no record whose latest event is a deletion may be held.
//! Cases are numbered from `--seed` (default 1), so a failure prints a case that can be
//! run again alone (`--seed N --cases 1`). Prints the time taken and what was done.

#[path = "../tests/convergence/sim.rs"]
mod sim;

use std::time::Instant;

fn argument(name: &str, default: u64) -> u64 {
    let arguments: Vec<String> = std::env::args().collect();
    arguments
        .iter()
        .position(|argument| argument == name)
        .and_then(|at| arguments.get(at + 1))
        .and_then(|value| value.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() {
    let cases = argument("--cases", 10_000);
    let first_seed = argument("--seed", 1);
    let started = Instant::now();
    let mut total = sim::Counts::default();
    for case in 0..cases {
        let seed = first_seed + case;
        let mut choose = sim::Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let steps = 1 + choose.below(60);
        let skew_hours = choose.below(7) as i64;
        let mut world = sim::World::new(seed, skew_hours);
        for _ in 0..steps {
            world.step();
        }
        world.settle();
        if let Err(problem) = world.check_converged() {
            eprintln!(
                "case --seed {seed} --cases 1 (steps {steps}, clocks up to {skew_hours} h apart) did not converge:\n{problem}"
            );
            std::process::exit(1);
        }
        let counts = world.counts;
        total.edits += counts.edits;
        total.deletions += counts.deletions;
        total.undos += counts.undos;
        total.exports += counts.exports;
        total.merges += counts.merges;
        total.replaces += counts.replaces;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{cases} cases converged in {seconds:.1} s ({:.0} cases/s): {} edits, {} deletions, {} undos, {} exports, {} merges, {} replaces undone (plus 6 full merges a case)",
        cases as f64 / seconds.max(1e-9),
        total.edits,
        total.deletions,
        total.undos,
        total.exports,
        total.merges,
        total.replaces
    );
}
