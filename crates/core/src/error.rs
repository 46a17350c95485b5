//! One error type for every failure a user can cause; its variants are the error codes of DESIGN §2.
//!
//! [`JobGateError::to_response`] is the one place that turns an error into the error JSON, with the
//! message and suggested action taken from the Fluent files in the user's language.

use crate::contract::ErrorResponse;
use crate::i18n::Lang;
use crate::phrase::{Arg, Phrase};
use serde_json::{Value, json};

/// Upload limit from the seed guide.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Stable error codes (the `error_code` field). Never rename one: the UI, sync and outside tests use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    FileTooLarge,
    UnsupportedFileType,
    CorruptedFile,
    EncryptedFile,
    NoTextFound,
    FileNotFound,
    FileExists,
    InvalidInput,
    AiUnavailable,
    SessionNotFound,
    ExportFailed,
    TemplateNotFound,
    StorageError,
    SyncFailed,
    ProfileLocked,
    WrongPasscode,
    ProfileNotFound,
    UpdateFailed,
    OcrUnavailable,
    /// The person stopped the work (an import's Cancel): not a failure, the UI says it stopped.
    Cancelled,
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 21] = [
        ErrorCode::FileTooLarge,
        ErrorCode::UnsupportedFileType,
        ErrorCode::CorruptedFile,
        ErrorCode::EncryptedFile,
        ErrorCode::NoTextFound,
        ErrorCode::FileNotFound,
        ErrorCode::FileExists,
        ErrorCode::InvalidInput,
        ErrorCode::AiUnavailable,
        ErrorCode::SessionNotFound,
        ErrorCode::ExportFailed,
        ErrorCode::TemplateNotFound,
        ErrorCode::StorageError,
        ErrorCode::SyncFailed,
        ErrorCode::ProfileLocked,
        ErrorCode::WrongPasscode,
        ErrorCode::ProfileNotFound,
        ErrorCode::UpdateFailed,
        ErrorCode::OcrUnavailable,
        ErrorCode::Cancelled,
        ErrorCode::Internal,
    ];

    /// The `error_code` string, e.g. `FILE_TOO_LARGE`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::FileTooLarge => "FILE_TOO_LARGE",
            ErrorCode::UnsupportedFileType => "UNSUPPORTED_FILE_TYPE",
            ErrorCode::CorruptedFile => "CORRUPTED_FILE",
            ErrorCode::EncryptedFile => "ENCRYPTED_FILE",
            ErrorCode::NoTextFound => "NO_TEXT_FOUND",
            ErrorCode::FileNotFound => "FILE_NOT_FOUND",
            ErrorCode::FileExists => "FILE_EXISTS",
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::AiUnavailable => "AI_UNAVAILABLE",
            ErrorCode::SessionNotFound => "SESSION_NOT_FOUND",
            ErrorCode::ExportFailed => "EXPORT_FAILED",
            ErrorCode::TemplateNotFound => "TEMPLATE_NOT_FOUND",
            ErrorCode::StorageError => "STORAGE_ERROR",
            ErrorCode::SyncFailed => "SYNC_FAILED",
            ErrorCode::ProfileLocked => "PROFILE_LOCKED",
            ErrorCode::WrongPasscode => "WRONG_PASSCODE",
            ErrorCode::ProfileNotFound => "PROFILE_NOT_FOUND",
            ErrorCode::UpdateFailed => "UPDATE_FAILED",
            ErrorCode::OcrUnavailable => "OCR_UNAVAILABLE",
            ErrorCode::Cancelled => "CANCELLED",
            ErrorCode::Internal => "INTERNAL_ERROR",
        }
    }

    /// The Fluent message id stem, e.g. `error-file-too-large` (`-action` is appended for the suggested action).
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str().to_lowercase().replace('_', "-"))
    }
}

