//! The interactive builder: starting, resuming and answering a session, and its "Suggest with AI".

use super::ai::reword;
use super::{CommandResult, Respond, blocking_with};
use crate::state::AppState;
use jobgate_core::Reason;
use jobgate_core::{Cv, JobGateError};
use jobgate_store::{CvId, VersionId};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

/// A builder turn: the DESIGN §2 builder response, plus the CV version written by `/done`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuilderTurn {
    #[serde(flatten)]
    pub response: jobgate_core::BuilderResponse,
    pub cv_id: Option<CvId>,
    pub version_id: Option<VersionId>,
}

/// Starts a builder session: an empty CV, or "improve my CV" over `cv` (with its analysis checks,
/// so only what is missing or weak is asked).
#[tauri::command]
pub async fn builder_start(
    state: State<'_, AppState>,
    cv: Option<Cv>,
    cv_id: Option<i64>,
    ats_checks: Option<Vec<jobgate_core::AtsCheck>>,
) -> CommandResult<BuilderTurn> {
    let lang = state.lang();
    let started = state.with_store(|store, p| match cv {
        Some(cv) => jobgate_builder::Session::improve(
            store,
            p,
            cv_id.map(CvId),
            cv,
            &ats_checks.unwrap_or_default(),
            lang,
        ),
        None => jobgate_builder::Session::start(store, p, lang),
    });
    let (session, response) = started.respond(&state)?;
    state.add_session(session).respond(&state)?;
    state.changed();
    Ok(BuilderTurn {
        response,
        cv_id: cv_id.map(CvId),
        version_id: None,
    })
}

/// Opens a builder session from the history where it was left, speaking the app's language (the
/// CV keeps its own).
#[tauri::command]
pub async fn builder_resume(
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<BuilderTurn> {
    let response = state
        .resume_session(&session_id, state.lang())
        .respond(&state)?;
    Ok(BuilderTurn {
        response,
        cv_id: None,
        version_id: None,
    })
}

/// One answer (or `/back`, `/skip`, `/edit SECTION`, `/review`, `/done`, `/accept`), saved before
/// it returns, so a session survives closing the app.
#[tauri::command]
pub async fn builder_answer(
    state: State<'_, AppState>,
    session_id: String,
    answer: String,
) -> CommandResult<BuilderTurn> {
    let lang = state.lang();
    let turn = state.with_session(&session_id, |store, session| {
        let response = session.answer_in(store, &answer, lang)?;
        let version = session.last_version();
        Ok(BuilderTurn {
            response,
            cv_id: version.map(|v| v.0),
            version_id: version.map(|v| v.1),
        })
    });
    state.changed();
    turn.respond(&state)
}

/// The current turn of a builder session said again in the app's language (after a language switch):
/// nothing is answered or saved.
#[tauri::command]
pub async fn builder_view(
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<BuilderTurn> {
    let lang = state.lang();
    let turn = state.with_session(&session_id, |_, session| {
        Ok(BuilderTurn {
            response: session.view(lang),
            cv_id: None,
            version_id: None,
        })
    });
    turn.respond(&state)
}

/// Earlier builder messages (each a response's `message_phrases`) said again in the app's language,
/// for the chat's transcript after a language switch.
#[tauri::command]
pub fn builder_say_again(
    state: State<'_, AppState>,
    messages: Vec<Vec<jobgate_core::Phrase>>,
) -> Vec<String> {
    let lang = state.lang();
    messages
        .into_iter()
        .map(|message_phrases| {
            let mut r = jobgate_core::BuilderResponse {
                message_phrases,
                ..Default::default()
            };
            r.localize(lang);
            r.message
        })
        .collect()
}

/// "Suggest with AI": the AI's wording for the achievements of the job being written, offered
/// like the rule suggestion (applied on `/accept`) and saved with the session.
#[tauri::command]
pub async fn builder_ai_rewrite<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<BuilderTurn> {
    // Model calls take seconds: they run on a blocking thread, off the async runtime.
    let run = blocking_with(&app, move |app, state| {
        let cfg = state.ai_allowed()?;
        let (job, items, lang) = state.with_session(&session_id, |_, session| {
            let b = session.builder();
            let (job, items) = b.rewrite_targets().ok_or_else(|| {
                JobGateError::invalid_input("achievements", Reason::new("reason-no-achievements"))
            })?;
            Ok((job, items, b.lang()))
        })?;
        // The calls run without holding the database, so the rest of the app stays responsive.
        // Each wording streams into the UI as the model writes it ([`super::ai::AI_PREVIEW_EVENT`]).
        let offered = reword(app, state, &cfg, lang, "rewrite", items)?;
        state.with_session(&session_id, |store, session| {
            Ok(BuilderTurn {
                response: session.offer_rewrites(store, job, offered)?,
                cv_id: None,
                version_id: None,
            })
        })
    });
    run.await.respond(&state)
}
