//! AI help on the CV on screen: a drafted summary and reworded achievements, streamed as they are written,
//! and the Stop button.

use super::{CommandResult, Respond, blocking_with};
use crate::state::AppState;
use jobgate_core::Reason;
use jobgate_core::{Cv, JobGateError, Lang};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};

/// "Draft a summary with AI" for the CV on screen (contact details are not sent); the user edits
/// or accepts it.
#[tauri::command]
pub async fn ai_draft_summary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    cv: Cv,
) -> CommandResult<String> {
    let run = blocking_with(&app, move |app, state| {
        let cfg = state.ai_allowed()?;
        let lang = jobgate_export::language_of(&cv);
        let cancel = state.start_ai_call();
        let mut preview = ai_preview(app, "summary", None);
        jobgate_ai::draft_summary_streaming(&cv, lang, &cfg, &cancel, &mut preview)
    });
    run.await.respond(&state)
}

/// "Suggest wording with AI" for one job of the CV on screen: an achievement-focused rewrite of
/// each of its achievements, streamed into the analysis view, for the user to use or not.
#[tauri::command]
pub async fn ai_rewrite_experience<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    cv: Cv,
    entry: usize,
) -> CommandResult<Vec<String>> {
    let run = blocking_with(&app, move |app, state| {
        let cfg = state.ai_allowed()?;
        let job = cv.experience.get(entry).ok_or_else(|| {
            JobGateError::invalid_input("entry", Reason::new("reason-no-such-job"))
        })?;
        if job.achievements.is_empty() {
            return Err(JobGateError::invalid_input(
                "achievements",
                Reason::new("reason-job-no-achievements"),
            ));
        }
        let lang = jobgate_export::language_of(&cv);
        let items = job.achievements.iter().cloned().enumerate();
        let wordings = reword(app, state, &cfg, lang, "experience", items)?;
        Ok(wordings.into_iter().map(|(_, w)| w).collect())
    });
    run.await.respond(&state)
}

/// The AI's wording of each numbered achievement, each streamed to the UI as `target` while it is
/// written; one Stop cancels them all.
pub(super) fn reword<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    cfg: &jobgate_ai::AiConfig,
    lang: Lang,
    target: &'static str,
    items: impl IntoIterator<Item = (usize, String)>,
) -> Result<Vec<(usize, String)>, JobGateError> {
    let cancel = state.start_ai_call();
    items
        .into_iter()
        .map(|(i, text)| {
            let mut preview = ai_preview(app, target, Some(i));
            jobgate_ai::rewrite_achievement_streaming(&text, lang, cfg, &cancel, &mut preview)
                .map(|wording| (i, wording))
        })
        .collect()
}

/// Sends the text of a streamed AI answer so far to the window as [`AI_PREVIEW_EVENT`].
fn ai_preview<'a, R: Runtime>(
    app: &'a AppHandle<R>,
    target: &'static str,
    index: Option<usize>,
) -> impl FnMut(&str) + 'a {
    move |text| {
        let _ = app.emit(
            AI_PREVIEW_EVENT,
            AiPreview {
                target,
                index,
                text: text.to_string(),
            },
        );
    }
}

/// The event carrying an AI answer while it is being written ([`AiPreview`]).
pub const AI_PREVIEW_EVENT: &str = "ai-preview";

/// The text of a streamed AI answer so far; the command's result is the validated whole.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AiPreview {
    /// `summary`, `rewrite` (builder) or `experience` (analysis view).
    pub target: &'static str,
    /// For a rewrite: which achievement of the job.
    pub index: Option<usize>,
    pub text: String,
}

/// Stops the AI call running now (the Stop button); the call then ends with `AI_UNAVAILABLE`
/// (`cancelled`), which the UI does not show as an error.
#[tauri::command]
pub fn ai_cancel(state: State<'_, AppState>) {
    state.cancel_ai_call();
}
