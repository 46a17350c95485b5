//! Checks the real OS keychain: save, load, delete and load again a dummy key for profile `jobgate-keychain-check`.
//! On Linux run it inside a Secret Service session, e.g.
//! `dbus-run-session -- bash -c 'echo -n ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
//! cargo run -p jobgate-ai --example keychain_roundtrip'`. Exits 1 on any failure.

use jobgate_ai::keys::{KeyStore, Keychain};

fn main() {
    let profile = "jobgate-keychain-check";
    let result = (|| {
        let keys = Keychain::os()?;
        keys.save_api_key(profile, "sk-dummy-not-a-real-key")?;
        let loaded = keys.load_api_key(profile)?;
        keys.delete_api_key(profile)?;
        let after = keys.load_api_key(profile)?;
        Ok::<_, jobgate_core::JobGateError>((loaded, after))
    })();
    match result {
        Ok((Some(k), None)) if k == "sk-dummy-not-a-real-key" => {
            println!("keychain round-trip: OK")
        }
        Ok(other) => {
            eprintln!(
                "keychain round-trip: unexpected state {:?}",
                (other.0.is_some(), other.1.is_some())
            );
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("keychain round-trip failed: {e}");
            std::process::exit(1);
        }
    }
}
