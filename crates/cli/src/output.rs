//! Printing shared by the subcommands: JSON on stdout, errors as the error JSON or as a message
//! with the suggested action, and the language option.

use jobgate_core::{JobGateError, Lang};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// Parses `--lang` values (`en`, `ar`).
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| {
        jobgate_core::Phrase::new("reason-unknown-language")
            .cv("code", s)
            .plain(Lang::En)
    })
}

/// Prints `value` as one line of JSON on stdout and flushes (for line-by-line consumers).
pub fn print_json<T: Serialize>(value: &T) {
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer(&mut out, value);
    let _ = writeln!(out);
    let _ = out.flush();
}

/// Prints `value` as indented JSON on stdout.
pub fn print_json_pretty<T: Serialize>(value: &T) {
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer_pretty(&mut out, value);
    let _ = writeln!(out);
}

/// Reports an error (JSON on stdout with `--json`, else a message and the suggested action on stderr); exit code 1.
pub fn fail(err: &JobGateError, lang: Lang, json: bool) -> ExitCode {
    let resp = err.to_response(lang);
    if json {
        print_json_pretty(&resp);
    } else {
        // A terminal is not a bidi renderer: no invisible isolation characters.
        let (error, action) = err.to_plain(lang);
        eprintln!("{error} [{}]", resp.error_code);
        eprintln!("→ {action}");
    }
    ExitCode::from(1)
}
