// The types of what the desktop's commands take and give, generated from the Rust types
// by src-tauri/uitypes (schemars, serialize contract). Do not edit: after changing a type, run
//   JOBGATE_WRITE_TYPES=1 cargo test --workspace --test uitypes
// Used from plain JavaScript through JSDoc, e.g. `/** @type {import('../types/commands').Cv} */`.

/** The text of a streamed AI answer so far; the command's result is the validated whole. */
export interface AiPreview {
  /** For a rewrite: which achievement of the job. */
  index: number | null;
  /** `summary`, `rewrite` (builder) or `experience` (analysis view). */
  target: string;
  text: string;
}

export interface AnalysisInfo {
  ats_score: number;
  created_at: string;
  cv_id: CvId | null;
  file_name: string;
  id: number;
  sha256: string;
  version_id: VersionId | null;
}

/** One step of an analysis, sent as [`PROGRESS_EVENT`]. */
export interface AnalysisProgress {
  /** The page OCR reads now (1-based) and how many it reads, for `ocr`. */
  page?: number | null;
  pages?: number | null;
  percent: number;
  /** `reading`, `extracting`, `ocr` (with `page` of `pages`), `scoring`, `ai`, `saving`, `done`. */
  stage: string;
}

/** The analysis response (DESIGN §2). */
export interface AnalysisResponse {
  ats_checks: AtsCheck[];
  ats_score: number;
  error_message: string | null;
  features: Features;
  language: DocLanguage;
  parser: ParserKind;
  /** Seconds. */
  processing_time: number;
  structured_data: Cv;
  success: boolean;
  /** `suggestions` kept as codes with arguments (absent in analyses stored before codes were kept). */
  suggestion_phrases?: Phrase[];
  suggestions: string[];
  warnings: Warning[];
}

/** The analysis screen (and the CLI report), in one language. */
export interface AnalysisView {
  band: ScoreBand;
  band_label: string;
  checks: CheckView[];
  lang: Lang;
  /** Rounded to one decimal. */
  score: number;
  suggestions: Segment[][];
  warnings: Segment[][];
}

/** An argument of a [`Phrase`], typed by what it is to a reader. */
export type Arg = { cv: string; } | { count: number; } | { value: string; } | { phrase: Phrase; } | { list: { items: Arg[]; more: boolean; }; } | { term: { ar: string; en: string; }; };

/** One line of the ATS checklist. `points` of all checks add up to `ats_score`. */
export interface AtsCheck {
  /** Stable id: `contact`, `experience`, `education`, `skills`, `achievements`, `formatting`, `job_match`. */
  id: string;
  max_points: number;
  /** What was found, in the user's language. */
  message: string;
  /**
   * `message` kept as a code with arguments, so the check can be said again in another language
   * (absent in analyses stored before codes were kept).
   */
  message_phrase?: Phrase | null;
  passed: boolean;
  points: number;
  /** What to do about it, in the user's language (empty when nothing needs doing). */
  suggestion: string;
  /** The fixes that make up `suggestion`, biggest gain first, as codes with arguments. */
  suggestion_phrases?: Phrase[];
}

/** A newer version the server offers. */
export interface Available {
  /** When it was published (RFC 3339), if the server says. */
  date: string | null;
  /** What changed, as the release notes say it. */
  notes: string;
  version: string;
}

/** The builder response after every turn (DESIGN §2). */
export interface BuilderResponse {
  /** `asking_for_<what>`, `review` or `finalized` (DESIGN §8). */
  current_state: string;
  cv_preview: Cv;
  estimated_minutes_left: number;
  message: string;
  /**
   * `message` kept as codes with arguments, one a line, so a transcript of earlier turns can be
   * said again in another language ([`BuilderResponse::localize`]).
   */
  message_phrases?: Phrase[];
  /** The parts of the CV with nothing in them yet (`name`, `experience`…). */
  missing_sections: Section[];
  next_questions: string[];
  /** A rewrite of the last answer waiting for the user to accept (`/accept`) or keep their own. */
  pending_rewrite?: string | null;
  /** 0–100. */
  progress: number;
  session_id: string;
  suggestions: string[];
}

