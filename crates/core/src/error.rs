//! One error type for every failure a user can cause; its variants are the error codes of DESIGN §2.
//!
//! [`JobGateError::to_response`] is the one place that turns an error into the error JSON, with the
//! message and suggested action taken from the Fluent files in the user's language.

use crate::contract::ErrorResponse;
use crate::i18n::Lang;
use crate::phrase::{Arg, Phrase};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};
use std::fmt;

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

/// Why something failed, kept as data rather than as a sentence.
///
/// `phrase` is what a person reads: a Fluent id with typed arguments (the person's own words, such as
/// a path or a profile's name, isolated), rendered in the reader's language when shown.
/// `technical` is an operating system's or a library's own error text (an `io::Error`, SQLite's,
/// a parser's), kept verbatim for support: shown in both languages marked as a technical detail,
/// never as a sentence of ours. Build one with [`Reason::from`] a [`Phrase`], [`Reason::technical`],
/// and [`Reason::with_technical`] for both; there is deliberately no conversion from a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reason {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<Box<Phrase>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical: Option<Box<str>>,
}

impl Reason {
    /// No reason beyond the error's own message.
    pub fn none() -> Reason {
        Reason::default()
    }

    /// Words for a person, from the Fluent message `id` with no arguments.
    pub fn new(id: &str) -> Reason {
        Reason::from(Phrase::new(id))
    }

    /// Only a technical detail: another program's own error text, kept verbatim.
    pub fn technical(detail: impl fmt::Display) -> Reason {
        Reason {
            phrase: None,
            technical: Some(detail.to_string().into()),
        }
    }

    /// Adds a technical detail (another program's own error text) to words for a person.
    pub fn with_technical(mut self, detail: impl fmt::Display) -> Reason {
        self.technical = Some(detail.to_string().into());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.phrase.is_none() && self.technical.as_deref().is_none_or(str::is_empty)
    }

    /// The reason as one message (`None` when there is none): the words, the technical detail marked
    /// as such (`error-technical-detail`), or both (`error-reason-and-detail`).
    pub fn to_phrase(&self) -> Option<Phrase> {
        let detail = self.technical.as_deref().filter(|t| !t.is_empty());
        match (&self.phrase, detail) {
            (Some(p), None) => Some((**p).clone()),
            (None, Some(t)) => Some(Phrase::new("error-technical-detail").cv("detail", t)),
            (Some(p), Some(t)) => Some(
                Phrase::new("error-reason-and-detail")
                    .phrase("reason", (**p).clone())
                    .cv("detail", t),
            ),
            (None, None) => None,
        }
    }

    /// The reason in English, for logs, `Display` and `details.reason`.
    pub fn english(&self) -> String {
        self.to_phrase()
            .map(|p| p.plain(Lang::En))
            .unwrap_or_default()
    }
}