/// Why an update was refused or could not be had (`details.kind` of `UPDATE_FAILED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateKind {
    /// Tampered, signed with another key, or signed for no version.
    Signature,
    /// Not newer than the version installed.
    Downgrade,
    /// The server is down, or this computer is offline.
    Unreachable,
    /// The server's answer is not an update.
    Invalid,
    /// Verified, but the installer failed.
    Install,
    /// The machine's policy turns updates off.
    Policy,
    /// Built without an update server.
    Off,
    /// No update was found to install.
    Nothing,
}

impl UpdateKind {
    pub const ALL: [UpdateKind; 8] = [
        UpdateKind::Signature,
        UpdateKind::Downgrade,
        UpdateKind::Unreachable,
        UpdateKind::Invalid,
        UpdateKind::Install,
        UpdateKind::Policy,
        UpdateKind::Off,
        UpdateKind::Nothing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UpdateKind::Signature => "signature",
            UpdateKind::Downgrade => "downgrade",
            UpdateKind::Unreachable => "unreachable",
            UpdateKind::Invalid => "invalid",
            UpdateKind::Install => "install",
            UpdateKind::Policy => "policy",
            UpdateKind::Off => "off",
            UpdateKind::Nothing => "nothing",
        }
    }
}

/// Every failure a user can cause. `Display` is the English message for logs; users see [`Self::to_response`].
/// Serializable so a bounded worker process can hand its failure to the front end unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum JobGateError {
    #[error("file is too large: {actual_bytes} bytes, the limit is {max_bytes}")]
    FileTooLarge { max_bytes: u64, actual_bytes: u64 },
    #[error("unsupported file type: {detected}")]
    UnsupportedFileType { detected: String },
    #[error("the file is damaged: {reason}")]
    CorruptedFile { reason: String },
    /// A file stopped by the bounded reader: it took longer, or needed more memory or stack, than any
    /// CV does (`limit`: `time`, `memory`, `stack` or `crash`). Reported as `CORRUPTED_FILE`.
    #[error("reading the file was stopped at its {limit} limit: {reason}")]
    OverLimit { limit: String, reason: String },
    #[error("the file is protected by a password")]
    EncryptedFile,
    #[error("no text found, not even by OCR (blank pages?)")]
    NoTextFound { pages: u32 },
    #[error("file not found: {path}")]
    FileNotFound { path: String },
    #[error("file already exists: {path}")]
    FileExists { path: String },
    #[error("invalid input ({field}): {reason}")]
    InvalidInput { field: String, reason: String },
    #[error("AI unavailable: {reason}")]
    AiUnavailable { reason: String },
    #[error("builder session not found: {session_id}")]
    SessionNotFound { session_id: String },
    #[error("export failed: {reason}")]
    ExportFailed { reason: String },
    #[error("template not found: {name}")]
    TemplateNotFound {
        name: String,
        available: Vec<String>,
    },
    #[error("storage error: {reason}")]
    StorageError { reason: String },
    #[error("sync failed: {reason}")]
    SyncFailed { reason: String },
    #[error("profile '{profile}' is locked: its passcode is needed")]
    ProfileLocked { profile: String },
    #[error("wrong passcode ({failures} in a row; next try in {wait_seconds} s)")]
    WrongPasscode { failures: u32, wait_seconds: u64 },
    #[error("no profile called '{profile}'")]
    ProfileNotFound { profile: String },
    /// An update that was refused or could not be had (see [`UpdateKind`]). `version`: the version
    /// offered, when known.
    #[error("update refused ({}): {reason}", kind.as_str())]
    UpdateFailed {
        kind: UpdateKind,
        reason: String,
        version: String,
    },
    /// A scanned page or a photo needs OCR (Tesseract), and it is not installed or did not run.
    #[error("OCR is not available: {reason}")]
    OcrUnavailable { reason: String },
    /// The person stopped the work before it finished (nothing of it was saved).
    #[error("stopped by the user")]
    Cancelled,
    #[error("internal error: {reason}")]
    Internal { reason: String },
}