/** A builder turn: the DESIGN §2 builder response, plus the CV version written by `/done`. */
export interface BuilderTurn {
  /** `asking_for_<what>`, `review` or `finalized` (DESIGN §8). */
  current_state: string;
  cv_id: CvId | null;
  cv_preview: Cv;
  estimated_minutes_left: number;
  message: string;
  /**
   * `message` kept as codes with arguments, one a line, so a transcript of earlier turns can be
   * said again in another language ([`BuilderResponse::localize`]).
   */
  message_phrases?: Phrase[];
  /** The parts of the CV with nothing in them yet (`name`, `experience`…). */
  missing_sections: Section[];
  next_questions: string[];
  /** A rewrite of the last answer waiting for the user to accept (`/accept`) or keep their own. */
  pending_rewrite?: string | null;
  /** 0–100. */
  progress: number;
  session_id: string;
  suggestions: string[];
  version_id: VersionId | null;
}

/** Which optional parts this build has (the UI hides what is missing instead of failing later). */
export interface Capabilities {
  builder: boolean;
  /** Section names accepted by the builder's `/edit SECTION`. */
  builder_sections: string[];
  export: boolean;
}

/** What happened to one line. */
export type Change = "same" | "added" | "removed" | "changed";

/** One line of the checklist as shown. */
export interface CheckView {
  id: string;
  max_points: number;
  message: Segment[];
  /** The check's name ("Contact information"). */
  name: string;
  points: number;
  /** "12.5 / 15 points". */
  points_label: string;
  /** `passed` or `failed`. */
  status: string;
  /** "Passed" / "To fix", in the reader's language (for screen readers and the terminal). */
  status_label: string;
  /**
   * What would win the missing points back; empty when there is nothing to do (a passed check may
   * still have one).
   */
  suggestion: Segment[];
}

/** The history's "compare two versions" view. */
export interface CompareView {
  changed: boolean;
  /** Shown when the two versions are the same. */
  note: string | null;
  sections: SectionView[];
}

/** What "Test connection" found, in words. */
export interface ConnectionCheck {
  /** The key was checked and accepted (`None`: no key saved yet, or the server could not be reached). */
  key_ok: boolean | null;
  /** The outcome in the person's language. */
  message: string;
  ok: boolean;
  /** `scheme://host[:port]` the data would go to (`None` when the address is not usable). */
  server: string | null;
}

/** The structured CV (`structured_data`). */
export interface Cv {
  achievements: string[];
  certifications: string[];
  education: Education[];
  experience: Experience[];
  languages: LanguageSkill[];
  personal_info: PersonalInfo;
  projects: Project[];
  skills: string[];
  summary: string;
}

/** A CV: a line of versions. */
export type CvId = number;

/** A CV as listed in the history. */
export interface CvInfo {
  created_at: string;
  id: CvId;
  latest_source: VersionSource;
  latest_version: VersionId;
  title: string;
  versions: number;
}

/**
 * What deleting a CV left: the history as it is now, and whether the database file was compacted
 * right away (`false`: another reader kept the write-ahead log busy; the deleted rows may linger in
 * it until the next checkpoint, and the UI says so).
 */
export interface DeletedCv {
  analyses: AnalysisInfo[];
  cvs: CvInfo[];
  exports: ExportInfo[];
  profile: string;
  sessions: SessionInfo[];
  wal_checkpointed: boolean;
}

/** One line of the comparison as shown: what happened, said for screen readers, and its mark. */
export interface DiffLineView {
  /** `same`, `added`, `removed`, `changed`. */
  change: Change;
  /** "Added", "Removed"… in the reader's language. */
  label: string;
  /** `+`, `−`, `~`, or a space. */
  mark: string;
  new: string;
  old: string;
}

/** The language a document is mostly written in. */
export type DocLanguage = "en" | "ar" | "mixed";

/** One degree or course of study. `years` keeps the original text of the dates. */
export interface Education {
  degree: string;
  end: string;
  field: string;
  grade: string;
  school: string;
  start: string;
  years: string;
}

/** An education level, lowest first (the order is used to compare a CV with a job). */
export type EducationLevel = "high_school" | "diploma" | "bachelor" | "master" | "phd";

