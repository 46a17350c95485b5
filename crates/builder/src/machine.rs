//! The builder's state machine: where the conversation is, what each answer does, and the
//! builder response computed from the state after every turn (DESIGN §4, state names in §8).
//!
//! It does no I/O: the clock comes in as `now_ms` on every call and persistence is the caller's
//! ([`crate::session`]). The whole state is serde-serialisable, so a session can be stored and
//! resumed exactly.

use crate::rewrite::{Rewriter, Tense};
use crate::validate::{self, Invalid, MAX_FIELD, MAX_TEXT};
use crate::words::{self, Command, EditTarget, SECTIONS, Section};
use jobgate_core::{
    Arg, AtsCheck, BuilderResponse, Cv, Education, Experience, Lang, Phrase, Project,
};
use serde::{Deserialize, Serialize};

/// One question of the builder. [`Step::state_name`] is the `current_state` of DESIGN §8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Name,
    Email,
    Phone,
    Location,
    Headline,
    Summary,
    ExperienceTitle,
    ExperienceCompany,
    ExperiencePeriod,
    ExperienceAchievements,
    MoreExperience,
    EducationDegree,
    EducationSchool,
    EducationPeriod,
    MoreEducation,
    Skills,
    Languages,
    Certifications,
    Projects,
    ProjectDescription,
    MoreProjects,
    Review,
    Finalized,
}

impl Step {
    /// The state name of DESIGN §8.
    pub fn state_name(self) -> &'static str {
        match self {
            Step::Name => "asking_for_name",
            Step::Email => "asking_for_email",
            Step::Phone => "asking_for_phone",
            Step::Location => "asking_for_location",
            Step::Headline => "asking_for_headline",
            Step::Summary => "asking_for_summary",
            Step::ExperienceTitle => "asking_for_experience_title",
            Step::ExperienceCompany => "asking_for_experience_company",
            Step::ExperiencePeriod => "asking_for_experience_period",
            Step::ExperienceAchievements => "asking_for_experience_achievements",
            Step::MoreExperience => "asking_for_more_experience",
            Step::EducationDegree => "asking_for_education_degree",
            Step::EducationSchool => "asking_for_education_school",
            Step::EducationPeriod => "asking_for_education_period",
            Step::MoreEducation => "asking_for_more_education",
            Step::Skills => "asking_for_skills",
            Step::Languages => "asking_for_languages",
            Step::Certifications => "asking_for_certifications",
            Step::Projects => "asking_for_projects",
            Step::ProjectDescription => "asking_for_project_description",
            Step::MoreProjects => "asking_for_more_projects",
            Step::Review => "review",
            Step::Finalized => "finalized",
        }
    }

    /// The section this question fills (None for review and finalized).
    pub fn section(self) -> Option<Section> {
        Some(match self {
            Step::Name => Section::Name,
            Step::Email => Section::Email,
            Step::Phone => Section::Phone,
            Step::Location => Section::Location,
            Step::Headline => Section::Headline,
            Step::Summary => Section::Summary,
            Step::ExperienceTitle
            | Step::ExperienceCompany
            | Step::ExperiencePeriod
            | Step::ExperienceAchievements
            | Step::MoreExperience => Section::Experience,
            Step::EducationDegree
            | Step::EducationSchool
            | Step::EducationPeriod
            | Step::MoreEducation => Section::Education,
            Step::Skills => Section::Skills,
            Step::Languages => Section::Languages,
            Step::Certifications => Section::Certifications,
            Step::Projects | Step::ProjectDescription | Step::MoreProjects => Section::Projects,
            Step::Review | Step::Finalized => return None,
        })
    }
}

fn first_step(s: Section) -> Step {
    match s {
        Section::Name => Step::Name,
        Section::Email => Step::Email,
        Section::Phone => Step::Phone,
        Section::Location => Step::Location,
        Section::Headline => Step::Headline,
        Section::Summary => Step::Summary,
        Section::Experience => Step::ExperienceTitle,
        Section::Education => Step::EducationDegree,
        Section::Skills => Step::Skills,
        Section::Languages => Step::Languages,
        Section::Certifications => Step::Certifications,
        Section::Projects => Step::Projects,
        // Not asked about (not in `SECTIONS`, so `/edit` never names them).
        Section::Header
        | Section::Contact
        | Section::Links
        | Section::Achievements
        | Section::Other => Step::Review,
    }
}

/// Progress weight of each section (they add up to 100).
fn weight(s: Section) -> f64 {
    match s {
        Section::Name => 8.0,
        Section::Email => 8.0,
        Section::Phone => 6.0,
        Section::Location => 3.0,
        Section::Headline => 5.0,
        Section::Summary => 10.0,
        Section::Experience => 25.0,
        Section::Education => 12.0,
        Section::Skills => 10.0,
        Section::Languages => 5.0,
        Section::Certifications => 4.0,
        Section::Projects => 4.0,
        Section::Header
        | Section::Contact
        | Section::Links
        | Section::Achievements
        | Section::Other => 0.0,
    }
}

/// Sections a CV may do without: declining them counts as done for progress.
fn optional(s: Section) -> bool {
    matches!(
        s,
        Section::Location
            | Section::Headline
            | Section::Languages
            | Section::Certifications
            | Section::Projects
    )
}

/// A question and, for the loops, which entry it is about (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub step: Step,
    pub index: usize,
}

impl Position {
    fn at(step: Step) -> Position {
        Position { step, index: 0 }
    }
}

/// A rewrite of achievements waiting for `/accept`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Pending {
    experience: usize,
    /// (achievement index, suggested wording)
    items: Vec<(usize, String)>,
}

/// An `/edit` in progress: which sections it covers and where to go back to afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Editing {
    scope: Vec<Section>,
    /// For a loop section: the one entry being edited.
    entry: Option<usize>,
    return_to: Position,
}

/// "Improve my CV": only what is missing or weak is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Improve {
    weak: Vec<Section>,
    /// The ATS checklist's suggestions for the failed checks, as written (for checks stored
    /// before suggestions were kept as codes).
    suggestions: Vec<String>,
    /// The same suggestions as codes with arguments, said in the reader's language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    suggestion_phrases: Vec<Phrase>,
}

/// What the builder said in the last turn besides the question (notes such as "Skipped", hints
/// such as "add a number"), kept as codes so the turn can be said again in another language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Said {
    notes: Vec<Phrase>,
    hints: Vec<Phrase>,
}

/// The user's own pace: seconds per answer, from the time between a question and its answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Pace {
    answers: u32,
    seconds: f64,
    last_shown_ms: Option<u64>,
}

/// Seconds per question before the user has answered any.
const DEFAULT_SECONDS_PER_ANSWER: f64 = 25.0;

impl Pace {
    fn record(&mut self, now_ms: u64) {
        if let Some(shown) = self.last_shown_ms {
            // A long pause is a break, a very quick one a paste: neither is the user's pace.
            let secs = (now_ms.saturating_sub(shown) as f64 / 1000.0).clamp(2.0, 180.0);
            self.answers += 1;
            self.seconds += secs;
        }
    }

    fn seconds_per_answer(&self) -> f64 {
        if self.answers == 0 {
            DEFAULT_SECONDS_PER_ANSWER
        } else {
            self.seconds / self.answers as f64
        }
    }
}

