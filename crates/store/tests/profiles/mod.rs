//! People on one machine, against real files: one database per person, passcodes that encrypt at rest (the raw
//! bytes of every file in the data folder are searched for the person's details), the slow-down after wrong
//! passcodes, wipes that leave nothing readable, and the move from the single database of earlier releases.

use jobgate_core::{Cv, ErrorCode, JobGateError};
use jobgate_store::passcode::KdfParams;
use jobgate_store::profiles::{INDEX_FILE, Profiles};
use jobgate_store::{DB_FILE, Store, VersionSource};
use std::path::Path;
use std::sync::atomic::{AtomicI64, Ordering};

const EMAIL: &str = "salma.nasser@mailbox.test";
const PHONE: &str = "+20 100 555 7788";
const NAME: &str = "Salma Nasser";

fn person_cv() -> Cv {
    let mut cv = Cv::default();
    cv.personal_info.name = NAME.into();
    cv.personal_info.email = EMAIL.into();
    cv.personal_info.phone = PHONE.into();
    cv.summary = "Accountant with 6 years in audit".into();
    cv
}

fn profiles(dir: &Path) -> Profiles {
    Profiles::open(dir)
        .unwrap()
        .with_kdf(KdfParams::FAST_FOR_TESTS)
}

/// Adds the person's CV to their profile and closes it.
fn add_cv(profiles: &mut Profiles, name: &str, passcode: Option<&str>) {
    let mut store = profiles.open_store(name, passcode).unwrap();
    let owner = store.owner().unwrap();
    store
        .create_cv(owner, VersionSource::Import, &person_cv())
        .unwrap();
    store.set_setting(owner, "ui.lang", "ar").unwrap();
}

/// Every file under `dir` (database, WAL, shared memory, journals, index, anything else), as raw bytes.
fn all_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out
}

/// Where the person's details can be read in the raw files (UTF-8, and UTF-16 as SQLite may store text).
fn leaks(dir: &Path) -> Vec<String> {
    let digits: String = PHONE.chars().filter(char::is_ascii_digit).collect();
    let needles: Vec<Vec<u8>> = [EMAIL, NAME, digits.as_str(), "mailbox.test", "Nasser"]
        .iter()
        .flat_map(|s| {
            let utf16: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            [s.as_bytes().to_vec(), utf16]
        })
        .collect();
    let mut found = Vec::new();
    for (path, bytes) in all_bytes(dir) {
        for n in &needles {
            if bytes.windows(n.len()).any(|w| w == n.as_slice()) {
                found.push(format!("{path}: {}", String::from_utf8_lossy(n)));
            }
        }
    }
    found
}

fn code(e: JobGateError) -> ErrorCode {
    e.code()
}

#[test]
fn each_person_has_their_own_database_and_never_sees_another() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profiles(dir.path());
    p.create("Amal", None).unwrap();
    p.create("Badr", None).unwrap();
    add_cv(&mut p, "amal", None); // names compare case-insensitively

    let mut badr = p.open_store("Badr", None).unwrap();
    let owner = badr.owner().unwrap();
    assert!(badr.cvs(owner).unwrap().is_empty());
    assert!(badr.history(owner).unwrap().analyses.is_empty());
    drop(badr);
    let mut amal = p.open_store("Amal", None).unwrap();
    let owner = amal.owner().unwrap();
    assert_eq!(amal.cvs(owner).unwrap().len(), 1);

    let names: Vec<_> = p.list().unwrap().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["Amal", "Badr"]);
    assert_eq!(
        code(p.create("AMAL", None).unwrap_err()),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(p.open_store("Nobody", None).err().unwrap()),
        ErrorCode::ProfileNotFound
    );
}