/** The error shape of every failed command and every CLI `--json` failure (DESIGN §2). */
export interface ErrorResponse {
  details: unknown;
  /** Human message in the user's language. */
  error: string;
  error_code: string;
  success: boolean;
  suggested_action: string;
}

/** One job. `start`/`end` are normalised (`YYYY`, `YYYY-MM` or `present`); `period` keeps the original text. */
export interface Experience {
  achievements: string[];
  company: string;
  end: string;
  location: string;
  period: string;
  start: string;
  title: string;
}

export interface ExportInfo {
  created_at: string;
  format: string;
  id: number;
  path: string;
  template: string;
  version_id: VersionId | null;
}

/** A CV that could not be analysed, with the error JSON. */
export interface FailedView {
  details: unknown;
  /** Human message in the user's language. */
  error: string;
  error_code: string;
  file: string;
  file_name: string;
  success: boolean;
  suggested_action: string;
}

/** Derived facts about the CV (seed guide's `features`). */
export interface Features {
  achievement_count: number;
  has_quantifiable_results: boolean;
  key_skills: string[];
  total_years_experience: number;
}

/** Everything one profile has done, newest first (`jobgate history`). */
export interface History {
  analyses: AnalysisInfo[];
  cvs: CvInfo[];
  exports: ExportInfo[];
  profile: string;
  sessions: SessionInfo[];
}

/** The idle lock: seconds left before it (`None`: no idle lock, or nobody signed in). */
export interface IdleView {
  /** The person was locked for being idle (the UI then shows the unlock dialog or the picker). */
  locked: boolean;
  seconds_left: number | null;
}

/** An imported file: the analysis and where it was saved in the history. */
export interface ImportResult {
  analysis: AnalysisResponse;
  analysis_id: number;
  cv_id: CvId;
  file_name: string;
  version_id: VersionId;
}

/** A CV brought in from a JSON Resume file. */
export interface ImportedCv {
  cv_id: CvId;
  name: string;
  version_id: VersionId;
}

/** A profile brought from another computer, as the picker lists it. */
export interface ImportedProfile {
  locked: boolean;
  name: string;
}

/**
 * How one analysed CV fits a job, for a job seeker: the match (score out of 100, reasons) and the
 * job-match line of the analysis (which of the job's keywords the CV has and lacks).
 */
export interface JobFit {
  check: AtsCheck;
  match: MatchResult;
  matched_keywords: string[];
  /** Required and preferred skills the CV lacks, named for the reader. */
  missing_keywords: string[];
}

/** What the job asks for, named for the reader. */
export interface JobView {
  education: string | null;
  languages: string[];
  min_years: number | null;
  preferred: string[];
  required: string[];
  title: string;
}

/** A user-interface language. */
export type Lang = "en" | "ar";

/** A spoken language and, when stated, the level ("native", "C1", "ممتاز"). */
export interface LanguageSkill {
  level: string;
  name: string;
}

/** One part of a match score. */
export interface MatchComponent {
  /** `required_skills`, `preferred_skills`, `experience`, `education`, `languages`, `title`, `ats`. */
  id: string;
  max_points: number;
  points: number;
  /** What was found, in the user's language. */
  reason: string;
  /**
   * `reason` kept as a code with arguments, so the match can be said again in another language
   * without being worked out again ([`MatchResult::localize`]).
   */
  reason_phrase?: Phrase | null;
}

/** How many of the chosen files have been analysed. */
export interface MatchProgress {
  done: number;
  total: number;
}

/** One CV's match with a job. */
export interface MatchResult {
  ats_score: number;
  /** The CV title closest to the job title, and how close (0–1). */
  best_title: string;
  components: MatchComponent[];
  education: EducationLevel | null;
  file: string;
  languages_matched: string[];
  languages_missing: string[];
  /** Required skills the CV has / lacks (canonical names). */
  matched_skills: string[];
  missing_skills: string[];
  /** The candidate's name as found in the CV. */
  name: string;
  preferred_matched: string[];
  preferred_missing: string[];
  /** The components' reasons, in order. */
  reasons: string[];
  /** Out of 100: the sum of the components' points. */
  score: number;
  title_fit: number;
  years_experience: number;
}

