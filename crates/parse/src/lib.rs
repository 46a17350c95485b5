//! See Cargo.toml description; this crate is being written.
