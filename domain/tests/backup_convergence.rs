//! The guarantee of issue 12 as a property: three phones that edit, delete and undo
//! (members, meetings, handbook marks, dues profiles and dues payments),
//! export whole or one-year files and exchange them in any order and direction (merge,
//! or replace then undo), with clocks up to six hours apart, hold identical data once
//! every phone has merged every other's latest full file, and no record whose latest
//! event is a deletion is held anywhere. 64 cases of up to 60 steps here; the long run is
//! `cargo run -p sotay-domain --release --example convergence -- --cases 1000000`.

#[path = "convergence/sim.rs"]
mod sim;

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn three_phones_exchanging_files_converge(seed in any::<u64>(), steps in 1usize..60, skew_hours in 0i64..=6) {
        let mut world = sim::World::new(seed, skew_hours);
        for _ in 0..steps {
            world.step();
        }
        world.settle();
        prop_assert_eq!(world.check_converged(), Ok(()));
    }
}