/// What one turn produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The response (its `session_id` is filled in by the session).
    pub response: BuilderResponse,
    /// Set when this turn finalised the CV (`/done`): the CV to save as a version.
    pub finalized: Option<Cv>,
}

/// The CV builder: a state machine over one CV.
///
/// Two languages: `lang` is the CV's (the session's, chosen when it starts: the language the CV is
/// written in); the reader's ([`Builder::set_reader`]) is the one every message, question and
/// suggestion is said in, and may change at any turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Builder {
    lang: Lang,
    /// The language the person reads the conversation in (`None`: the CV's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reader: Option<Lang>,
    /// The last turn's notes and hints.
    #[serde(default)]
    said: Said,
    cv: Cv,
    pos: Position,
    /// Positions visited before `pos`, for `/back`.
    trail: Vec<Position>,
    /// Sections the user said they have nothing for.
    declined: Vec<Section>,
    pending: Option<Pending>,
    editing: Option<Editing>,
    improve: Option<Improve>,
    pace: Pace,
    /// How many times `/done` saved the CV.
    saves: u32,
}

type Notes = Vec<Phrase>;

impl Builder {
    /// A new, empty CV in `lang`.
    pub fn new(lang: Lang) -> Builder {
        Builder {
            lang,
            reader: None,
            said: Said::default(),
            cv: Cv::default(),
            pos: Position::at(Step::Name),
            trail: Vec::new(),
            declined: Vec::new(),
            pending: None,
            editing: None,
            improve: None,
            pace: Pace::default(),
            saves: 0,
        }
    }

    /// "Improve my CV": starts from an analysed CV and asks only for what is missing or weak,
    /// guided by the ATS checklist (failed checks and their suggestions).
    pub fn from_cv(cv: Cv, ats_checks: &[AtsCheck], lang: Lang) -> Builder {
        let failed = |id: &str| ats_checks.iter().any(|c| c.id == id && !c.passed);
        let p = &cv.personal_info;
        let mut weak = Vec::new();
        for (s, empty) in [
            (Section::Name, p.name.is_empty()),
            (Section::Email, p.email.is_empty()),
            (Section::Phone, p.phone.is_empty()),
            (Section::Location, p.location.is_empty()),
            (Section::Headline, p.headline.is_empty()),
            (Section::Summary, cv.summary.trim().is_empty()),
            (
                Section::Experience,
                cv.experience.is_empty() || failed("experience"),
            ),
            (
                Section::Education,
                cv.education.is_empty() || failed("education"),
            ),
            (
                Section::Skills,
                cv.skills.is_empty() || failed("skills") || cv.skills.len() < 5,
            ),
            (Section::Languages, cv.languages.is_empty()),
            (Section::Certifications, cv.certifications.is_empty()),
            (Section::Projects, cv.projects.is_empty()),
        ] {
            if empty {
                weak.push(s);
            }
        }
        let failed_checks: Vec<&AtsCheck> = ats_checks
            .iter()
            .filter(|c| !c.passed && !c.suggestion.is_empty())
            .collect();
        let suggestions = failed_checks.iter().map(|c| c.suggestion.clone()).collect();
        // Kept as codes only when every one of them was (else the words, as they were written).
        let suggestion_phrases = if failed_checks
            .iter()
            .all(|c| !c.suggestion_phrases.is_empty())
        {
            failed_checks
                .iter()
                .flat_map(|c| c.suggestion_phrases.iter().cloned())
                .collect()
        } else {
            Vec::new()
        };
        let mut b = Builder::new(lang);
        b.cv = cv;
        b.improve = Some(Improve {
            weak,
            suggestions,
            suggestion_phrases,
        });
        if !b.needed(b.pos) {
            b.pos = b.next_needed(b.pos);
        }
        b
    }

    /// The CV's language (the session's).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The language the conversation is said in: the one last asked for, else the CV's.
    pub fn reader(&self) -> Lang {
        self.reader.unwrap_or(self.lang)
    }

    /// Says the conversation in `lang` from now on; the CV's language stays as it is.
    pub fn set_reader(&mut self, lang: Lang) {
        self.reader = Some(lang);
    }

    pub fn cv(&self) -> &Cv {
        &self.cv
    }

    pub fn position(&self) -> Position {
        self.pos
    }

