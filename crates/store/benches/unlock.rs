//! Unlocking a person's profile (target: well under a second, DESIGN §7 / issue 15): Argon2id with the
//! parameters new passcodes get, then SQLCipher opening and checking the database. Opening a profile without a
//! passcode is measured beside it, and the key derivation alone.

use criterion::{Criterion, criterion_group, criterion_main};
use jobgate_store::passcode::{KdfParams, Key};
use jobgate_store::profiles::Profiles;
use std::hint::black_box;

fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut profiles = Profiles::open(dir.path()).expect("profiles");
    profiles
        .create("Locked", Some("bench-passcode-1"))
        .expect("locked profile");
    profiles.create("Open", None).expect("plain profile");
    let mut group = c.benchmark_group("profiles");
    group.sample_size(20);
    group.bench_function("unlock (Argon2id 64 MiB x3 + SQLCipher open)", |b| {
        b.iter(|| {
            black_box(
                profiles
                    .open_store("Locked", Some("bench-passcode-1"))
                    .expect("unlock"),
            )
        })
    });
    group.bench_function("key derivation alone", |b| {
        b.iter(|| {
            black_box(
                Key::derive("bench-passcode-1", b"0123456789abcdef", KdfParams::DEFAULT)
                    .expect("key"),
            )
        })
    });
    group.bench_function("open a profile without a passcode", |b| {
        b.iter(|| black_box(profiles.open_store("Open", None).expect("open")))
    });
    group.finish();
}

criterion_group!(benches, unlock);
criterion_main!(benches);
