//! Several machines of one account at once: concurrent pushes, and a new machine restoring everything.

use crate::support::{client, fast, harness, replica_of};
use jobgate_sync::{LocalReplica, MemoryReplica, Options, SystemClock, sync_once};
use std::collections::{BTreeMap, HashSet};
use std::time::Duration;
use uuid::Uuid;

const T: Duration = Duration::from_secs(20);

#[test]
fn two_machines_push_at_once_and_a_third_restores_everything_page_by_page() {
    let h = harness();
    let key = h.account();
    let profile = Uuid::new_v4();
    let (a, b) = (replica_of(profile, 160), replica_of(profile, 160));
    let small_batches = Options {
        max_changes: 20,
        ..fast()
    };
    let handles: Vec<_> = [a, b]
        .into_iter()
        .map(|mut r| {
            let (url, key, options) = (h.url.clone(), key.clone(), small_batches.clone());
            std::thread::spawn(move || {
                let report =
                    sync_once(&client(&url, &key, T), &mut r, &options, &SystemClock).unwrap();
                assert_eq!((report.pushed, report.pending), (160, 0));
                r
            })
        })
        .collect();
    let [a, b]: [MemoryReplica; 2] = handles
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect::<Vec<_>>()
        .try_into()
        .unwrap();

    let mut c = MemoryReplica::new(profile);
    let paged = Options {
        pull_limit: Some(17),
        ..fast()
    };
    let report = sync_once(&client(&h.url, &key, T), &mut c, &paged, &SystemClock).unwrap();
    assert_eq!(report.pulled, 320, "every change of both machines, once");
    let mut union: BTreeMap<_, _> = a.records().clone();
    union.extend(b.records().clone());
    assert_eq!(c.records(), &union);
    assert!(c.cursor().unwrap().is_some());

    // The first two catch up with each other and then all three hold the same.
    let mut all = vec![a, b, c];
    for r in &mut all {
        sync_once(&client(&h.url, &key, T), r, &paged, &SystemClock).unwrap();
    }
    assert_eq!(all[0].records(), all[2].records());
    assert_eq!(all[1].records(), all[2].records());
    let ids: HashSet<_> = all[2].records().values().map(|c| c.change_id).collect();
    assert_eq!(ids.len(), all[2].records().len());
}