    /// The `current_state` name.
    pub fn state_name(&self) -> &'static str {
        self.pos.step.state_name()
    }

    pub fn is_finalized(&self) -> bool {
        self.pos.step == Step::Finalized
    }

    fn t(&self, id: &str) -> Phrase {
        Phrase::new(id)
    }

    /// A message with the person's own words (an answer, a title) as its one argument.
    fn t1(&self, id: &str, k: &str, v: &str) -> Phrase {
        Phrase::new(id).cv(k, v)
    }

    fn tn(&self, id: &str, n: usize) -> Phrase {
        Phrase::new(id).count(n)
    }

    /// The first response of a session: a welcome and the first question.
    pub fn start(&mut self, now_ms: u64) -> BuilderResponse {
        let welcome = if self.improve.is_some() {
            "builder-welcome-improve"
        } else {
            "builder-welcome"
        };
        self.pace.last_shown_ms = Some(now_ms);
        self.said = Said {
            notes: vec![self.t(welcome)],
            hints: Vec::new(),
        };
        self.response()
    }

    /// The response shown when a stored session is opened again (nothing changes but the clock).
    pub fn resume(&mut self, now_ms: u64) -> BuilderResponse {
        self.pace.last_shown_ms = Some(now_ms);
        self.said = Said {
            notes: vec![self.t("builder-resumed")],
            hints: Vec::new(),
        };
        self.response()
    }

    /// Takes one line from the user (an answer or a slash command) at time `now_ms`.
    pub fn answer(&mut self, input: &str, now_ms: u64) -> Turn {
        let input = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        self.pace.record(now_ms);
        let mut notes = Notes::new();
        let mut hints = Vec::new();
        let mut finalized = None;
        match words::command(input) {
            Some(cmd) => {
                if cmd != Command::Accept {
                    self.pending = None;
                }
                match cmd {
                    Command::Back => self.back(&mut notes),
                    Command::Skip => self.skip(&mut notes),
                    Command::Edit(arg) => self.edit(&arg, &mut notes),
                    Command::Review => {
                        if self.pos.step != Step::Review {
                            self.move_to(Position::at(Step::Review));
                        }
                    }
                    Command::Done => {
                        if self.is_finalized() {
                            notes.push(self.t("builder-already-finalized"));
                        } else {
                            self.editing = None;
                            self.move_to(Position::at(Step::Finalized));
                            self.saves += 1;
                            notes.push(self.t("builder-finalized-now"));
                            finalized = Some(self.cv.clone());
                        }
                    }
                    Command::Accept => self.accept(&mut notes),
                    Command::Unknown(c) => {
                        notes.push(self.t1("builder-unknown-command", "command", &c))
                    }
                }
            }
            None => {
                self.pending = None;
                if let Err(why) = self.take(input, &mut hints) {
                    notes.push(self.invalid_message(&why, input));
                }
            }
        }
        self.pace.last_shown_ms = Some(now_ms);
        self.said = Said { notes, hints };
        Turn {
            response: self.response(),
            finalized,
        }
    }

    fn invalid_message(&self, why: &Invalid, input: &str) -> Phrase {
        let value = input.trim();
        match why {
            Invalid::Empty => self.t("builder-invalid-empty"),
            Invalid::Name => self.t("builder-invalid-name"),
            Invalid::Email => self.t1("builder-invalid-email", "value", value),
            Invalid::Phone => self.t1("builder-invalid-phone", "value", value),
            Invalid::Period => self.t1("builder-invalid-period", "value", value),
            Invalid::PeriodOrder { start, end } => Phrase::new("builder-invalid-period-order")
                .cv("start", start.as_str())
                .cv("end", end.as_str()),
            Invalid::Note(id) => self.t(id),
            Invalid::TooLong { len, max } => Phrase::new("builder-invalid-too-long")
                .count(*len)
                .value("max", max),
        }
    }

    // ---- answers ----------------------------------------------------------------------------

    /// Stores a (non-command) answer at the current position and moves on, or says why not.
    fn take(&mut self, input: &str, hints: &mut Vec<Phrase>) -> Result<(), Invalid> {
        let i = self.pos.index;
        let no = words::is_no(input);
        match self.pos.step {
            Step::Finalized => {
                return Err(Invalid::Note("builder-already-finalized"));
            }
            Step::Review => {
                return Err(Invalid::Note("builder-review-hint"));
            }
            Step::Name => self.cv.personal_info.name = validate::name(input)?,
            Step::Email => self.cv.personal_info.email = validate::email(input)?,
            Step::Phone => self.cv.personal_info.phone = validate::phone(input)?,
            Step::Location => self.cv.personal_info.location = validate::text(input, MAX_FIELD)?,
            Step::Headline => self.cv.personal_info.headline = validate::text(input, MAX_FIELD)?,
            Step::Summary => self.cv.summary = validate::text(input, MAX_TEXT)?,
            Step::ExperienceTitle => {
                if no && i >= self.cv.experience.len() {
                    self.leave_loop(Section::Experience);
                    return Ok(());
                }
                let v = validate::text(input, MAX_FIELD)?;
                self.experience_mut(i).title = v;
            }
            Step::ExperienceCompany => {
                let v = validate::text(input, MAX_FIELD)?;
                self.experience_mut(i).company = v;
            }
            Step::ExperiencePeriod => {
                let (start, end, text) = validate::period(input)?;
                let e = self.experience_mut(i);
                e.start = start;
                e.end = end;
                e.period = text;
            }
            Step::ExperienceAchievements => {
                if no {
                    self.advance();
                    return Ok(());
                }
                let text = validate::text(input, MAX_TEXT)?;
                self.add_achievements(i, &text, hints);
                // Stay: the next question is "another achievement?".
                return Ok(());
            }
            Step::MoreExperience => match words::yes_no(input) {
                Some(true) => {
                    self.new_entry(Step::ExperienceTitle, self.cv.experience.len());
                    return Ok(());
                }
                Some(false) => {
                    self.leave_loop(Section::Experience);
                    return Ok(());
                }
                None => return Err(Invalid::Note("builder-invalid-yes-no")),
            },
            Step::EducationDegree => {
                if no && i >= self.cv.education.len() {
                    self.leave_loop(Section::Education);
                    return Ok(());
                }
                let v = validate::text(input, MAX_FIELD)?;
                self.education_mut(i).degree = v;
            }
            Step::EducationSchool => {
                let v = validate::text(input, MAX_FIELD)?;
                self.education_mut(i).school = v;
            }
            Step::EducationPeriod => {
                let (start, end, text) = validate::period(input)?;
                let e = self.education_mut(i);
                // A single year is when the studies ended.
                if end.is_empty() {
                    e.start = String::new();
                    e.end = start;
                } else {
                    e.start = start;
                    e.end = end;
                }
                e.years = text;
            }
            Step::MoreEducation => match words::yes_no(input) {
                Some(true) => {
                    self.new_entry(Step::EducationDegree, self.cv.education.len());
                    return Ok(());
                }
                Some(false) => {
                    self.leave_loop(Section::Education);
                    return Ok(());
                }
                None => return Err(Invalid::Note("builder-invalid-yes-no")),
            },
            Step::Skills => {
                if no {
                    // Declining is the answer: move on without the "answered, so not declined" reset below.
                    self.decline(Section::Skills);
                    self.advance();
                    return Ok(());
                } else {
                    let items = validate::list(&validate::text(input, MAX_TEXT)?);
                    if self.improve.is_some() && self.editing.is_none() {
                        for s in items {
                            if !self.cv.skills.iter().any(|k| k.eq_ignore_ascii_case(&s)) {
                                self.cv.skills.push(s);
                            }
                        }
                    } else {
                        self.cv.skills = items;
                    }
                }
            }
            Step::Languages => {
                if no {
                    // Declining is the answer: move on without the "answered, so not declined" reset below.
                    self.decline(Section::Languages);
                    self.advance();
                    return Ok(());
                } else {
                    self.cv.languages = validate::languages(&validate::text(input, MAX_TEXT)?);
                }
            }
            Step::Certifications => {
                if no {
                    // Declining is the answer: move on without the "answered, so not declined" reset below.
                    self.decline(Section::Certifications);
                    self.advance();
                    return Ok(());
                } else {
                    self.cv.certifications = validate::list(&validate::text(input, MAX_TEXT)?);
                }
            }
            Step::Projects => {
                if no && i >= self.cv.projects.len() {
                    self.leave_loop(Section::Projects);
                    return Ok(());
                }
                let v = validate::text(input, MAX_FIELD)?;
                self.project_mut(i).title = v;
            }
            Step::ProjectDescription => {
                let v = validate::text(input, MAX_TEXT)?;
                let link = validate::link(&v);
                let p = self.project_mut(i);
                if let Some(link) = link {
                    p.link = link;
                }
                p.description = v;
            }
            Step::MoreProjects => match words::yes_no(input) {
                Some(true) => {
                    self.new_entry(Step::Projects, self.cv.projects.len());
                    return Ok(());
                }
                Some(false) => {
                    self.leave_loop(Section::Projects);
                    return Ok(());
                }
                None => return Err(Invalid::Note("builder-invalid-yes-no")),
            },
        }
        if let Some(s) = self.pos.step.section() {
            self.declined.retain(|d| *d != s);
        }
        self.advance();
        Ok(())
    }

    fn add_achievements(&mut self, i: usize, text: &str, hints: &mut Vec<Phrase>) {
        let tense = match self.cv.experience.get(i) {
            Some(e) if e.end == "present" => Tense::Present,
            _ => Tense::Past,
        };
        let rewriter = Rewriter::builtin();
        let mut items = Vec::new();
        let mut needs_number = false;
        for part in text
            .split([';', '؛', '•'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let r = rewriter.rewrite(part, tense);
            let e = self.experience_mut(i);
            e.achievements.push(part.to_string());
            let index = e.achievements.len() - 1;
            needs_number |= r.needs_number;
            if r.changed {
                items.push((index, r.text));
            }
        }
        if needs_number {
            hints.push(self.t("builder-ask-number"));
        }
        if !items.is_empty() {
            self.pending = Some(Pending {
                experience: i,
                items,
            });
        }
    }

    fn experience_mut(&mut self, i: usize) -> &mut Experience {
        while self.cv.experience.len() <= i {
            self.cv.experience.push(Experience::default());
        }
        &mut self.cv.experience[i]
    }

    fn education_mut(&mut self, i: usize) -> &mut Education {
        while self.cv.education.len() <= i {
            self.cv.education.push(Education::default());
        }
        &mut self.cv.education[i]
    }

    fn project_mut(&mut self, i: usize) -> &mut Project {
        while self.cv.projects.len() <= i {
            self.cv.projects.push(Project::default());
        }
        &mut self.cv.projects[i]
    }

    fn decline(&mut self, s: Section) {
        if !self.declined.contains(&s) {
            self.declined.push(s);
        }
    }

    // ---- other wordings (AI) --------------------------------------------------------------------

    /// The achievements another rewriter (the AI) could improve: those of the job with a pending
    /// suggestion, else of the last job that has achievements, as the user wrote them —
    /// `(job index, [(achievement index, text)])`.
    pub fn rewrite_targets(&self) -> Option<(usize, Vec<(usize, String)>)> {
        let job = match &self.pending {
            Some(p) => p.experience,
            None => self
                .cv
                .experience
                .iter()
                .rposition(|e| !e.achievements.is_empty())?,
        };
        let items: Vec<(usize, String)> = self
            .cv
            .experience
            .get(job)?
            .achievements
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|(i, a)| (i, a.clone()))
            .collect();
        (!items.is_empty()).then_some((job, items))
    }

    /// Offers other wordings for achievements of job `job`, replacing the rule suggestion; like
    /// that one they change the CV only on `/accept`. Wordings that are empty or equal to the
    /// current text are dropped; with none left, any earlier suggestion stays.
    pub fn offer_rewrites(&mut self, job: usize, items: Vec<(usize, String)>) -> BuilderResponse {
        let current = self.cv.experience.get(job);
        let items: Vec<(usize, String)> = items
            .into_iter()
            .map(|(i, t)| (i, t.trim().to_string()))
            .filter(|(i, t)| {
                !t.is_empty()
                    && current
                        .and_then(|e| e.achievements.get(*i))
                        .is_some_and(|a| a.trim() != t)
            })
            .collect();
        if !items.is_empty() {
            self.pending = Some(Pending {
                experience: job,
                items,
            });
        }
        self.said = Said::default();
        self.response()
    }

    // ---- commands ---------------------------------------------------------------------------

    fn accept(&mut self, notes: &mut Notes) {
        match self.pending.take() {
            Some(p) => {
                if let Some(e) = self.cv.experience.get_mut(p.experience) {
                    for (i, text) in p.items {
                        if let Some(a) = e.achievements.get_mut(i) {
                            *a = text;
                        }
                    }
                }
                notes.push(self.t("builder-accepted"));
            }
            None => notes.push(self.t("builder-nothing-to-accept")),
        }
    }

    fn back(&mut self, notes: &mut Notes) {
        match self.trail.pop() {
            Some(p) => {
                self.pos = p;
                self.prune();
                if let Some(ed) = &self.editing
                    && !self.in_scope(ed, p)
                {
                    self.editing = None;
                }
                notes.push(self.t("builder-went-back"));
            }
            None => notes.push(self.t("builder-cannot-go-back")),
        }
    }

    fn skip(&mut self, notes: &mut Notes) {
        let i = self.pos.index;
        match self.pos.step {
            Step::Review | Step::Finalized => return,
            Step::ExperienceTitle if i >= self.cv.experience.len() => {
                self.leave_loop(Section::Experience)
            }
            Step::EducationDegree if i >= self.cv.education.len() => {
                self.leave_loop(Section::Education)
            }
            Step::Projects if i >= self.cv.projects.len() => self.leave_loop(Section::Projects),
            Step::MoreExperience => self.leave_loop(Section::Experience),
            Step::MoreEducation => self.leave_loop(Section::Education),
            Step::MoreProjects => self.leave_loop(Section::Projects),
            step => {
                if let Some(s) = step.section()
                    && self.completion(s) == 0.0
                {
                    self.decline(s);
                }
                self.advance();
            }
        }
        notes.push(self.t("builder-skipped"));
    }

    fn edit(&mut self, arg: &str, notes: &mut Notes) {
        let Some((target, number)) = words::edit_target(arg) else {
            let sections = SECTIONS
                .iter()
                .map(|s| s.as_str())
                .chain(["contact"])
                .collect::<Vec<_>>()
                .join(", ");
            notes.push(
                Phrase::new("builder-unknown-section")
                    .cv("section", arg)
                    .value("sections", sections),
            );
            return;
        };
        let scope = match target {
            EditTarget::Contact => vec![
                Section::Name,
                Section::Email,
                Section::Phone,
                Section::Location,
                Section::Headline,
            ],
            EditTarget::Section(s) => vec![s],
        };
        let first = scope[0];
        let len = match first {
            Section::Experience => self.cv.experience.len(),
            Section::Education => self.cv.education.len(),
            Section::Projects => self.cv.projects.len(),
            _ => 0,
        };
        let index = number.map(|n| n.saturating_sub(1).min(len)).unwrap_or(0);
        let entry = matches!(
            first,
            Section::Experience | Section::Education | Section::Projects
        )
        .then_some(index);
        let return_to = match self.pos.step {
            Step::Finalized => Position::at(Step::Review),
            _ => self.pos,
        };
        self.declined.retain(|d| !scope.contains(d));
        self.editing = Some(Editing {
            scope,
            entry,
            return_to,
        });
        self.move_to(Position {
            step: first_step(first),
            index,
        });
    }

    // ---- moving -----------------------------------------------------------------------------

    /// Goes to `p`, remembering where we were for `/back`.
    fn move_to(&mut self, p: Position) {
        if self.pos != p {
            self.trail.push(self.pos);
            self.pos = p;
        }
        self.prune();
    }

    /// Moves to the next question that needs asking (or back to where an `/edit` started).
    fn advance(&mut self) {
        let next = self.next_needed(self.pos);
        self.go(next);
    }

    /// Leaves a loop section for the question after it.
    fn leave_loop(&mut self, s: Section) {
        if self.completion(s) == 0.0 {
            self.decline(s);
        }
        let after = after_section(s);
        let next = if self.needed(after) {
            after
        } else {
            self.next_needed(after)
        };
        self.go(next);
    }

    fn go(&mut self, mut next: Position) {
        if let Some(ed) = &self.editing
            && !self.in_scope(ed, next)
        {
            next = ed.return_to;
            self.editing = None;
        }
        self.move_to(next);
    }

    fn in_scope(&self, ed: &Editing, p: Position) -> bool {
        p.step.section().is_some_and(|s| ed.scope.contains(&s))
            && ed.entry.is_none_or(|e| e == p.index)
    }

    /// "Another one?" answered yes: goes to a new entry (which an `/edit` of the loop then covers).
    fn new_entry(&mut self, step: Step, index: usize) {
        if let Some(ed) = &mut self.editing
            && ed.entry.is_some()
        {
            ed.entry = Some(index);
        }
        self.move_to(Position { step, index });
    }

    /// The question after `p` in the plain order (a "no" at the loop questions).
    fn successor(&self, p: Position) -> Position {
        let i = p.index;
        let at = |step| Position { step, index: i };
        match p.step {
            Step::Name => Position::at(Step::Email),
            Step::Email => Position::at(Step::Phone),
            Step::Phone => Position::at(Step::Location),
            Step::Location => Position::at(Step::Headline),
            Step::Headline => Position::at(Step::Summary),
            Step::Summary => Position::at(Step::ExperienceTitle),
            Step::ExperienceTitle => at(Step::ExperienceCompany),
            Step::ExperienceCompany => at(Step::ExperiencePeriod),
            Step::ExperiencePeriod => at(Step::ExperienceAchievements),
            Step::ExperienceAchievements if i + 1 < self.cv.experience.len() => Position {
                step: Step::ExperienceTitle,
                index: i + 1,
            },
            Step::ExperienceAchievements => at(Step::MoreExperience),
            Step::MoreExperience => after_section(Section::Experience),
            Step::EducationDegree => at(Step::EducationSchool),
            Step::EducationSchool => at(Step::EducationPeriod),
            Step::EducationPeriod if i + 1 < self.cv.education.len() => Position {
                step: Step::EducationDegree,
                index: i + 1,
            },
            Step::EducationPeriod => at(Step::MoreEducation),
            Step::MoreEducation => after_section(Section::Education),
            Step::Skills => Position::at(Step::Languages),
            Step::Languages => Position::at(Step::Certifications),
            Step::Certifications => Position::at(Step::Projects),
            Step::Projects => at(Step::ProjectDescription),
            Step::ProjectDescription if i + 1 < self.cv.projects.len() => Position {
                step: Step::Projects,
                index: i + 1,
            },
            Step::ProjectDescription => at(Step::MoreProjects),
            Step::MoreProjects => Position::at(Step::Review),
            Step::Review | Step::Finalized => Position::at(Step::Review),
        }
    }

    /// The next question after `p` that needs asking.
    fn next_needed(&self, p: Position) -> Position {
        let mut next = self.successor(p);
        // The walk always ends at review, which is always needed; the bound is a safeguard.
        for _ in 0..256 {
            if self.needed(next) {
                break;
            }
            next = self.successor(next);
        }
        next
    }

    /// Whether a question is worth asking: always, except in "improve my CV" mode where only
    /// what is missing or weak is asked (an `/edit` asks everything in its scope).
    fn needed(&self, p: Position) -> bool {
        let Some(imp) = &self.improve else {
            return true;
        };
        if let Some(ed) = &self.editing
            && self.in_scope(ed, p)
        {
            return true;
        }
        let i = p.index;
        let pi = &self.cv.personal_info;
        let weak = |s| imp.weak.contains(&s);
        let exp = self.cv.experience.get(i);
        let edu = self.cv.education.get(i);
        let proj = self.cv.projects.get(i);
        match p.step {
            Step::Review | Step::Finalized => true,
            Step::Name => pi.name.is_empty(),
            Step::Email => pi.email.is_empty(),
            Step::Phone => pi.phone.is_empty(),
            Step::Location => pi.location.is_empty(),
            Step::Headline => pi.headline.is_empty(),
            Step::Summary => self.cv.summary.is_empty(),
            Step::ExperienceTitle => exp.is_none_or(|e| e.title.is_empty()),
            Step::ExperienceCompany => exp.is_none_or(|e| e.company.is_empty()),
            Step::ExperiencePeriod => exp.is_none_or(|e| e.start.is_empty()),
            Step::ExperienceAchievements => exp.is_none_or(|e| {
                !e.achievements
                    .iter()
                    .any(|a| Rewriter::builtin().has_quantity(a))
            }),
            Step::MoreExperience => weak(Section::Experience),
            Step::EducationDegree => edu.is_none_or(|e| e.degree.is_empty()),
            Step::EducationSchool => edu.is_none_or(|e| e.school.is_empty()),
            Step::EducationPeriod => edu.is_none_or(|e| e.start.is_empty() && e.end.is_empty()),
            Step::MoreEducation => weak(Section::Education),
            Step::Skills => weak(Section::Skills),
            Step::Languages => self.cv.languages.is_empty(),
            Step::Certifications => self.cv.certifications.is_empty(),
            Step::Projects => proj.is_none_or(|p| p.title.is_empty()),
            Step::ProjectDescription => proj.is_none_or(|p| p.description.is_empty()),
            Step::MoreProjects => weak(Section::Projects),
        }
    }

    /// Drops loop entries left empty (e.g. after "/back" out of a new job), except the one being asked about.
    fn prune(&mut self) {
        let keep =
            |step: Step, s: Section, i: usize| step.section() == Some(s) && i == self.pos.index;
        let step = self.pos.step;
        let mut i = self.cv.experience.len();
        while i > 0 {
            i -= 1;
            if self.cv.experience[i] == Experience::default() && !keep(step, Section::Experience, i)
            {
                self.cv.experience.remove(i);
            }
        }
        let mut i = self.cv.education.len();
        while i > 0 {
            i -= 1;
            if self.cv.education[i] == Education::default() && !keep(step, Section::Education, i) {
                self.cv.education.remove(i);
            }
        }
        let mut i = self.cv.projects.len();
        while i > 0 {
            i -= 1;
            if self.cv.projects[i] == Project::default() && !keep(step, Section::Projects, i) {
                self.cv.projects.remove(i);
            }
        }
    }

    // ---- the response -----------------------------------------------------------------------

    /// How complete a section is, 0.0–1.0, from the CV alone.
    fn completion(&self, s: Section) -> f64 {
        let cv = &self.cv;
        let filled = |v: &str| if v.trim().is_empty() { 0.0 } else { 1.0 };
        match s {
            Section::Name => filled(&cv.personal_info.name),
            Section::Email => filled(&cv.personal_info.email),
            Section::Phone => filled(&cv.personal_info.phone),
            Section::Location => filled(&cv.personal_info.location),
            Section::Headline => filled(&cv.personal_info.headline),
            Section::Summary => filled(&cv.summary),
            Section::Experience => cv
                .experience
                .iter()
                .map(|e| {
                    0.25 * filled(&e.title)
                        + 0.2 * filled(&e.company)
                        + 0.2 * filled(&e.start)
                        + if e.achievements.is_empty() { 0.0 } else { 0.35 }
                })
                .fold(0.0, f64::max),
            Section::Education => cv
                .education
                .iter()
                .map(|e| {
                    0.4 * filled(&e.degree)
                        + 0.4 * filled(&e.school)
                        + 0.2 * filled(&format!("{}{}", e.start, e.end))
                })
                .fold(0.0, f64::max),
            Section::Skills => (cv.skills.len() as f64 / 3.0).min(1.0),
            Section::Languages => filled_list(cv.languages.len()),
            Section::Certifications => filled_list(cv.certifications.len()),
            Section::Projects => cv
                .projects
                .iter()
                .map(|p| 0.5 * filled(&p.title) + 0.5 * filled(&p.description))
                .fold(0.0, f64::max),
            Section::Achievements => filled_list(cv.achievements.len()),
            Section::Header | Section::Contact | Section::Links | Section::Other => 0.0,
        }
    }

    /// 0–100: the weighted completion of the sections; an optional section the user declined counts as done.
    pub fn progress(&self) -> u8 {
        let total: f64 = SECTIONS
            .iter()
            .map(|&s| {
                let done = if optional(s) && self.declined.contains(&s) {
                    1.0
                } else {
                    self.completion(s)
                };
                weight(s) * done
            })
            .sum();
        total.round().clamp(0.0, 100.0) as u8
    }

    /// Sections with nothing in them yet.
    pub fn missing_sections(&self) -> Vec<Section> {
        SECTIONS
            .into_iter()
            .filter(|&s| self.completion(s) == 0.0)
            .collect()
    }

    /// Questions left on the way to review, assuming one more achievement and "no" at the loops.
    pub fn remaining_questions(&self) -> usize {
        if matches!(self.pos.step, Step::Review | Step::Finalized) {
            return 0;
        }
        let mut count = 0;
        let mut p = self.pos;
        for _ in 0..256 {
            if p.step == Step::Review {
                break;
            }
            count += 1;
            if p.step == Step::ExperienceAchievements
                && self
                    .cv
                    .experience
                    .get(p.index)
                    .is_none_or(|e| e.achievements.is_empty())
            {
                count += 1;
            }
            p = self.next_needed(p);
        }
        count
    }

    /// Minutes left: remaining questions times the user's own seconds per answer.
    pub fn estimated_minutes_left(&self) -> u32 {
        let secs = self.remaining_questions() as f64 * self.pace.seconds_per_answer();
        (secs / 60.0).ceil() as u32
    }

    /// The question of the current position, in the reader's language.
    pub fn question(&self) -> String {
        self.question_phrase().render(self.reader())
    }

    /// The question of the current position, as a code with arguments.
    pub fn question_phrase(&self) -> Phrase {
        let i = self.pos.index;
        let exp = self.cv.experience.get(i);
        let title = exp
            .map(|e| e.title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "—".into());
        match self.pos.step {
            Step::Name => self.t("builder-q-name"),
            Step::Email => self.t("builder-q-email"),
            Step::Phone => self.t("builder-q-phone"),
            Step::Location => self.t("builder-q-location"),
            Step::Headline => self.t("builder-q-headline"),
            Step::Summary => self.t("builder-q-summary"),
            Step::ExperienceTitle if i == 0 => self.t("builder-q-experience-title"),
            Step::ExperienceTitle => self.t("builder-q-experience-title-next"),
            Step::ExperienceCompany => self.t1("builder-q-experience-company", "title", &title),
            Step::ExperiencePeriod => self.t("builder-q-experience-period"),
            Step::ExperienceAchievements => match exp {
                Some(e)
                    if self.improve.is_some()
                        && !e.achievements.is_empty()
                        && self.needed(self.pos) =>
                {
                    Phrase::new("builder-q-experience-improve")
                        .cv("title", title.as_str())
                        .cv("company", e.company.as_str())
                }
                Some(e) if !e.achievements.is_empty() => {
                    self.t("builder-q-experience-more-achievements")
                }
                _ => self.t1("builder-q-experience-achievements", "title", &title),
            },
            Step::MoreExperience => self.t("builder-q-more-experience"),
            Step::EducationDegree if i == 0 => self.t("builder-q-education-degree"),
            Step::EducationDegree => self.t("builder-q-education-degree-next"),
            Step::EducationSchool => self.t("builder-q-education-school"),
            Step::EducationPeriod => self.t("builder-q-education-period"),
            Step::MoreEducation => self.t("builder-q-more-education"),
            Step::Skills => self.t("builder-q-skills"),
            Step::Languages => self.t("builder-q-languages"),
            Step::Certifications => self.t("builder-q-certifications"),
            Step::Projects if i == 0 => self.t("builder-q-projects"),
            Step::Projects => self.t("builder-q-projects-next"),
            Step::ProjectDescription => self.t("builder-q-project-description"),
            Step::MoreProjects => self.t("builder-q-more-projects"),
            Step::Review => self.t("builder-q-review"),
            Step::Finalized => self.t("builder-q-finalized"),
        }
    }

    /// What is stored now for the current question, shown when it is asked again (after /back or /edit).
    fn current_value(&self) -> Option<String> {
        let i = self.pos.index;
        let pi = &self.cv.personal_info;
        let v = match self.pos.step {
            Step::Name => pi.name.clone(),
            Step::Email => pi.email.clone(),
            Step::Phone => pi.phone.clone(),
            Step::Location => pi.location.clone(),
            Step::Headline => pi.headline.clone(),
            Step::Summary => self.cv.summary.clone(),
            Step::ExperienceTitle => self.cv.experience.get(i)?.title.clone(),
            Step::ExperienceCompany => self.cv.experience.get(i)?.company.clone(),
            Step::ExperiencePeriod => self.cv.experience.get(i)?.period.clone(),
            Step::EducationDegree => self.cv.education.get(i)?.degree.clone(),
            Step::EducationSchool => self.cv.education.get(i)?.school.clone(),
            Step::EducationPeriod => self.cv.education.get(i)?.years.clone(),
            Step::Skills => self.cv.skills.join(", "),
            Step::Languages => self
                .cv
                .languages
                .iter()
                .map(|l| {
                    if l.level.is_empty() {
                        l.name.clone()
                    } else {
                        format!("{} ({})", l.name, l.level)
                    }
                })
                .collect::<Vec<_>>()
                .join(", "),
            Step::Certifications => self.cv.certifications.join(", "),
            Step::Projects => self.cv.projects.get(i)?.title.clone(),
            Step::ProjectDescription => self.cv.projects.get(i)?.description.clone(),
            _ => String::new(),
        };
        (!v.is_empty()).then_some(v)
    }

    fn section_names(&self, sections: &[Section]) -> Arg {
        Arg::List {
            items: sections
                .iter()
                .map(|s| {
                    Arg::Phrase(Box::new(Phrase::new(format!(
                        "builder-section-{}",
                        s.as_str()
                    ))))
                })
                .collect(),
            more: false,
        }
    }

    /// A short summary of the CV for the review step, one line a phrase.
    fn review_text(&self) -> Vec<Phrase> {
        let cv = &self.cv;
        let p = &cv.personal_info;
        let mut lines = Vec::new();
        let head: Vec<&str> = [
            p.name.as_str(),
            p.headline.as_str(),
            p.email.as_str(),
            p.phone.as_str(),
            p.location.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        if !head.is_empty() {
            lines.push(Phrase::new("builder-as-written").cv("text", head.join(" · ")));
        }
        let achievements: usize = cv.experience.iter().map(|e| e.achievements.len()).sum();
        let counts = [
            self.tn("builder-count-jobs", cv.experience.len()),
            self.tn("builder-count-achievements", achievements),
            self.tn("builder-count-degrees", cv.education.len()),
            self.tn("builder-count-skills", cv.skills.len()),
            self.tn("builder-count-languages", cv.languages.len()),
            self.tn("builder-count-projects", cv.projects.len()),
        ];
        lines.push(
            Phrase::new("builder-as-written").arg(
                "text",
                Arg::List {
                    items: counts
                        .into_iter()
                        .map(|p| Arg::Phrase(Box::new(p)))
                        .collect(),
                    more: false,
                },
            ),
        );
        let missing = self.missing_sections();
        if missing.is_empty() {
            lines.push(self.t("builder-review-complete"));
        } else {
            lines.push(
                Phrase::new("builder-review-missing").arg("sections", self.section_names(&missing)),
            );
        }
        lines
    }

    /// Advice computed from the CV as it is now.
    fn state_suggestions(&self) -> Vec<Phrase> {
        let cv = &self.cv;
        let mut out = Vec::new();
        let past = |s: Step| {
            self.pos.step == Step::Review || self.pos.step == Step::Finalized || self.passed(s)
        };
        if past(Step::Skills) && (1..5).contains(&cv.skills.len()) {
            out.push(self.tn("builder-suggest-more-skills", cv.skills.len()));
        }
        let all: Vec<&String> = cv.experience.iter().flat_map(|e| &e.achievements).collect();
        if !all.is_empty() && !all.iter().any(|a| Rewriter::builtin().has_quantity(a)) {
            out.push(self.t("builder-suggest-numbers"));
        }
        if past(Step::ExperienceTitle)
            && self.pos.step.section() != Some(Section::Experience)
            && cv.experience.is_empty()
        {
            out.push(self.t("builder-suggest-add-experience"));
        }
        if !cv.summary.is_empty() && cv.summary.chars().count() < 80 {
            out.push(self.t("builder-suggest-summary"));
        }
        out
    }

    /// True when the plain order has gone past `s` (used to time advice).
    fn passed(&self, s: Step) -> bool {
        let order = |x: Step| x as usize;
        order(self.pos.step) > order(s)
    }

    /// The builder response for the current state and the last turn's notes and hints, in the
    /// reader's language ([`Builder::reader`]).
    pub fn response(&self) -> BuilderResponse {
        self.response_in(self.reader())
    }

    /// The builder response for the current state and the last turn's notes and hints, said in
    /// `reader` (the CV and its language are not touched): what a language switch shows.
    pub fn response_in(&self, reader: Lang) -> BuilderResponse {
        let question = self.question_phrase();
        let mut message = self.said.notes.clone();
        if !matches!(self.pos.step, Step::Review | Step::Finalized)
            && let Some(v) = self.current_value()
        {
            message.push(self.t1("builder-current-value", "value", &v));
        }
        message.push(question.clone());
        if matches!(self.pos.step, Step::Review | Step::Finalized) {
            message.extend(self.review_text());
        }
        let pending_rewrite = self.pending.as_ref().map(|p| {
            p.items
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        });
        let mut suggestions = Vec::new();
        if let Some(r) = &pending_rewrite {
            suggestions.push(self.t1("builder-rewrite-offer", "rewrite", r));
        }
        suggestions.extend(self.said.hints.iter().cloned());
        suggestions.extend(self.state_suggestions());
        let mut suggestions: Vec<String> = suggestions.iter().map(|p| p.render(reader)).collect();
        if let Some(imp) = &self.improve {
            if imp.suggestion_phrases.is_empty() {
                suggestions.extend(imp.suggestions.iter().cloned());
            } else {
                suggestions.extend(imp.suggestion_phrases.iter().map(|p| p.render(reader)));
            }
        }
        let mut next_questions = vec![question];
        if self.pos.step == Step::ExperienceAchievements && self.pending.is_some() {
            next_questions.push(self.t("builder-ask-result"));
        }
        BuilderResponse {
            session_id: String::new(),
            current_state: self.state_name().to_string(),
            message: message
                .iter()
                .map(|p| p.render(reader))
                .collect::<Vec<_>>()
                .join("\n"),
            next_questions: next_questions.iter().map(|p| p.render(reader)).collect(),
            cv_preview: self.cv.clone(),
            progress: self.progress(),
            missing_sections: self.missing_sections(),
            suggestions,
            estimated_minutes_left: self.estimated_minutes_left(),
            pending_rewrite,
            message_phrases: message,
        }
    }
}