pub type Result<T, E = JobGateError> = std::result::Result<T, E>;

/// A file size in the reader's unit (`size-megabytes`, `size-kilobytes`), as [`human_size`] rounds it.
fn size_phrase(bytes: u64) -> Phrase {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        Phrase::new("size-megabytes").value("n", (mb * 10.0).round() / 10.0)
    } else {
        Phrase::new("size-kilobytes").value("n", (bytes as f64 / 1024.0).ceil())
    }
}

fn human_size(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{}MB", (mb * 10.0).round() / 10.0)
    } else {
        format!("{}KB", (bytes as f64 / 1024.0).ceil())
    }
}

impl JobGateError {
    pub fn code(&self) -> ErrorCode {
        match self {
            JobGateError::FileTooLarge { .. } => ErrorCode::FileTooLarge,
            JobGateError::UnsupportedFileType { .. } => ErrorCode::UnsupportedFileType,
            JobGateError::CorruptedFile { .. } | JobGateError::OverLimit { .. } => {
                ErrorCode::CorruptedFile
            }
            JobGateError::EncryptedFile => ErrorCode::EncryptedFile,
            JobGateError::NoTextFound { .. } => ErrorCode::NoTextFound,
            JobGateError::FileNotFound { .. } => ErrorCode::FileNotFound,
            JobGateError::FileExists { .. } => ErrorCode::FileExists,
            JobGateError::InvalidInput { .. } => ErrorCode::InvalidInput,
            JobGateError::AiUnavailable { .. } => ErrorCode::AiUnavailable,
            JobGateError::SessionNotFound { .. } => ErrorCode::SessionNotFound,
            JobGateError::ExportFailed { .. } => ErrorCode::ExportFailed,
            JobGateError::TemplateNotFound { .. } => ErrorCode::TemplateNotFound,
            JobGateError::StorageError { .. } => ErrorCode::StorageError,
            JobGateError::SyncFailed { .. } => ErrorCode::SyncFailed,
            JobGateError::ProfileLocked { .. } => ErrorCode::ProfileLocked,
            JobGateError::WrongPasscode { .. } => ErrorCode::WrongPasscode,
            JobGateError::ProfileNotFound { .. } => ErrorCode::ProfileNotFound,
            JobGateError::UpdateFailed { .. } => ErrorCode::UpdateFailed,
            JobGateError::OcrUnavailable { .. } => ErrorCode::OcrUnavailable,
            JobGateError::Cancelled => ErrorCode::Cancelled,
            JobGateError::Internal { .. } => ErrorCode::Internal,
        }
    }

    /// Machine-readable facts about the failure (the `details` object). Never holds secrets.
    pub fn details(&self) -> Value {
        match self {
            JobGateError::FileTooLarge {
                max_bytes,
                actual_bytes,
            } => json!({
                "max_size": human_size(*max_bytes), "your_size": human_size(*actual_bytes),
                "max_bytes": max_bytes, "your_bytes": actual_bytes,
            }),
            JobGateError::UnsupportedFileType { detected } => {
                json!({"detected": detected, "supported": ["PDF", "DOCX", "PNG", "JPEG", "TIFF"]})
            }
            JobGateError::CorruptedFile { reason }
            | JobGateError::InvalidInput { reason, .. }
            | JobGateError::AiUnavailable { reason }
            | JobGateError::ExportFailed { reason }
            | JobGateError::StorageError { reason }
            | JobGateError::SyncFailed { reason }
            | JobGateError::OcrUnavailable { reason }
            | JobGateError::Internal { reason } => match self {
                JobGateError::InvalidInput { field, .. } => {
                    json!({"field": field, "reason": reason})
                }
                _ => json!({ "reason": reason }),
            },
            JobGateError::OverLimit { limit, reason } => {
                json!({ "limit": limit, "reason": reason })
            }
            JobGateError::EncryptedFile | JobGateError::Cancelled => json!({}),
            JobGateError::NoTextFound { pages } => json!({ "pages": pages }),
            JobGateError::FileNotFound { path } | JobGateError::FileExists { path } => {
                json!({ "path": path })
            }
            JobGateError::SessionNotFound { session_id } => json!({ "session_id": session_id }),
            JobGateError::ProfileLocked { profile } | JobGateError::ProfileNotFound { profile } => {
                json!({ "profile": profile })
            }
            JobGateError::WrongPasscode {
                failures,
                wait_seconds,
            } => json!({
                "failures": failures, "wait_seconds": wait_seconds,
                "must_wait": if *wait_seconds > 0 { "yes" } else { "no" },
            }),
            JobGateError::TemplateNotFound { name, available } => {
                json!({"template": name, "available": available})
            }
            JobGateError::UpdateFailed {
                kind,
                reason,
                version,
            } => json!({ "kind": kind.as_str(), "reason": reason, "version": version }),
        }
    }