/** The Match screen's result (and the rows of `jobgate match`'s table). */
export interface MatchView {
  failed: FailedView[];
  job: JobView;
  ranking: RankedView[];
}

/** Which parser produced `structured_data`. */
export type ParserKind = "rules" | "ai";

/** The picker: the people on this machine and what the policy asks of a new one. */
export interface PeopleView {
  /** The picker offers "Guest" first (the policy makes guests the default). */
  guest_by_default: boolean;
  people: PersonEntry[];
  /** New profiles must have a passcode, and a profile without one must set one before it opens. */
  require_passcode: boolean;
}

/** One person on this machine, as the picker lists them. */
export interface PersonEntry {
  /** The default profile (see [`crate::state::PersonView::default`]): shown under a label, not its name. */
  default: boolean;
  /** Protected by a passcode: opening needs it. */
  locked: boolean;
  name: string;
}

export interface PersonView {
  /**
   * The profile made on first use or from an earlier release's single database, named `default` (the
   * CLI's `--profile default`): the UI shows a label in the person's language instead of that name.
   */
  default: boolean;
  guest: boolean;
  /** Protected by a passcode (and so encrypted at rest). */
  has_passcode: boolean;
  /** The profile's name; `None` for a guest. */
  name: string | null;
}

export interface PersonalInfo {
  email: string;
  headline: string;
  links: string[];
  location: string;
  name: string;
  phone: string;
}

/** One message: a Fluent id and its arguments. */
export interface Phrase {
  args?: Record<string, Arg>;
  id: string;
}

/** A chosen file or folder as the page sees it. */
export interface PickedFile {
  folder: boolean;
  /** The file name alone, to show. */
  name: string;
  /** The whole path, to show (never accepted back). */
  path: string;
  /** What the page passes back to the command that uses the file. */
  token: string;
}

/** The machine's policy in force, where it came from and why a file could not be used. */
export interface PolicyView {
  /** AI may be switched on by a person (false: AI is off and cannot be switched on). */
  allow_ai: boolean;
  /** Sync may be switched on by a person. */
  allow_sync: boolean;
  /** The app may look for updates (when the person also allows it). */
  allow_updates: boolean;
  /** The app starts as a guest and the CLI runs as a guest unless a profile is named. */
  guest_by_default: boolean;
  /** Lock the open profile after this many idle minutes (0: never). */
  idle_lock_minutes: number;
  /** The policy file could not be used: the safest settings apply. */
  problem: string | null;
  /** Every profile must have a passcode (and so is encrypted at rest). */
  require_passcode: boolean;
  source: string | null;
  /**
   * Nothing of a guest outlives their session (a guest's data always lives in memory; this also clears the
   * app's screens and exported-file list when the guest leaves).
   */
  wipe_guests_on_exit: boolean;
}

/** Download progress: bytes received, and the total when the server says it. */
export interface Progress {
  received: number;
  total: number | null;
}

export interface Project {
  description: string;
  link: string;
  title: string;
}

/** One row of the ranked table. */
export interface RankedView {
  ats_score: number;
  band: ScoreBand;
  band_label: string;
  components: MatchComponent[];
  /** Set for CVs from the history. */
  cv_id: CvId | null;
  /** The path of a chosen file, or the name of a CV from the history. */
  file: string;
  /** What to show: the file name without its folder. */
  file_name: string;
  /** Required skills found and missing, preferred skills found, named as in the reasons. */
  matched: string[];
  missing: string[];
  name: string;
  preferred_matched: string[];
  rank: number;
  reasons: string[];
  /** Out of 100. */
  score: number;
  /** "82.5 / 100", and the score's band ([`ScoreBand::of`] on the Match scale) with its label. */
  score_label: string;
}

/** The band of a score, shown as its colour and its label. */
export type ScoreBand = "good" | "fair" | "poor";

/** A part of a CV. */
export type Section = "name" | "email" | "phone" | "location" | "headline" | "links" | "summary" | "experience" | "education" | "skills" | "languages" | "certifications" | "projects" | "achievements" | "header" | "contact" | "other";

/** One section of the comparison as shown. */
export interface SectionView {
  changed: boolean;
  /** The lines, when something changed. */
  lines: DiffLineView[];
  /** Shown instead of the lines when nothing changed in the section. */
  note: string | null;
  section: string;
  /** The section's heading, as in the editor. */
  title: string;
}