fn filled_list(n: usize) -> f64 {
    if n > 0 { 1.0 } else { 0.0 }
}

/// The first question after a loop section.
fn after_section(s: Section) -> Position {
    match s {
        Section::Experience => Position::at(Step::EducationDegree),
        Section::Education => Position::at(Step::Skills),
        _ => Position::at(Step::Review),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_core::i18n::Localizer;
    use jobgate_core::text::arabic_ratio;

    /// The person's reading language is not the CV's: an English CV talked through in Arabic keeps
    /// its English answers, and the other way round; a switch says the current turn again.
    #[test]
    fn the_conversation_follows_the_reader_and_the_cv_keeps_its_language() {
        let arabic = |s: &str| arabic_ratio(&jobgate_core::phrase::outside_isolates(s)) > 0.8;
        let mut b = Builder::new(Lang::En);
        let first = b.start(0);
        assert_eq!(arabic_ratio(&first.message), 0.0, "{}", first.message);
        b.set_reader(Lang::Ar);
        let r = answer(&mut b, "Sara Ali", 5);
        assert!(arabic(&r.message), "{}", r.message);
        assert!(r.next_questions.iter().all(|q| arabic(q)), "{r:?}");
        assert_eq!(b.lang(), Lang::En);
        assert_eq!(b.cv().personal_info.name, "Sara Ali");
        let r = answer(&mut b, "not an email", 10);
        assert!(
            arabic(&r.message),
            "an error is said in Arabic too: {}",
            r.message
        );
        // A language switch says the same turn again: the same error and question, in English.
        let en = b.response_in(Lang::En);
        assert_eq!(en.current_state, r.current_state);
        assert_eq!(arabic_ratio(&en.message), 0.0, "{}", en.message);
        assert!(en.message.contains("not an email"), "{}", en.message);
        assert_eq!(en.message_phrases, r.message_phrases);
        // A stored response's message is said again from its phrases.
        let mut stored = r.clone();
        stored.localize(Lang::En);
        assert_eq!(stored.message, en.message);

        let mut b = Builder::new(Lang::Ar);
        b.start(0);
        b.set_reader(Lang::En);
        let r = answer(&mut b, "ليلى حداد", 5);
        assert_eq!(arabic_ratio(&r.message), 0.0, "{}", r.message);
        assert_eq!(b.lang(), Lang::Ar);
        assert_eq!(b.cv().personal_info.name, "ليلى حداد");
        for line in ["layla@example.com", "/review"] {
            answer(&mut b, line, 10);
        }
        let review = b.response_in(Lang::En);
        assert!(review.message.contains("ليلى حداد"), "{}", review.message);
        let outside = jobgate_core::phrase::outside_isolates(&review.message);
        assert!(
            !outside.contains("ليلى"),
            "the CV's words are isolated: {outside}"
        );
        assert!(arabic(&b.response_in(Lang::Ar).message));
    }

    #[test]
    fn offered_wordings_wait_for_accept_and_then_replace_the_achievement() {
        let mut b = Builder::new(Lang::En);
        b.start(0);
        for (n, line) in [
            "Sara Ali",
            "sara@example.com",
            "+966 50 123 4567",
            "Riyadh",
            "Data Analyst",
            "/skip",
            "Data Analyst",
            "Gulf Bank",
            "2019 - 2023",
            "made weekly reports; helped the sales team",
        ]
        .iter()
        .enumerate()
        {
            b.answer(line, n as u64 * 1000);
        }
        let (job, items) = b.rewrite_targets().expect("achievements to improve");
        assert_eq!(job, 0);
        assert_eq!(items[0].1, "made weekly reports");
        let r = b.offer_rewrites(
            job,
            vec![
                (0, "Automated 12 weekly sales reports".into()),
                (1, "helped the sales team".into()),
            ],
        );
        assert_eq!(
            r.pending_rewrite.as_deref(),
            Some("Automated 12 weekly sales reports")
        );
        assert_eq!(b.cv().experience[0].achievements[0], "made weekly reports");
        b.answer("/accept", 20_000);
        assert_eq!(
            b.cv().experience[0].achievements,
            ["Automated 12 weekly sales reports", "helped the sales team"]
        );
        assert!(
            b.offer_rewrites(0, vec![(5, "out of range".into())])
                .pending_rewrite
                .is_none()
        );
    }
    use jobgate_core::LanguageSkill;

    fn answer(b: &mut Builder, line: &str, at_s: u64) -> BuilderResponse {
        b.answer(line, at_s * 1000).response
    }

    #[test]
    fn minutes_left_follow_the_users_own_pace() {
        let mut slow = Builder::new(Lang::En);
        slow.start(0);
        answer(&mut slow, "Sara Ahmed", 60);
        let r = answer(&mut slow, "sara@example.com", 120);
        assert_eq!(r.current_state, "asking_for_phone");
        let left = slow.remaining_questions();
        assert!(left > 10, "{left}");
        assert_eq!(
            r.estimated_minutes_left as usize, left,
            "one minute per answer"
        );

        let mut quick = Builder::new(Lang::En);
        quick.start(0);
        answer(&mut quick, "Sara Ahmed", 10);
        let r = answer(&mut quick, "sara@example.com", 20);
        assert_eq!(r.estimated_minutes_left as usize, (left * 10).div_ceil(60));
    }

    #[test]
    fn improving_an_analysed_cv_asks_only_for_what_is_weak() {
        let mut cv = Cv::default();
        let p = &mut cv.personal_info;
        p.name = "Omar Ali".into();
        p.email = "omar@example.com".into();
        p.phone = "+20 100 123 4567".into();
        p.location = "Cairo".into();
        p.headline = "Data Analyst".into();
        cv.summary = "Analyst with four years of SQL and dashboards for retail teams.".into();
        cv.experience = vec![Experience {
            title: "Analyst".into(),
            company: "Nile Retail".into(),
            start: "2020".into(),
            end: "present".into(),
            achievements: vec!["Built dashboards".into()],
            ..Experience::default()
        }];
        cv.education = vec![Education {
            degree: "BSc Statistics".into(),
            school: "Cairo University".into(),
            end: "2019".into(),
            ..Education::default()
        }];
        cv.skills = vec!["SQL".into(), "Tableau".into()];
        cv.languages = vec![LanguageSkill {
            name: "Arabic".into(),
            level: "native".into(),
        }];
        cv.certifications = vec!["Google Data Analytics".into()];
        cv.projects = vec![Project {
            title: "Sales dashboard".into(),
            description: "Weekly sales dashboard.".into(),
            link: String::new(),
        }];
        let checks = [
            AtsCheck {
                id: "achievements".into(),
                passed: false,
                suggestion: "Add numbers to your achievements.".into(),
                ..AtsCheck::default()
            },
            AtsCheck {
                id: "skills".into(),
                passed: false,
                ..AtsCheck::default()
            },
        ];
        let mut b = Builder::from_cv(cv, &checks, Lang::En);
        let r = b.start(0);
        assert_eq!(r.current_state, "asking_for_experience_achievements");
        assert!(
            r.message.contains("Analyst at Nile Retail"),
            "{}",
            r.message
        );
        assert!(
            r.suggestions
                .iter()
                .any(|s| s == "Add numbers to your achievements.")
        );
        let r = answer(&mut b, "Cut report time by 40%", 30);
        assert_eq!(r.current_state, "asking_for_experience_achievements");
        assert_eq!(
            r.pending_rewrite.as_deref(),
            Some("Reduce report time by 40%")
        );
        let r = answer(&mut b, "no", 40);
        assert_eq!(
            r.current_state, "asking_for_skills",
            "education and the rest are fine"
        );
        let r = answer(&mut b, "Python, Excel, sql", 50);
        assert_eq!(r.current_state, "review");
        assert_eq!(
            b.cv().skills,
            ["SQL", "Tableau", "Python", "Excel"],
            "merged, no duplicates"
        );
        let t = b.answer("/done", 60_000);
        assert_eq!(t.response.current_state, "finalized");
        assert_eq!(t.finalized.unwrap().experience[0].achievements.len(), 2);
    }

    #[test]
    fn back_skip_and_edit_from_the_first_questions() {
        let mut b = Builder::new(Lang::En);
        b.start(0);
        let r = answer(&mut b, "/back", 1);
        assert_eq!(r.current_state, "asking_for_name");
        assert!(r.message.contains("first question"));
        let r = answer(&mut b, "/skip", 2);
        assert_eq!(r.current_state, "asking_for_email");
        assert!(r.missing_sections.contains(&Section::Name));
        answer(&mut b, "/back", 3);
        answer(&mut b, "Mona Saleh", 4);
        let r = answer(&mut b, "/edit name", 5);
        assert_eq!(r.current_state, "asking_for_name");
        assert!(r.message.contains("Mona Saleh"));
        let r = answer(&mut b, "Mona S. Saleh", 6);
        assert_eq!(
            r.current_state, "asking_for_email",
            "an edit returns where it started"
        );
        assert_eq!(b.cv().personal_info.name, "Mona S. Saleh");
        let r = answer(&mut b, "/edit hobbies", 7);
        assert_eq!(r.current_state, "asking_for_email");
        assert!(r.message.contains("hobbies"));
        let r = answer(&mut b, "/fly", 8);
        assert!(r.message.contains("/fly"));
        let r = answer(&mut b, "/accept", 9);
        assert!(r.message.contains("no suggestion"));
    }

    #[test]
    fn the_state_survives_a_json_round_trip() {
        let mut b = Builder::new(Lang::Ar);
        b.start(0);
        answer(&mut b, "ليلى حداد", 5);
        let json = serde_json::to_string(&b).unwrap();
        let back: Builder = serde_json::from_str(&json).unwrap();
        assert_eq!(back, b);
        assert_eq!(back.state_name(), "asking_for_email");
    }

    #[test]
    fn arabic_plurals_in_builder_messages_including_above_100() {
        let ar = Localizer::get(Lang::Ar);
        let none: [(&str, &str); 0] = [];
        let jobs = |n| ar.format_count("builder-count-jobs", n, &none);
        assert!(jobs(1).contains("وظيفة واحدة"));
        assert!(jobs(2).contains("وظيفتان"));
        for few in [3, 10, 103] {
            assert!(jobs(few).contains("وظائف"), "{few}: {}", jobs(few));
        }
        for many in [11, 99, 111] {
            assert!(
                jobs(many).contains("وظيفة") && !jobs(many).contains("وظائف"),
                "{many}"
            );
        }
        let minutes = |n| ar.format_count("builder-minutes-left", n, &none);
        assert!(minutes(3).contains("دقائق"));
        assert!(minutes(11).contains("دقيقة"));
        assert!(minutes(103).contains("دقائق"));
        assert!(minutes(111).contains("دقيقة") && !minutes(111).contains("دقائق"));
        let en = Localizer::get(Lang::En);
        assert_eq!(en.format_count("builder-count-skills", 1, &none), "1 skill");
        assert_eq!(
            en.format_count("builder-count-skills", 103, &none),
            "103 skills"
        );
    }
}