    /// The Fluent message id stem: the code's, or a more precise one where a variant has its own.
    fn message_id(&self) -> String {
        match self {
            JobGateError::OverLimit { .. } => "error-over-limit".into(),
            _ => self.code().message_id(),
        }
    }

    /// The message as a code with arguments: `details` as Fluent arguments, the person's own words
    /// (a path, a profile's name, a template's name) marked as theirs so they are isolated when shown.
    /// `reason` is the program's own account, in English, for logs and support; whether a message in
    /// a language shows it is the Fluent files' choice (`error-with-reason`: English adds it, Arabic
    /// never appends English words). A stopped file's and an update's messages say it by their kind.
    pub fn phrase(&self) -> Phrase {
        let details = self.details();
        let message = self.phrase_with(self.message_id(), &details);
        match details.get("reason").and_then(Value::as_str) {
            Some(reason)
                if !reason.is_empty()
                    && !matches!(
                        self,
                        JobGateError::OverLimit { .. } | JobGateError::UpdateFailed { .. }
                    ) =>
            {
                Phrase::new("error-with-reason")
                    .phrase("message", message)
                    .value("reason", reason)
            }
            _ => message,
        }
    }

    /// The error JSON of DESIGN §2, in `lang`.
    pub fn to_response(&self, lang: Lang) -> ErrorResponse {
        let details = self.details();
        ErrorResponse {
            success: false,
            error: self.phrase().render(lang),
            error_code: self.code().as_str().to_string(),
            suggested_action: self
                .phrase_with(format!("{}-action", self.message_id()), &details)
                .render(lang),
            details,
        }
    }

    /// Message `id` with `details` as arguments; sizes are said with the reader's unit.
    fn phrase_with(&self, id: String, details: &Value) -> Phrase {
        let p = phrase_of(id, details);
        match self {
            JobGateError::FileTooLarge {
                max_bytes,
                actual_bytes,
            } => p
                .phrase("max_size", size_phrase(*max_bytes))
                .phrase("your_size", size_phrase(*actual_bytes)),
            _ => p,
        }
    }

    /// Like [`Self::to_response`], but the message for a terminal: no invisible bidi characters.
    pub fn to_plain(&self, lang: Lang) -> (String, String) {
        let r = self.to_response(lang);
        (
            crate::phrase::strip_bidi(&r.error),
            crate::phrase::strip_bidi(&r.suggested_action),
        )
    }
}

/// Details that are the person's own words rather than values (isolated when shown).
const OWN_WORDS: [&str; 4] = ["path", "profile", "template", "field"];

/// The Fluent message `id` with the top-level string, number and list fields of `details` as arguments.
fn phrase_of(id: String, details: &Value) -> Phrase {
    let mut p = Phrase::new(id);
    for (k, arg) in flat_args(details) {
        p = p.arg(&k, arg);
    }
    p
}