#[test]
fn a_locked_profile_is_unreadable_on_disk_and_needs_its_passcode() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profiles(dir.path());
    p.create("Salma", Some("سر-2468")).unwrap();
    add_cv(&mut p, "Salma", Some("سر-2468"));
    // A second, unlocked person proves the search would find plain text.
    p.create("Open", None).unwrap();
    let mut open = p.open_store("Open", None).unwrap();
    let o = open.owner().unwrap();
    open.create_cv(o, VersionSource::Import, &person_cv())
        .unwrap();
    drop(open);
    assert!(!leaks(dir.path()).is_empty(), "the search finds plain text");
    p.wipe("Open").unwrap();
    drop(p);

    let found = leaks(dir.path());
    assert!(found.is_empty(), "readable while locked: {found:?}");

    let mut p = profiles(dir.path());
    assert!(p.list().unwrap()[0].locked);
    assert_eq!(
        code(p.open_store("Salma", None).err().unwrap()),
        ErrorCode::ProfileLocked
    );
    assert_eq!(
        code(p.open_store("Salma", Some("wrong")).err().unwrap()),
        ErrorCode::WrongPasscode
    );
    let mut store = p.open_store("Salma", Some("سر-2468")).unwrap();
    let owner = store.owner().unwrap();
    let cvs = store.cvs(owner).unwrap();
    assert_eq!(cvs.len(), 1);
    assert_eq!(
        store.setting(owner, "ui.lang").unwrap().as_deref(),
        Some("ar")
    );
    // Written while open, still unreadable on disk (WAL included).
    store
        .create_cv(owner, VersionSource::Builder, &person_cv())
        .unwrap();
    let found = leaks(dir.path());
    assert!(found.is_empty(), "readable while open: {found:?}");
}

static NOW: AtomicI64 = AtomicI64::new(1_000_000);
fn test_clock() -> i64 {
    NOW.load(Ordering::SeqCst)
}

#[test]
fn wrong_passcodes_are_slowed_down_after_five_in_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profiles(dir.path()).with_clock(test_clock);
    p.create("Huda", Some("1234")).unwrap();
    for i in 1..=4 {
        match p.open_store("Huda", Some("0000")).err().unwrap() {
            JobGateError::WrongPasscode {
                failures,
                wait_seconds,
            } => assert_eq!((failures, wait_seconds), (i, 0)),
            e => panic!("{e:?}"),
        }
    }
    match p.open_store("Huda", Some("0000")).err().unwrap() {
        JobGateError::WrongPasscode { wait_seconds, .. } => assert_eq!(wait_seconds, 30),
        e => panic!("{e:?}"),
    }
    // During the wait even the right passcode is refused, and the answer says how long is left.
    NOW.fetch_add(10, Ordering::SeqCst);
    let e = p.open_store("Huda", Some("1234")).err().unwrap();
    let resp = e.to_response(jobgate_core::Lang::En);
    assert_eq!(resp.error_code, "WRONG_PASSCODE");
    assert_eq!(resp.details["wait_seconds"], 20);
    assert!(resp.error.contains("20 seconds"), "{}", resp.error);
    // The count is kept in the index: a new handle (another process) waits too.
    let mut again = profiles(dir.path()).with_clock(test_clock);
    assert!(again.open_store("Huda", Some("1234")).is_err());
    NOW.fetch_add(21, Ordering::SeqCst);
    again.open_store("Huda", Some("1234")).unwrap();
    // A right passcode starts the count again.
    match again.open_store("Huda", Some("0000")).err().unwrap() {
        JobGateError::WrongPasscode { failures, .. } => assert_eq!(failures, 1),
        e => panic!("{e:?}"),
    }
}

#[test]
fn setting_changing_and_removing_a_passcode_keep_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profiles(dir.path());
    p.create("Omar", None).unwrap();
    add_cv(&mut p, "Omar", None);
    assert!(!leaks(dir.path()).is_empty());

    p.set_passcode("Omar", None, "first-1").unwrap();
    let found = leaks(dir.path());
    assert!(found.is_empty(), "plain copy left behind: {found:?}");
    assert_eq!(
        code(p.open_store("Omar", None).err().unwrap()),
        ErrorCode::ProfileLocked
    );

    // Changing needs the current passcode.
    assert_eq!(
        code(
            p.set_passcode("Omar", Some("nope"), "second-2")
                .unwrap_err()
        ),
        ErrorCode::WrongPasscode
    );
    p.set_passcode("Omar", Some("first-1"), "second-2").unwrap();
    assert_eq!(
        code(p.open_store("Omar", Some("first-1")).err().unwrap()),
        ErrorCode::WrongPasscode
    );
    let mut store = p.open_store("Omar", Some("second-2")).unwrap();
    let owner = store.owner().unwrap();
    assert_eq!(store.cvs(owner).unwrap().len(), 1);
    drop(store);

    p.remove_passcode("Omar", "second-2").unwrap();
    assert!(!p.find("Omar").unwrap().locked);
    let mut store = p.open_store("Omar", None).unwrap();
    let owner = store.owner().unwrap();
    assert_eq!(store.cvs(owner).unwrap().len(), 1);
    assert_eq!(
        store.setting(owner, "ui.lang").unwrap().as_deref(),
        Some("ar")
    );
}

