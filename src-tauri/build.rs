//! Tauri's build step, and the check of the update settings fixed at build time (see `src/updater.rs`):
//! `JOBGATE_UPDATE_ENDPOINT` and `JOBGATE_UPDATE_PUBKEY` both or neither, an `https://` endpoint and a real
//! minisign public key — so a build never ships a placeholder.

const ENDPOINT: &str = "JOBGATE_UPDATE_ENDPOINT";
const PUBKEY: &str = "JOBGATE_UPDATE_PUBKEY";

fn main() {
    println!("cargo:rerun-if-env-changed={ENDPOINT}");
    println!("cargo:rerun-if-env-changed={PUBKEY}");
    if let Err(problem) = check_update_settings() {
        panic!("update settings: {problem}");
    }
    tauri_build::build()
}

fn check_update_settings() -> Result<(), String> {
    let get = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    let (endpoint, key) = match (get(ENDPOINT), get(PUBKEY)) {
        (None, None) => return Ok(()),
        (Some(e), Some(k)) => (e, k),
        _ => {
            return Err(format!(
                "set both {ENDPOINT} and {PUBKEY}, or neither (updates off)"
            ));
        }
    };
    let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"];
    if !endpoint.starts_with("https://") && !local.iter().any(|l| endpoint.starts_with(l)) {
        return Err(format!("{ENDPOINT} must be an https:// address"));
    }
    // The key is the base64 of a minisign public key file: a comment line, then the base64 of
    // "Ed" + an 8-byte key id + the 32-byte Ed25519 key.
    let text = decode(key.trim()).and_then(|b| String::from_utf8(b).ok());
    let key_line = text.as_deref().and_then(|t| t.lines().nth(1));
    match key_line.and_then(|l| decode(l.trim())) {
        Some(bin) if bin.len() == 42 && bin.starts_with(b"Ed") => Ok(()),
        _ => Err(format!(
            "{PUBKEY} is not a minisign public key (use the .pub file `tauri signer generate` writes)"
        )),
    }
}

/// Standard base64 with padding; `None` for anything else.
fn decode(s: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if s.is_empty() || !s.len().is_multiple_of(4) {
        return None;
    }
    let body = s.trim_end_matches('=');
    if s.len() - body.len() > 2 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in body.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}