/// Top-level string, number and list fields of `details`, as Fluent arguments.
fn flat_args(details: &Value) -> Vec<(String, Arg)> {
    let mut out = Vec::new();
    if let Value::Object(map) = details {
        for (k, v) in map {
            match v {
                Value::String(s) if OWN_WORDS.contains(&k.as_str()) => {
                    out.push((k.clone(), Arg::Cv(s.clone())))
                }
                Value::String(s) => out.push((k.clone(), Arg::Value(s.clone()))),
                Value::Number(n) => out.push((k.clone(), Arg::Value(n.to_string()))),
                Value::Array(a) => out.push((
                    k.clone(),
                    Arg::List {
                        items: a
                            .iter()
                            .filter_map(Value::as_str)
                            .map(|s| Arg::Cv(s.to_string()))
                            .collect(),
                        more: false,
                    },
                )),
                _ => {}
            }
        }
    }
    out
}

impl From<std::io::Error> for JobGateError {
    fn from(e: std::io::Error) -> Self {
        JobGateError::Internal {
            reason: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localizer;

    #[test]
    fn file_too_large_matches_the_seed_example() {
        let e = JobGateError::FileTooLarge {
            max_bytes: MAX_FILE_BYTES,
            actual_bytes: 15 * 1024 * 1024,
        };
        let r = e.to_response(Lang::En);
        assert!(!r.success);
        assert_eq!(r.error_code, "FILE_TOO_LARGE");
        assert_eq!(r.details["max_size"], "10MB");
        assert_eq!(r.details["your_size"], "15MB");
        assert_eq!(r.error, "File is too large");
        assert!(
            r.suggested_action.contains("smaller"),
            "{}",
            r.suggested_action
        );
        let ar = e.to_response(Lang::Ar);
        assert!(crate::text::arabic_ratio(&ar.error) > 0.5, "{}", ar.error);
        assert!(crate::text::arabic_ratio(&ar.suggested_action) > 0.5);
    }

    #[test]
    fn a_stopped_file_says_which_limit_in_the_users_language() {
        for (limit, en_word) in [
            ("time", "longer"),
            ("memory", "memory"),
            ("stack", "nested"),
        ] {
            let e = JobGateError::OverLimit {
                limit: limit.into(),
                reason: "killed".into(),
            };
            let r = e.to_response(Lang::En);
            assert_eq!(r.error_code, "CORRUPTED_FILE");
            assert_eq!(r.details["limit"], limit);
            assert!(r.error.contains(en_word), "{limit}: {}", r.error);
            assert!(!r.error.contains("killed"), "{}", r.error);
            let ar = e.to_response(Lang::Ar);
            assert!(crate::text::arabic_ratio(&ar.error) > 0.8, "{}", ar.error);
            assert!(crate::text::arabic_ratio(&ar.suggested_action) > 0.5);
        }
    }

    #[test]
    fn every_kind_of_update_refusal_has_its_own_words_in_both_languages() {
        let other = |lang| {
            Localizer::get(lang).format(
                "error-update-failed",
                &[("kind".to_string(), "unknown".to_string())],
            )
        };
        let other_action = |lang| {
            Localizer::get(lang).format(
                "error-update-failed-action",
                &[("kind".to_string(), "unknown".to_string())],
            )
        };
        for kind in UpdateKind::ALL {
            let e = JobGateError::UpdateFailed {
                kind,
                reason: "minisign: InvalidSignature".into(),
                version: "0.0.9".into(),
            };
            for lang in [Lang::En, Lang::Ar] {
                let r = e.to_response(lang);
                assert_eq!(r.error_code, "UPDATE_FAILED");
                assert_eq!(r.details["kind"], kind.as_str());
                assert_ne!(r.error, other(lang), "{kind:?} {lang:?}");
                assert_ne!(r.suggested_action, other_action(lang), "{kind:?} {lang:?}");
                // The updater's own (English) words stay in details.
                assert!(!r.error.contains("minisign"), "{}", r.error);
                if lang == Lang::Ar {
                    assert!(crate::text::arabic_ratio(&r.error) > 0.6, "{}", r.error);
                    assert!(crate::text::arabic_ratio(&r.suggested_action) > 0.5);
                }
            }
        }
    }

    #[test]
    fn every_code_has_a_message_and_an_action_in_both_languages() {
        for code in ErrorCode::ALL {
            for lang in [Lang::En, Lang::Ar] {
                let loc = Localizer::get(lang);
                let id = code.message_id();
                assert!(loc.has(&id), "{lang:?} lacks {id}");
                assert!(
                    loc.has(&format!("{id}-action")),
                    "{lang:?} lacks {id}-action"
                );
            }
        }
    }

    /// One of every variant, with the program's own (English) reasons.
    fn one_of_each() -> Vec<JobGateError> {
        let reason = || "the zip central directory is missing".to_string();
        vec![
            JobGateError::FileTooLarge {
                max_bytes: MAX_FILE_BYTES,
                actual_bytes: 15 << 20,
            },
            JobGateError::UnsupportedFileType {
                detected: "plain text".into(),
            },
            JobGateError::CorruptedFile { reason: reason() },
            JobGateError::OverLimit {
                limit: "time".into(),
                reason: reason(),
            },
            JobGateError::EncryptedFile,
            JobGateError::NoTextFound { pages: 2 },
            JobGateError::FileNotFound {
                path: "/home/sara/CV final.pdf".into(),
            },
            JobGateError::FileExists {
                path: "/home/sara/CV.docx".into(),
            },
            JobGateError::InvalidInput {
                field: "email".into(),
                reason: reason(),
            },
            JobGateError::AiUnavailable { reason: reason() },
            JobGateError::SessionNotFound {
                session_id: "abc".into(),
            },
            JobGateError::ExportFailed { reason: reason() },
            JobGateError::TemplateNotFound {
                name: "fancy".into(),
                available: vec!["classic".into()],
            },
            JobGateError::StorageError { reason: reason() },
            JobGateError::SyncFailed { reason: reason() },
            JobGateError::ProfileLocked {
                profile: "Sara".into(),
            },
            JobGateError::WrongPasscode {
                failures: 6,
                wait_seconds: 30,
            },
            JobGateError::ProfileNotFound {
                profile: "Sara".into(),
            },
            JobGateError::UpdateFailed {
                kind: UpdateKind::Signature,
                reason: reason(),
                version: "1.2.0".into(),
            },
            JobGateError::Internal { reason: reason() },
        ]
    }

    /// No English words are appended to an Arabic message: outside the person's own words (isolated),
    /// an Arabic error and its action hold no Latin word the Arabic Fluent files do not contain.
    #[test]
    fn an_arabic_error_carries_no_english_reason() {
        let ar = Localizer::get(Lang::Ar).source().to_string();
        let allowed: std::collections::HashSet<String> = ar
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split_once('=').map_or(l, |(_, v)| v))
            .flat_map(|v| {
                v.split(|c: char| !c.is_ascii_alphabetic())
                    .map(str::to_string)
            })
            .filter(|w| !w.is_empty())
            .collect();
        for e in one_of_each() {
            let r = e.to_response(Lang::Ar);
            for text in [&r.error, &r.suggested_action] {
                let mut outside = String::new();
                let mut depth = 0;
                for c in text.chars() {
                    match c {
                        '\u{2068}' => depth += 1,
                        '\u{2069}' => depth -= 1,
                        _ if depth == 0 => outside.push(c),
                        _ => {}
                    }
                }
                for w in outside
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| !w.is_empty())
                {
                    assert!(allowed.contains(w), "{:?}: {w:?} in {text:?}", e.code());
                }
            }
            // In English the program's reason is still said, through `error-with-reason`.
            let en = e.to_response(Lang::En);
            if matches!(e, JobGateError::StorageError { .. }) {
                assert!(
                    en.error.ends_with("(the zip central directory is missing)"),
                    "{}",
                    en.error
                );
            }
        }
    }
}