/** A run of rendered text; `cv` when it is the CV's (or the person's) own words. */
export interface Segment {
  cv?: boolean;
  text: string;
}

export interface SessionInfo {
  created_at: string;
  current_state: string;
  cv_id: CvId | null;
  id: string;
  lang: string;
  turns: number;
  updated_at: string;
}

/** Settings as the UI sees them: the key only masked. */
export interface SettingsView {
  /** The AI server's base URL and model in use (Settings, else the defaults). */
  ai_base_url: string;
  /** Why AI cannot be switched on on this computer (its policy), in the user's language; `None`: it can. */
  ai_blocked: string | null;
  /** The user agreed to send CV text to `ai_origin` (else enabling AI asks first). */
  ai_consented: boolean;
  ai_enabled: boolean;
  /** Where AI requests go (host and port, as the request uses them). */
  ai_host: string;
  /** E.g. `sk-…a1b2`; never the whole key. */
  ai_key_hint: string | null;
  ai_key_saved: boolean;
  ai_model: string;
  /** `scheme://host[:port]` of the AI server, shown when asking for consent: what is agreed to. */
  ai_origin: string;
  data_dir: string;
  dir: string;
  lang: Lang;
}

/** The health view. */
export interface Status {
  ai_enabled: boolean;
  ai_key_saved: boolean;
  /** `None` when AI is off or has no key (nothing was tried). */
  ai_reachable: boolean | null;
  data_dir: string;
  storage_ok: boolean;
  storage_problem: string | null;
  /** The status line of Settings → Sync (`None` while nobody is signed in). */
  sync: SyncView | null;
  /** The sync server answered its health check; `None` when sync is off or not set up (nothing was tried). */
  sync_server_ok: boolean | null;
  version: string;
}

/** What "Sync now" did, and the status line after it. */
export interface SyncNowView {
  report: SyncReport;
  sync: SyncView;
}

/** What a run did. The CLI prints it as `{"pushed","pulled","pending","rejected","server"}` (DESIGN §8). */
export interface SyncReport {
  /** Changes still in the outbox at the end. */
  pending: number;
  /**
   * Changes pulled in this run, not counting the ones this run pushed coming back (the server returns
   * every change of the account, this machine's too; they are applied anyway, to no effect).
   */
  pulled: number;
  /** Changes the server accepted in this run. */
  pushed: number;
  /** Changes parked in this run (refused by the server, or too large to send). */
  rejected: number;
  /** `scheme://host[:port]` the data went to. */
  server: string;
}

/** Settings → Sync and the status line, as the UI shows them. */
export interface SyncView {
  /** Why sync cannot be switched on here (the machine's policy, or a guest), in the person's language. */
  blocked: string | null;
  /** The person agreed to send their history to `server`. */
  consented: boolean;
  enabled: boolean;
  /** E.g. `jgs…a1b2`; never the whole key. */
  key_hint: string | null;
  key_saved: boolean;
  /** The last run's failure in plain words, in the person's language (`None` after a successful run). */
  last_error: string | null;
  /** The last successful sync (RFC 3339, UTC). */
  last_sync_at: string | null;
  /** Changes waiting to be sent, and ones the server refused (kept, not sent again). */
  pending: number;
  rejected: number;
  /** `scheme://host[:port]` the data goes to (`None` while no usable address is set). */
  server: string | null;
  /** The address as typed. */
  server_url: string;
}

/** A template as the export screen lists it. */
export interface TemplateView {
  description: string;
  name: string;
  title: string;
}

/** Every UI message in one language, formatted without arguments, plus the text direction. */
export interface UiMessages {
  /** `rtl` for Arabic, `ltr` for English: the UI sets it on `<html dir>`. */
  dir: string;
  lang: Lang;
  messages: Record<string, string>;
}