impl From<Phrase> for Reason {
    fn from(p: Phrase) -> Reason {
        Reason {
            phrase: Some(Box::new(p)),
            technical: None,
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// A reason as stored before reasons were data (an English string) still loads, as a technical detail.
impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Reason, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Words(String),
            Data {
                #[serde(default)]
                phrase: Option<Phrase>,
                #[serde(default)]
                technical: Option<String>,
            },
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Words(s) if s.is_empty() => Reason::none(),
            Stored::Words(s) => Reason::technical(s),
            Stored::Data { phrase, technical } => Reason {
                phrase: phrase.map(Box::new),
                technical: technical.map(String::into_boxed_str),
            },
        })
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
    CorruptedFile { reason: Reason },
    /// A file stopped by the bounded reader: it took longer, or needed more memory or stack, than any
    /// CV does (`limit`: `time`, `memory`, `stack` or `crash`). Reported as `CORRUPTED_FILE`.
    #[error("reading the file was stopped at its {limit} limit: {reason}")]
    OverLimit { limit: String, reason: Reason },
    #[error("the file is protected by a password")]
    EncryptedFile,
    #[error("no text found, not even by OCR (blank pages?)")]
    NoTextFound { pages: u32 },
    #[error("file not found: {path}")]
    FileNotFound { path: String },
    #[error("file already exists: {path}")]
    FileExists { path: String },
    #[error("invalid input ({field}): {reason}")]
    InvalidInput { field: String, reason: Reason },
    #[error("AI unavailable: {reason}")]
    AiUnavailable { reason: Reason },
    #[error("builder session not found: {session_id}")]
    SessionNotFound { session_id: String },
    #[error("export failed: {reason}")]
    ExportFailed { reason: Reason },
    #[error("template not found: {name}")]
    TemplateNotFound {
        name: String,
        available: Vec<String>,
    },
    #[error("storage error: {reason}")]
    StorageError { reason: Reason },
    #[error("sync failed: {reason}")]
    SyncFailed { reason: Reason },
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
        reason: Reason,
        version: String,
    },
    /// A scanned page or a photo needs OCR (Tesseract), and it is not installed or did not run.
    #[error("OCR is not available: {reason}")]
    OcrUnavailable { reason: Reason },
    /// The person stopped the work before it finished (nothing of it was saved).
    #[error("stopped by the user")]
    Cancelled,
    #[error("internal error: {reason}")]
    Internal { reason: Reason },
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
                    with_reason(json!({ "field": field }), reason)
                }
                _ => with_reason(json!({}), reason),
            },
            JobGateError::OverLimit { limit, reason } => {
                with_reason(json!({ "limit": limit }), reason)
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
            } => with_reason(json!({ "kind": kind.as_str(), "version": version }), reason),
        }
    }

    /// The reason of a variant that has one.
    pub fn reason(&self) -> Option<&Reason> {
        match self {
            JobGateError::CorruptedFile { reason }
            | JobGateError::OverLimit { reason, .. }
            | JobGateError::InvalidInput { reason, .. }
            | JobGateError::AiUnavailable { reason }
            | JobGateError::ExportFailed { reason }
            | JobGateError::StorageError { reason }
            | JobGateError::SyncFailed { reason }
            | JobGateError::UpdateFailed { reason, .. }
            | JobGateError::OcrUnavailable { reason }
            | JobGateError::Internal { reason } => Some(reason),
            _ => None,
        }
    }

    /// `CORRUPTED_FILE` because of `reason`.
    pub fn corrupted(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::CorruptedFile {
            reason: reason.into(),
        }
    }

    /// `INVALID_INPUT` in `field` (a name the person knows it by, e.g. an option) because of `reason`.
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<Reason>) -> JobGateError {
        JobGateError::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// `AI_UNAVAILABLE` because of `reason`.
    pub fn ai_unavailable(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::AiUnavailable {
            reason: reason.into(),
        }
    }

    /// `EXPORT_FAILED` because of `reason`.
    pub fn export_failed(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::ExportFailed {
            reason: reason.into(),
        }
    }

    /// `STORAGE_ERROR` because of `reason`.
    pub fn storage(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::StorageError {
            reason: reason.into(),
        }
    }

    /// `SYNC_FAILED` because of `reason`.
    pub fn sync_failed(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::SyncFailed {
            reason: reason.into(),
        }
    }

    /// `OCR_UNAVAILABLE` because of `reason`.
    pub fn ocr_unavailable(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::OcrUnavailable {
            reason: reason.into(),
        }
    }

    /// `INTERNAL_ERROR` because of `reason`.
    pub fn internal(reason: impl Into<Reason>) -> JobGateError {
        JobGateError::Internal {
            reason: reason.into(),
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
    /// The [`Reason`] follows the message in the reader's language (`error-with-reason`): its words as
    /// a Fluent message, another program's own error text marked as a technical detail. A stopped
    /// file's and an update's messages say it by their kind, so their reason stays in `details`.
    pub fn phrase(&self) -> Phrase {
        let message = self.phrase_with(self.message_id(), &self.details());
        let reason = match self {
            JobGateError::OverLimit { .. } | JobGateError::UpdateFailed { .. } => None,
            _ => self.reason().and_then(Reason::to_phrase),
        };
        match reason {
            Some(reason) => Phrase::new("error-with-reason")
                .phrase("message", message)
                .phrase("reason", reason),
            None => message,
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
            // What the input is, in the reader's words (`field-*`) when the field has a name there.
            JobGateError::InvalidInput { field, .. } => match field_name(field) {
                Some(name) => p.phrase("field", name),
                None => p,
            },
            _ => p,
        }
    }

    /// The error as text to keep (e.g. a sync's last error in the store): its JSON, so that it is put
    /// into words when shown, in the language of that moment ([`Self::from_kept`]).
    pub fn to_kept(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// An error kept by [`Self::to_kept`]; `None` for text kept before errors were kept as data.
    pub fn from_kept(kept: &str) -> Option<JobGateError> {
        serde_json::from_str(kept).ok()
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

/// `details` with the reason: `reason` in English (for logs and outside tests), `reason_phrase` (the
/// words as a Fluent id and arguments) and `technical` (another program's own text) when there are.
fn with_reason(mut details: Value, reason: &Reason) -> Value {
    if let Value::Object(map) = &mut details {
        map.insert("reason".into(), Value::String(reason.english()));
        if let Some(p) = &reason.phrase {
            map.insert(
                "reason_phrase".into(),
                serde_json::to_value(p).unwrap_or(Value::Null),
            );
        }
        if let Some(t) = &reason.technical {
            map.insert("technical".into(), Value::String(t.to_string()));
        }
    }
    details
}

/// The Fluent name of an input field (`field-<name in kebab case>`), when it has one.
fn field_name(field: &str) -> Option<Phrase> {
    let id = format!("field-{}", field.replace('_', "-"));
    crate::i18n::Localizer::get(Lang::En)
        .has(&id)
        .then(|| Phrase::new(id))
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
            // The reason is said by `error-with-reason`, never through a message's own arguments.
            if matches!(k.as_str(), "reason" | "reason_phrase" | "technical") {
                continue;
            }
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
        JobGateError::internal(Reason::technical(e))
    }
}

#[cfg(test)]
mod fluent_only;

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
                reason: Reason::technical("killed"),
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
                reason: Reason::technical("minisign: InvalidSignature"),
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
    fn a_reason_stored_as_an_english_string_still_loads_as_a_technical_detail() {
        let old = r#"{"StorageError":{"reason":"disk I/O error"}}"#;
        let e: JobGateError = serde_json::from_str(old).unwrap();
        assert_eq!(
            e,
            JobGateError::storage(Reason::technical("disk I/O error"))
        );
        let new = serde_json::to_string(&JobGateError::invalid_input(
            "cv",
            Phrase::new("reason-no-cv").value("id", 5),
        ))
        .unwrap();
        let back: JobGateError = serde_json::from_str(&new).unwrap();
        assert_eq!(JobGateError::from_kept(&back.to_kept()), Some(back.clone()));
        assert_eq!(JobGateError::from_kept("server down"), None);
        assert_eq!(
            back.to_response(Lang::En).details["reason"],
            "there is no CV 5"
        );
        assert!(
            back.to_response(Lang::Ar)
                .error
                .contains("لا توجد سيرة ذاتية رقمها 5"),
            "{}",
            back.to_response(Lang::Ar).error
        );
    }

    #[test]
    fn an_input_field_is_named_in_the_readers_words() {
        let e = JobGateError::invalid_input("sync_url", Reason::new("reason-url-empty"));
        let ar = e.to_response(Lang::Ar);
        assert!(
            ar.suggested_action.contains("عنوان الخادم"),
            "{}",
            ar.suggested_action
        );
        assert!(
            !ar.suggested_action.contains("sync_url"),
            "{}",
            ar.suggested_action
        );
        assert_eq!(ar.details["field"], "sync_url");
        let en = e.to_response(Lang::En);
        assert_eq!(
            en.suggested_action,
            "Check the server address and try again"
        );
        // A field without a name of its own (a file given on the command line) is shown as it is.
        let path =
            JobGateError::invalid_input("/tmp/cv.json", Reason::new("reason-input-not-json"));
        assert!(
            path.to_response(Lang::En)
                .suggested_action
                .contains("/tmp/cv.json")
        );
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

    /// One of every variant, each reason with words for a person and another program's own text.
    fn one_of_each() -> Vec<JobGateError> {
        let reason = || {
            Reason::from(Phrase::new("reason-store-file").cv("path", "/home/sara/data.sqlite3"))
                .with_technical("the zip central directory is missing")
        };
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
            // The reason is said in both languages, the technical detail marked as such and isolated.
            let en = e.to_response(Lang::En);
            if matches!(e, JobGateError::StorageError { .. }) {
                assert!(
                    en.error.ends_with(
                        "(the data file /home/sara/data.sqlite3 could not be used; technical detail: the zip central directory is missing)"
                    ),
                    "{}",
                    en.error
                );
                assert_eq!(
                    en.details["reason_phrase"]["id"], "reason-store-file",
                    "{}",
                    en.details
                );
                assert_eq!(
                    en.details["technical"],
                    "the zip central directory is missing"
                );
                assert!(r.error.contains("تعذّر استخدام ملف البيانات"), "{}", r.error);
                assert!(r.error.contains("تفصيل تقني"), "{}", r.error);
                assert!(
                    r.error
                        .contains("\u{2068}the zip central directory is missing\u{2069}"),
                    "{}",
                    r.error
                );
            }
            // An Arabic reader is told as much as an English one: every reason shown in English is
            // shown in Arabic too.
            if let Some(reason) = e.reason().and_then(Reason::to_phrase)
                && en.error.contains(&reason.plain(Lang::En))
            {
                assert!(r.error.contains(&reason.render(Lang::Ar)), "{}", r.error);
            }
        }
    }
}
