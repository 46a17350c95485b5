//! Export: templates, the preview, the save dialog, writing the file, and showing it in its folder.

use super::{CommandResult, Respond, blocking, fail};
use crate::os;
use crate::picked::{PickedFile, Use};
use crate::state::AppState;
use jobgate_core::i18n::Localizer;
use jobgate_core::{Cv, JobGateError, Lang};
use jobgate_store::VersionId;
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};

/// The native "save" dialog; `None` when cancelled. A token for the place chosen, for [`export_cv`].
#[tauri::command]
pub async fn pick_save_path<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    suggested: String,
    format: String,
) -> CommandResult<Option<PickedFile>> {
    let loc = Localizer::get(state.lang());
    let picked = state.dialog(|| {
        os::pick_save_path(
            &app,
            &loc.format::<&str, &str>("ui-export-dialog-title", &[]),
            &suggested,
            &format,
        )
    });
    Ok(picked.map(|p| state.picked().register(p, Use::Save)))
}

/// Opens the file manager with `path` selected: only a file this person exported (the history lists
/// it), so the page cannot probe the disk.
#[tauri::command]
pub async fn reveal_in_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<()> {
    let person = state.person().respond(&state)?;
    let exported = person.exported_files().respond(&state)?;
    if !exported.contains(&path) {
        return fail(
            &state,
            JobGateError::FileNotFound {
                path: PathBuf::from(&path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            },
        );
    }
    os::reveal_in_folder(&app, &PathBuf::from(path)).respond(&state)
}

/// A template as the export screen lists it.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateView {
    pub name: String,
    pub title: String,
    pub description: String,
}

/// The export templates, described in the interface language.
#[tauri::command]
pub fn export_templates(state: State<'_, AppState>) -> Vec<TemplateView> {
    let lang = state.lang();
    jobgate_export::templates()
        .into_iter()
        .map(|t| TemplateView {
            title: title_case(&t.name),
            description: t.description(lang).to_string(),
            name: t.name,
        })
        .collect()
}

fn title_case(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The file name the save dialog suggests, e.g. `Sara Haddad CV.docx`.
#[tauri::command]
pub fn default_export_name(
    state: State<'_, AppState>,
    cv: Cv,
    format: String,
) -> CommandResult<String> {
    let format = jobgate_export::Format::parse(&format).respond(&state)?;
    Ok(jobgate_export::default_file_name(&cv, format))
}

/// Renders `cv` and writes it to the place behind `token` (chosen in the save dialog, which already
/// asked before replacing a file), then records the export in the history. Returns the path written.
/// Rendering and writing run on a blocking thread.
#[tauri::command]
pub async fn export_cv(
    state: State<'_, AppState>,
    cv: Cv,
    version_id: Option<i64>,
    template: String,
    format: String,
    lang: Option<String>,
    token: String,
) -> CommandResult<String> {
    let path = state.picked().resolve(&token, Use::Save).respond(&state)?;
    // The export goes to the history of whoever started it.
    let person = state.person().respond(&state)?;
    let exported = blocking(move || {
        let format = jobgate_export::Format::parse(&format)?;
        let lang = export_lang(&cv, lang.as_deref())?;
        let bytes = jobgate_export::render(&cv, format, &template, lang)?;
        let written = jobgate_export::write_file(&bytes, &path, true)?;
        let written = written.display().to_string();
        person.with_store(|store, p| {
            store.record_export(
                p,
                version_id.map(VersionId),
                &written,
                format.extension(),
                &template,
            )
        })?;
        Ok(written)
    })
    .await;
    state.changed();
    exported.respond(&state)
}

/// Page 1 of the PDF export of `cv` in `template` as SVG (the export screen's preview); `lang` as
/// for [`export_cv`].
#[tauri::command]
pub async fn export_preview(
    state: State<'_, AppState>,
    cv: Cv,
    template: String,
    lang: Option<String>,
) -> CommandResult<String> {
    let run = blocking(move || {
        jobgate_export::preview_svg(&cv, &template, export_lang(&cv, lang.as_deref())?)
    });
    run.await.respond(&state)
}

/// The language `cv` is written in (`en` or `ar`): what the export screen offers first.
#[tauri::command]
pub fn cv_language(cv: Cv) -> String {
    jobgate_export::language_of(&cv).code().to_string()
}

/// The language an export is made in: the one asked for (`en`, `ar`), else the CV's own.
fn export_lang(cv: &Cv, code: Option<&str>) -> Result<Lang, JobGateError> {
    match code {
        Some(code) => jobgate_engine::settings::parse_lang(code),
        None => Ok(jobgate_export::language_of(cv)),
    }
}