/** Settings → Updates. */
export interface UpdateView {
  /** Automatic checks are on for this person. */
  auto: boolean;
  available: Available | null;
  /** Why updates cannot be used here, in the person's language (policy, or a build without a server). */
  blocked: string | null;
  /** The build has an update server and key. */
  configured: boolean;
  current_version: string;
  /** A version installed since the app started: restart to use it. */
  installed: string | null;
  /** Unix seconds of the last check that reached the server. */
  last_checked_at: number | null;
  /** The last check's or install's problem (background checks keep theirs here, quietly). */
  last_problem: ErrorResponse | null;
  /** Where updates come from (`scheme://host[:port]`). */
  server: string | null;
}

/** One immutable snapshot of a CV. */
export type VersionId = number;

/** A version as the compare view lists it (without its content). */
export interface VersionInfo {
  created_at: string;
  id: VersionId;
  number: number;
  source: VersionSource;
}

/** Where a CV version came from. */
export type VersionSource = "import" | "builder" | "edit" | "ai";

/** A non-fatal problem met on the way (the result is still usable). */
export interface Warning {
  /** The typed arguments of the code's message (see [`crate::warning`]). */
  args?: Record<string, Arg>;
  /**
   * A [`crate::warning::WarningCode`] (`PARTIAL_TEXT`) or, for a failure that did not stop the
   * work, an [`crate::ErrorCode`] name (`AI_UNAVAILABLE`).
   */
  code: string;
  /** In the reader's language; said again from `code` and `args` when the language changes. */
  message: string;
}

/** Who is using the app, as the UI shows it (the indicator on every screen, the picker, the unlock dialog). */
export interface WhoView {
  dir: string;
  /** Files the guest who left exported and that are still on disk: the picker asks whether to delete them. */
  guest_files: string[];
  /** The language on screen. */
  lang: Lang;
  /** The profile that was locked last (the unlock dialog asks for its passcode); `None` after "Switch". */
  locked: string | null;
  /** The person using the app now; `None` while the picker (or the unlock dialog) shows. */
  person: PersonView | null;
}

/** What a wipe did, or (without `confirm`) would touch. */
export interface WipeView {
  /**
   * Files the person exported that are still on disk (only known while their profile is open): the
   * UI offers to delete them with [`delete_exported_files`].
   */
  exported_files: string[];
  who: WhoView;
  wiped: boolean;
}