#[test]
fn a_wipe_leaves_nothing_readable() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profiles(dir.path());
    p.create("Salma", None).unwrap();
    add_cv(&mut p, "Salma", None);
    p.create("Keep", None).unwrap();
    assert!(!leaks(dir.path()).is_empty());
    p.wipe("Salma").unwrap();
    let found = leaks(dir.path());
    assert!(found.is_empty(), "left after the wipe: {found:?}");
    let names: Vec<_> = p.list().unwrap().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["Keep"]);
    // Only Keep's database and the index are left.
    let files: Vec<_> = all_bytes(dir.path()).into_iter().map(|(p, _)| p).collect();
    assert!(
        files
            .iter()
            .all(|f| f.ends_with(INDEX_FILE) || f.contains(&p.find("Keep").unwrap().id)),
        "{files:?}"
    );
}

#[test]
fn the_single_database_of_earlier_releases_becomes_one_profile_per_person() {
    let dir = tempfile::tempdir().unwrap();
    let legacy = dir.path().join(DB_FILE);
    {
        // What the current release writes: one file, profiles as rows.
        let mut old = Store::open(&legacy).unwrap();
        let default = old.default_profile().unwrap();
        let amal = old.profile("amal").unwrap();
        for (p, n) in [(default, 2), (amal, 1)] {
            for _ in 0..n {
                old.create_cv(p, VersionSource::Import, &person_cv())
                    .unwrap();
            }
            old.set_setting(p, "ui.lang", "ar").unwrap();
        }
    }
    let mut p = profiles(dir.path());
    assert!(!legacy.exists(), "the old file is gone once moved");
    let names: Vec<_> = p.list().unwrap().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["amal", "default"]);
    for (name, cvs) in [("default", 2), ("amal", 1)] {
        let mut store = p.open_store(name, None).unwrap();
        let owner = store.owner().unwrap();
        assert_eq!(store.cvs(owner).unwrap().len(), cvs, "{name}");
        assert_eq!(
            store.setting(owner, "ui.lang").unwrap().as_deref(),
            Some("ar")
        );
        assert_eq!(
            store.profiles().unwrap().len(),
            1,
            "{name}: only their own row"
        );
    }
    // Opening again changes nothing.
    drop(p);
    let p = profiles(dir.path());
    assert_eq!(p.list().unwrap().len(), 2);
}

#[test]
fn a_version_1_database_moves_into_the_default_profile() {
    let dir = tempfile::tempdir().unwrap();
    rusqlite::Connection::open(dir.path().join(DB_FILE))
        .unwrap()
        .execute_batch(include_str!("../fixtures/v1.sql"))
        .unwrap();
    let mut p = profiles(dir.path());
    let mut store = p.open_store("default", None).unwrap();
    let owner = store.owner().unwrap();
    let versions = store.versions(store.cvs(owner).unwrap()[0].id).unwrap();
    assert_eq!(
        versions[0].structured_data.personal_info.name,
        "Layla Haddad"
    );
}

#[test]
fn a_key_change_cut_short_by_a_crash_is_finished_or_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = profiles(dir.path());
    let entry = p.create("Rana", None).unwrap();
    add_cv(&mut p, "Rana", None);
    drop(p);
    // A crash while the encrypted copy was being written: a half copy next to the database.
    let half = dir
        .path()
        .join("profiles")
        .join(format!("{}.sqlite3.new", entry.id));
    std::fs::write(&half, b"half a copy").unwrap();
    let mut p = profiles(dir.path());
    assert!(!half.exists(), "the half copy is removed");
    let mut store = p.open_store("Rana", None).unwrap();
    let owner = store.owner().unwrap();
    assert_eq!(store.cvs(owner).unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut p = profiles(&data);
    p.create("Amal", None).unwrap();
    add_cv(&mut p, "Amal", None);
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("profiles")), 0o700);
    for (f, _) in all_bytes(&data) {
        assert_eq!(mode(Path::new(&f)), 0o600, "{f}");
    }
}

