//! Shared by the benchmarks: the generated database.

pub mod generate;
