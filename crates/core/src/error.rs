//! One error type for every failure a user can cause; its variants are the error codes of DESIGN §2.
//!
//! [`JobGateError::to_response`] is the one place that turns an error into the error JSON, with the
//! message and suggested action taken from the Fluent files in the user's language.

use crate::contract::ErrorResponse;
use crate::i18n::{Lang, Localizer};
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
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 20] = [
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
    #[error("internal error: {reason}")]
    Internal { reason: String },
}

pub type Result<T, E = JobGateError> = std::result::Result<T, E>;

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
            JobGateError::EncryptedFile => json!({}),
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

    /// The error JSON of DESIGN §2, in `lang`.
    pub fn to_response(&self, lang: Lang) -> ErrorResponse {
        let loc = Localizer::get(lang);
        let id = self.message_id();
        let args = flat_args(&self.details());
        let mut error = loc.format(&id, &args);
        // The reason is for people too: add it when the message does not already carry it (a stopped
        // file's message already says which limit stopped it, in the user's language; an update's
        // message says what happened by its kind, and the updater's own words stay in `details`).
        if let Some(reason) = self.details().get("reason").and_then(Value::as_str)
            && !matches!(
                self,
                JobGateError::OverLimit { .. } | JobGateError::UpdateFailed { .. }
            )
            && !reason.is_empty()
            && !error.contains(reason)
        {
            error = format!("{error} ({reason})");
        }
        ErrorResponse {
            success: false,
            error,
            error_code: self.code().as_str().to_string(),
            details: self.details(),
            suggested_action: loc.format(&format!("{id}-action"), &args),
        }
    }
}

/// Top-level string and number fields of `details`, as Fluent arguments.
fn flat_args(details: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Value::Object(map) = details {
        for (k, v) in map {
            match v {
                Value::String(s) => out.push((k.clone(), s.clone())),
                Value::Number(n) => out.push((k.clone(), n.to_string())),
                Value::Array(a) => out.push((
                    k.clone(),
                    a.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
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
}