#[test]
fn a_profile_moves_to_another_machine_in_one_encrypted_file() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("profile.jobgate");
    let mut p = profiles(here.path());
    // The profile is called by the person's full name: the file must not show it either.
    p.create(NAME, Some("own-1234")).unwrap();
    add_cv(&mut p, NAME, Some("own-1234"));
    assert_eq!(
        code(p.export_to(NAME, None, "file-5678", &file).unwrap_err()),
        ErrorCode::ProfileLocked
    );
    p.export_to(NAME, Some("own-1234"), "file-5678", &file)
        .unwrap();
    assert!(leaks(out.path()).is_empty(), "{:?}", leaks(out.path()));
    let raw = std::fs::read(&file).unwrap();
    assert!(raw.starts_with(b"JOBGATE-PROFILE-2\n"));
    assert_eq!(
        code(
            p.export_to(NAME, Some("own-1234"), "file-5678", &file)
                .unwrap_err()
        ),
        ErrorCode::FileExists
    );

    let mut q = profiles(there.path());
    assert_eq!(
        code(q.import_from(&file, "wrong-000", None).unwrap_err()),
        ErrorCode::WrongPasscode
    );
    assert!(
        q.list().unwrap().is_empty(),
        "a wrong passcode brings nothing in"
    );
    let entry = q.import_from(&file, "file-5678", None).unwrap();
    assert_eq!((entry.name.as_str(), entry.locked), (NAME, true));
    let mut store = q.open_store(NAME, Some("file-5678")).unwrap();
    let owner = store.owner().unwrap();
    assert_eq!(store.cvs(owner).unwrap().len(), 1);
    assert_eq!(
        store.setting(owner, "ui.lang").unwrap().as_deref(),
        Some("ar")
    );
    drop(store);
    // The index names the people on the picker (by design); their databases stay encrypted.
    let databases = there.path().join("profiles");
    assert!(leaks(&databases).is_empty(), "{:?}", leaks(&databases));
    // The same file again needs another name (known only once the file is open).
    assert_eq!(
        code(q.import_from(&file, "file-5678", None).unwrap_err()),
        ErrorCode::InvalidInput
    );
    q.import_from(&file, "file-5678", Some("Salma (copy)"))
        .unwrap();
    assert_eq!(q.list().unwrap().len(), 2);
    // Not a profile file.
    let junk = out.path().join("junk");
    std::fs::write(&junk, b"%PDF-1.7 not a profile").unwrap();
    assert_eq!(
        code(q.import_from(&junk, "file-5678", None).unwrap_err()),
        ErrorCode::CorruptedFile
    );
}

/// Files of format 1 (earlier releases: the name in the plain header) are still brought in.
#[test]
fn a_profile_file_of_format_1_is_still_read() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("new.jobgate");
    let mut p = profiles(here.path());
    p.create("Rana", None).unwrap();
    add_cv(&mut p, "Rana", None);
    p.export_to("Rana", None, "file-5678", &file).unwrap();
    // Rewritten as format 1: magic 1, the name beside the key parameters, the same encrypted database.
    let raw = std::fs::read(&file).unwrap();
    let rest = raw.strip_prefix(b"JOBGATE-PROFILE-2\n".as_slice()).unwrap();
    let end = rest.iter().position(|b| *b == b'\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_slice(&rest[..end]).unwrap();
    assert_eq!(header.as_object().unwrap().len(), 1, "{header}");
    header["name"] = "Rana Old".into();
    let mut v1 = b"JOBGATE-PROFILE-1\n".to_vec();
    v1.extend_from_slice(header.to_string().as_bytes());
    v1.push(b'\n');
    v1.extend_from_slice(&rest[end + 1..]);
    let old = out.path().join("old.jobgate");
    std::fs::write(&old, v1).unwrap();

    let mut q = profiles(there.path());
    let entry = q.import_from(&old, "file-5678", None).unwrap();
    assert_eq!(entry.name, "Rana Old");
    let mut store = q.open_store("Rana Old", Some("file-5678")).unwrap();
    let owner = store.owner().unwrap();
    assert_eq!(store.cvs(owner).unwrap().len(), 1);
}
