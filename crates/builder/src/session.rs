//! Builder sessions kept in the store: start, answer, resume. Every turn is saved in one
//! transaction (answer, new state, response and, on `/done`, the CV version), so closing or killing
//! the app loses at most the answer being typed, and `--session ID` picks up at the last answered
//! question.

use crate::machine::Builder;
use jobgate_core::{AtsCheck, BuilderResponse, Cv, JobGateError, Lang, Phrase, Reason};
use jobgate_store::{CvId, ProfileId, Store, TurnRecord, VersionId, VersionSource};
use std::time::{SystemTime, UNIX_EPOCH};

type Result<T> = std::result::Result<T, JobGateError>;

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| JobGateError::internal(Reason::new("reason-builder-state").with_technical(e)))
}

/// A builder session bound to its row in the store.
#[derive(Debug, Clone)]
pub struct Session {
    id: String,
    builder: Builder,
    last_version: Option<(CvId, VersionId)>,
}

impl Session {
    /// A new session for an empty CV.
    pub fn start(
        store: &mut Store,
        profile: ProfileId,
        lang: Lang,
    ) -> Result<(Session, BuilderResponse)> {
        Session::create(store, profile, None, Builder::new(lang))
    }

    /// "Improve my CV": a session over an analysed CV (stored as `cv` when known, so `/done` adds a
    /// version to it) that asks only for what is missing or weak.
    pub fn improve(
        store: &mut Store,
        profile: ProfileId,
        cv_id: Option<CvId>,
        cv: Cv,
        ats_checks: &[AtsCheck],
        lang: Lang,
    ) -> Result<(Session, BuilderResponse)> {
        Session::create(
            store,
            profile,
            cv_id,
            Builder::from_cv(cv, ats_checks, lang),
        )
    }

    fn create(
        store: &mut Store,
        profile: ProfileId,
        cv_id: Option<CvId>,
        mut builder: Builder,
    ) -> Result<(Session, BuilderResponse)> {
        let mut response = builder.start(now_ms());
        let id = store.create_session(
            profile,
            cv_id,
            builder.lang().code(),
            builder.state_name(),
            &to_json(&builder)?,
            &to_json(&response)?,
        )?;
        response.session_id = id.clone();
        Ok((
            Session {
                id,
                builder,
                last_version: None,
            },
            response,
        ))
    }

    /// Opens a stored session where the user left off; `SESSION_NOT_FOUND` for an unknown id.
    /// It speaks the language it was last read in.
    pub fn resume(store: &Store, id: &str) -> Result<(Session, BuilderResponse)> {
        Session::open(store, id, None)
    }

    /// [`Session::resume`], saying the conversation in `reader` from now on (the CV's language
    /// stays the session's).
    pub fn resume_in(store: &Store, id: &str, reader: Lang) -> Result<(Session, BuilderResponse)> {
        Session::open(store, id, Some(reader))
    }

    fn open(store: &Store, id: &str, reader: Option<Lang>) -> Result<(Session, BuilderResponse)> {
        let stored = store.load_session(id)?;
        let mut builder: Builder = serde_json::from_str(&stored.state_json).map_err(|e| {
            JobGateError::storage(
                Reason::from(Phrase::new("reason-builder-session-unreadable").value("id", id))
                    .with_technical(e),
            )
        })?;
        if let Some(reader) = reader {
            builder.set_reader(reader);
        }
        let mut response = builder.resume(now_ms());
        response.session_id = stored.id.clone();
        Ok((
            Session {
                id: stored.id,
                builder,
                last_version: None,
            },
            response,
        ))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn builder(&self) -> &Builder {
        &self.builder
    }

    /// The CV and version written by the last `/done` of this handle.
    pub fn last_version(&self) -> Option<(CvId, VersionId)> {
        self.last_version
    }

    /// Offers other wordings (the AI's) for achievements (see [`Builder::offer_rewrites`]) and
    /// saves the session with them, so a suggestion survives closing the app. Recorded as the turn
    /// `/offer`.
    pub fn offer_rewrites(
        &mut self,
        store: &mut Store,
        job: usize,
        items: Vec<(usize, String)>,
    ) -> Result<BuilderResponse> {
        let before = self.builder.clone();
        let response = self.builder.offer_rewrites(job, items);
        self.commit(store, "/offer", before, response, None)
    }

    /// One turn: the builder takes the line, and the result is committed before it is returned.
    /// If the commit fails the builder stays as it was before the line.
    pub fn answer(&mut self, store: &mut Store, input: &str) -> Result<BuilderResponse> {
        self.answer_at(store, input, now_ms())
    }

    /// [`Session::answer`], said in `reader` (this turn and the next ones; the CV's language stays
    /// the session's).
    pub fn answer_in(
        &mut self,
        store: &mut Store,
        input: &str,
        reader: Lang,
    ) -> Result<BuilderResponse> {
        let before = self.builder.clone();
        self.builder.set_reader(reader);
        let turn = self.builder.answer(input, now_ms());
        self.commit(store, input, before, turn.response, turn.finalized.as_ref())
    }

    /// The current turn said again in `reader` (after a language switch): the same question, notes
    /// and suggestions, nothing answered, nothing saved until the next turn.
    pub fn view(&mut self, reader: Lang) -> BuilderResponse {
        self.builder.set_reader(reader);
        let mut response = self.builder.response();
        response.session_id = self.id.clone();
        response
    }

    /// [`Session::answer`] with the clock given (benchmarks and tests).
    pub fn answer_at(
        &mut self,
        store: &mut Store,
        input: &str,
        now_ms: u64,
    ) -> Result<BuilderResponse> {
        let before = self.builder.clone();
        let turn = self.builder.answer(input, now_ms);
        self.commit(store, input, before, turn.response, turn.finalized.as_ref())
    }

    /// Saves the turn `answer` → `response` (and the CV when `/done` finalized it); when saving
    /// fails, the builder goes back to `before` and the error is returned.
    fn commit(
        &mut self,
        store: &mut Store,
        answer: &str,
        before: Builder,
        mut response: BuilderResponse,
        finalized: Option<&Cv>,
    ) -> Result<BuilderResponse> {
        response.session_id = self.id.clone();
        let saved = (|| {
            store.save_turn(&TurnRecord {
                session_id: &self.id,
                answer,
                current_state: self.builder.state_name(),
                state_json: &to_json(&self.builder)?,
                response_json: &to_json(&response)?,
                finalized: finalized.map(|cv| (cv, VersionSource::Builder)),
            })
        })();
        match saved {
            Ok(s) => {
                if s.version.is_some() {
                    self.last_version = s.version;
                }
                Ok(response)
            }
            Err(e) => {
                self.builder = before;
                Err(e)
            }
        }
    }
}
