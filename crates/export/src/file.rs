//! Safe writing of an export: a default file name made from the person's name, no overwrite without
//! `force`, and a temporary file (unpredictable name, created exclusively) in the same folder renamed into place
//! (never a half-written CV).

use crate::Format;
use jobgate_core::error::Result;
use jobgate_core::{Cv, JobGateError, Phrase, Reason};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `Omar Hassan El-Sayed CV.pdf`: the person's name without characters that are unsafe in a file name
/// on any system; `CV.pdf` when there is no usable name.
pub fn default_file_name(cv: &Cv, format: Format) -> String {
    let mut name = String::new();
    for c in cv.personal_info.name.chars() {
        let unsafe_char = c.is_control()
            || matches!(
                c,
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\0'
            )
            || ('\u{200E}'..='\u{200F}').contains(&c)
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        if unsafe_char || c.is_whitespace() {
            if !name.ends_with(' ') && !name.is_empty() {
                name.push(' ');
            }
        } else {
            name.push(c);
        }
    }
    // No leading dots (hidden files, `..`), no trailing dots or spaces (Windows), bounded length.
    let mut name: String = name
        .trim_matches(|c: char| c == '.' || c == ' ')
        .chars()
        .take(80)
        .collect();
    name = name.trim_end_matches(['.', ' ']).to_string();
    let stem = if name.is_empty() {
        "CV".to_string()
    } else {
        format!("{name} CV")
    };
    format!("{stem}.{}", format.extension())
}

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it into place.
/// Refuses to replace an existing file unless `force` (`FILE_EXISTS`). Returns the path written.
pub fn write_file(bytes: &[u8], path: &Path, force: bool) -> Result<PathBuf> {
    let shown = |p: &Path| p.display().to_string();
    let failed =
        |id: &str, p: &Path| JobGateError::export_failed(Phrase::new(id).cv("path", shown(p)));
    if path.is_dir() {
        return Err(failed("reason-export-is-folder", path));
    }
    if path.exists() && !force {
        return Err(JobGateError::FileExists {
            path: path.display().to_string(),
        });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(failed("reason-export-no-folder", &folder));
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| failed("reason-export-no-file-name", path))?;
    // A temporary file with an unpredictable name, created exclusively (never through a symlink someone
    // planted, never over another file), readable by the user only.
    let written = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(&folder)
        .and_then(|mut tmp| {
            tmp.write_all(bytes)?;
            tmp.as_file().sync_all()?;
            Ok(tmp)
        })
        .map_err(|e| {
            JobGateError::export_failed(
                Reason::from(Phrase::new("reason-export-cannot-write").cv("path", shown(path)))
                    .with_technical(e),
            )
        })?;
    // Without `force`, the rename itself refuses a file that appeared meanwhile.
    let persisted = if force {
        written.persist(path)
    } else {
        written.persist_noclobber(path)
    };
    if let Err(e) = persisted {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(JobGateError::FileExists {
                path: path.display().to_string(),
            });
        }
        return Err(JobGateError::export_failed(
            Reason::from(Phrase::new("reason-export-cannot-write").cv("path", shown(path)))
                .with_technical(e.error),
        ));
    }
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cv(name: &str) -> Cv {
        let mut cv = Cv::default();
        cv.personal_info.name = name.into();
        cv
    }

    #[test]
    fn default_names_have_no_path_characters() {
        assert_eq!(
            default_file_name(&cv("Omar Hassan El-Sayed"), Format::Pdf),
            "Omar Hassan El-Sayed CV.pdf"
        );
        assert_eq!(
            default_file_name(&cv("../../etc/passwd"), Format::Docx),
            "etc passwd CV.docx"
        );
        assert_eq!(
            default_file_name(&cv("a\\b:c*d?\"e<f>g|h\n"), Format::Txt),
            "a b c d e f g h CV.txt"
        );
        assert_eq!(
            default_file_name(&cv("محمد\u{202E} السيد"), Format::Pdf),
            "محمد السيد CV.pdf"
        );
        assert_eq!(default_file_name(&cv(" .. "), Format::Pdf), "CV.pdf");
        assert_eq!(default_file_name(&Cv::default(), Format::Docx), "CV.docx");
    }

    #[test]
    fn no_overwrite_without_force_and_no_temp_file_left() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cv.txt");
        write_file(b"one", &p, false).unwrap();
        let e = write_file(b"two", &p, false).unwrap_err();
        assert_eq!(e.code().as_str(), "FILE_EXISTS");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_file(b"three", &p, true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_in_the_folder_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, b"precious").unwrap();
        // Every name an old writer would have used for its temporary file points at the victim.
        for n in 0..50 {
            let _ = std::os::unix::fs::symlink(
                &victim,
                dir.path()
                    .join(format!(".cv.txt.{}.tmp", std::process::id() + n)),
            );
        }
        std::os::unix::fs::symlink(&victim, dir.path().join("cv.txt")).unwrap();
        // The target itself is a symlink: without force it is an existing file, with force it is replaced
        // by the new file, never followed.
        let e = write_file(b"new", &dir.path().join("cv.txt"), false).unwrap_err();
        assert_eq!(e.code().as_str(), "FILE_EXISTS");
        write_file(b"new", &dir.path().join("cv.txt"), true).unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert_eq!(std::fs::read(dir.path().join("cv.txt")).unwrap(), b"new");
    }

    #[test]
    fn missing_folder_is_an_export_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_file(b"x", &dir.path().join("no/such/cv.pdf"), false).unwrap_err();
        assert_eq!(e.code().as_str(), "EXPORT_FAILED");
    }
}