/** Every command: what `invoke(name, args)` sends and what it resolves to (it rejects with an ErrorResponse). */
export interface Commands {
  ui_messages: { args: { lang?: string | null }; result: UiMessages };
  format_message: { args: { id: string; args?: Record<string, string> | null; count?: number | null }; result: string };
  get_settings: { args: Record<string, never>; result: SettingsView };
  set_language: { args: { lang: string }; result: SettingsView };
  set_ai_enabled: { args: { enabled: boolean; consent?: boolean | null }; result: SettingsView };
  save_ai_key: { args: { key: string }; result: SettingsView };
  set_ai_server: { args: { baseUrl?: string | null; model?: string | null }; result: SettingsView };
  delete_ai_key: { args: Record<string, never>; result: SettingsView };
  analyze_path: { args: { token: string }; result: ImportResult };
  import_cancel: { args: Record<string, never>; result: null };
  save_cv_edit: { args: { cvId: number; cv: Cv }; result: VersionId };
  pick_cv_file: { args: Record<string, never>; result: PickedFile | null };
  pick_save_path: { args: { suggested: string; format: string }; result: PickedFile | null };
  reveal_in_folder: { args: { path: string }; result: null };
  history: { args: Record<string, never>; result: History };
  open_analysis: { args: { id: number }; result: AnalysisResponse };
  analysis_view: { args: { analysis: AnalysisResponse }; result: AnalysisView };
  open_version: { args: { id: number }; result: Cv };
  delete_cv: { args: { cvId: number }; result: DeletedCv };
  cv_versions: { args: { cvId: number }; result: VersionInfo[] };
  diff_versions: { args: { old: number; new: number }; result: CompareView };
  delete_all_data: { args: Record<string, never>; result: SettingsView };
  status: { args: Record<string, never>; result: Status };
  storage_problem: { args: Record<string, never>; result: ErrorResponse | null };
  capabilities: { args: Record<string, never>; result: Capabilities };
  export_templates: { args: Record<string, never>; result: TemplateView[] };
  export_preview: { args: { cv: Cv; template: string; lang?: string | null }; result: string };
  cv_language: { args: { cv: Cv }; result: string };
  default_export_name: { args: { cv: Cv; format: string }; result: string };
  export_cv: { args: { cv: Cv; versionId?: number | null; template: string; format: string; lang?: string | null; token: string }; result: string };
  builder_start: { args: { cv?: Cv | null; cvId?: number | null; atsChecks?: AtsCheck[] | null }; result: BuilderTurn };
  builder_answer: { args: { sessionId: string; answer: string }; result: BuilderTurn };
  builder_resume: { args: { sessionId: string }; result: BuilderTurn };
  builder_view: { args: { sessionId: string }; result: BuilderTurn };
  builder_say_again: { args: { messages: Phrase[][] }; result: string[] };
  builder_ai_rewrite: { args: { sessionId: string }; result: BuilderTurn };
  ai_draft_summary: { args: { cv: Cv }; result: string };
  ai_cancel: { args: Record<string, never>; result: null };
  ai_rewrite_experience: { args: { cv: Cv; entry: number }; result: string[] };
  mark_ready: { args: Record<string, never>; result: null };
  launch_file: { args: Record<string, never>; result: PickedFile | null };
  people_list: { args: Record<string, never>; result: PeopleView };
  who: { args: Record<string, never>; result: WhoView };
  open_person: { args: { name: string; passcode?: string | null; newPasscode?: string | null }; result: WhoView };
  create_person: { args: { name: string; passcode?: string | null }; result: WhoView };
  start_guest: { args: Record<string, never>; result: WhoView };
  lock_now: { args: Record<string, never>; result: WhoView };
  switch_person: { args: Record<string, never>; result: WhoView };
  set_passcode: { args: { current?: string | null; new: string }; result: WhoView };
  remove_passcode: { args: { current: string }; result: WhoView };
  wipe_person: { args: { name: string; confirm?: boolean | null }; result: WipeView };
  delete_exported_files: { args: { paths: string[] }; result: string[] };
  note_activity: { args: Record<string, never>; result: IdleView };
  idle_deadline: { args: Record<string, never>; result: IdleView };
  policy: { args: Record<string, never>; result: PolicyView };
  answer_guest_files: { args: { delete: string[] }; result: string[] };
  quit_app: { args: Record<string, never>; result: null };
  export_profile: { args: { passcode?: string | null; filePasscode: string; filePasscodeAgain: string }; result: string | null };
  import_profile: { args: { filePasscode: string; name?: string | null }; result: ImportedProfile | null };
  export_json_resume: { args: { versionId: number }; result: string | null };
  import_json_resume: { args: Record<string, never>; result: ImportedCv | null };
  sync_settings: { args: Record<string, never>; result: SyncView };
  set_sync_server: { args: { url: string }; result: SyncView };
  save_sync_key: { args: { key: string }; result: SyncView };
  delete_sync_key: { args: Record<string, never>; result: SyncView };
  test_sync_connection: { args: { url?: string | null }; result: ConnectionCheck };
  set_sync_enabled: { args: { enabled: boolean; consent?: boolean | null }; result: SyncView };
  sync_now: { args: Record<string, never>; result: SyncNowView };
  update_settings: { args: Record<string, never>; result: UpdateView };
  set_update_auto: { args: { enabled: boolean }; result: UpdateView };
  check_for_update: { args: Record<string, never>; result: UpdateView };
  install_update: { args: Record<string, never>; result: UpdateView };
  restart_app: { args: Record<string, never>; result: null };
  match_rank: { args: { jobText: string; files: string[]; cvIds: number[] }; result: MatchView };
  match_relabel: { args: Record<string, never>; result: MatchView | null };
  read_job_file: { args: { token: string }; result: string };
  list_cv_folder: { args: { token: string }; result: PickedFile[] };
  save_match_csv: { args: { token: string }; result: string };
  job_fit: { args: { analysis: AnalysisResponse; jobText: string }; result: JobFit };
  pick_job_file: { args: Record<string, never>; result: PickedFile | null };
  pick_cv_files: { args: Record<string, never>; result: PickedFile[] };
  pick_cv_folder: { args: Record<string, never>; result: PickedFile | null };
  pick_csv_path: { args: Record<string, never>; result: PickedFile | null };
}
