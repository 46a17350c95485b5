//! Screening many CVs against one job, for both front ends (`jobgate match` and the app's Match screen).
//!
//! Files are analysed in parallel on every core (rayon), reporting `(done, total)` as each finishes;
//! CVs kept in the history come in with their stored analysis ([`history_candidates`]). The ranking is
//! [`jobgate_matching::rank_in`]. A CV that cannot be analysed is kept in [`Screening::failed`] with
//! its error JSON, never dropped. [`Screening::csv`] is the spreadsheet form of the ranking.

use crate::analyze::{AnalyzeOptions, analyze_file};
use jobgate_core::error::Result;
use jobgate_core::i18n::Localizer;
use jobgate_core::{
    AnalysisResponse, AtsCheck, Cv, ErrorResponse, JobGateError, Lang, Phrase, Reason,
};
use jobgate_matching::{Candidate, JobSpec, MatchResult};
use jobgate_store::{CvId, Store};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A CV that could not be analysed: its file and the error JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failed {
    pub file: String,
    #[serde(flatten)]
    pub error: ErrorResponse,
    /// The failure itself, to say it again in another language ([`Screening::in_lang`]).
    #[serde(skip)]
    pub cause: Option<JobGateError>,
}

impl Failed {
    pub fn new(file: String, e: JobGateError, lang: Lang) -> Failed {
        Failed {
            file,
            error: e.to_response(lang),
            cause: Some(e),
        }
    }
}

/// One ranked CV as `jobgate match --json` prints it: its place, then the match.
#[derive(Debug, Clone, Serialize)]
pub struct Ranked<'a> {
    pub rank: usize,
    #[serde(flatten)]
    pub result: &'a MatchResult,
}

/// The JSON report of a screening: `{"job", "ranking", "failed"}` (DESIGN §8, `match --json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub job: &'a JobSpec,
    pub ranking: Vec<Ranked<'a>>,
    pub failed: &'a [Failed],
}

/// The outcome of ranking CVs against a job.
#[derive(Debug, Clone)]
pub struct Screening {
    pub job: JobSpec,
    /// The language of the reasons, the error messages and the CSV header.
    pub lang: Lang,
    /// Best first.
    pub ranking: Vec<MatchResult>,
    pub failed: Vec<Failed>,
}

impl Screening {
    /// Ranks `candidates` against `job`; `failed` are the CVs that could not be analysed.
    pub fn rank(job: JobSpec, candidates: &[Candidate], failed: Vec<Failed>, lang: Lang) -> Self {
        let ranking = jobgate_matching::rank_in(&job, candidates, lang);
        Screening {
            job,
            lang,
            ranking,
            failed,
        }
    }

    /// The same screening with its reasons and failures said in `lang`: the ranking is not worked
    /// out again (it does not depend on the language), its reasons are said again from their phrases.
    pub fn in_lang(&self, lang: Lang) -> Screening {
        let failed = self
            .failed
            .iter()
            .map(|f| match &f.cause {
                Some(e) => Failed::new(f.file.clone(), e.clone(), lang),
                None => f.clone(),
            })
            .collect();
        let ranking = self
            .ranking
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.localize(lang);
                r
            })
            .collect();
        Screening {
            job: self.job.clone(),
            lang,
            ranking,
            failed,
        }
    }

    pub fn report(&self) -> Report<'_> {
        Report {
            job: &self.job,
            ranking: self
                .ranking
                .iter()
                .enumerate()
                .map(|(i, result)| Ranked {
                    rank: i + 1,
                    result,
                })
                .collect(),
            failed: &self.failed,
        }
    }

    /// The ranking as CSV: UTF-8 with a byte order mark (so spreadsheet programs show Arabic), CRLF
    /// line ends, RFC 4180 quoting, formulas defused; header in [`Self::lang`], skills named as in
    /// the reasons ([`JobSpec::skill_label`]).
    pub fn csv(&self) -> String {
        let (job, lang) = (&self.job, self.lang);
        let loc = Localizer::get(lang);
        let none: [(&str, &str); 0] = [];
        let mut out = String::from("\u{FEFF}");
        let header: Vec<String> = [
            "match-col-rank",
            "match-col-file",
            "match-col-name",
            "match-col-score",
            "match-col-matched",
            "match-col-missing",
            "match-col-preferred",
            "match-col-years",
            "match-col-education",
            "match-col-languages",
            "match-col-title",
            "match-col-ats",
            "match-col-reasons",
        ]
        .iter()
        .map(|id| loc.format(id, &none))
        .collect();
        push_row(&mut out, &header);
        for (i, r) in self.ranking.iter().enumerate() {
            let row = vec![
                (i + 1).to_string(),
                // The file's name: where someone keeps CVs on their disk stays out of a shared sheet.
                std::path::Path::new(&r.file)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| r.file.clone()),
                r.name.clone(),
                format!("{:.1}", r.score),
                job.skill_labels(&r.matched_skills, lang),
                job.skill_labels(&r.missing_skills, lang),
                job.skill_labels(&r.preferred_matched, lang),
                format!("{:.1}", r.years_experience),
                r.education
                    .map(|l| loc.format(l.message_id(), &none))
                    .unwrap_or_default(),
                r.languages_missing.join(", "),
                r.best_title.clone(),
                format!("{:.1}", r.ats_score),
                r.reasons.join(" | "),
            ];
            push_row(&mut out, &row);
        }
        out
    }
}

/// Reads a job description from pasted text; text with nothing in it is `INVALID_INPUT`.
pub fn job_from_text(text: &str) -> Result<JobSpec> {
    if text.trim().is_empty() {
        return Err(JobGateError::invalid_input(
            "job",
            Reason::new("reason-job-empty"),
        ));
    }
    Ok(jobgate_matching::parse_job(text))
}

/// A job description file, read in a bounded worker and parsed (what `jobgate match JOB` ranks against).
pub fn load_job(path: &Path) -> Result<JobSpec> {
    job_from_text(&job_file_text(path)?)
}

/// The text of a job description file (.txt, .pdf or .docx; at most 10 MB, read in a bounded
/// worker), to show and edit before ranking. A file with no text is `INVALID_INPUT`.
pub fn job_file_text(path: &Path) -> Result<String> {
    let bytes = jobgate_extract::read_file(path)?;
    let text = crate::bounded::job_text(&bytes)?;
    if text.trim().is_empty() {
        return Err(JobGateError::invalid_input(
            "job",
            Phrase::new("reason-job-file-no-text").cv("path", path.display().to_string()),
        ));
    }
    Ok(text)
}

/// The PDF and DOCX files directly inside `dir` (not its subfolders), sorted by name.
pub fn cv_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|_| JobGateError::FileNotFound {
        path: dir.display().to_string(),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| jobgate_extract::has_cv_extension(p))
        .collect();
    files.sort();
    Ok(files)
}

/// Analyses every file on all cores. `progress(done, total)` is called from the worker threads as
/// each file finishes. Candidates are named by their path as given; failures keep their error
/// JSON in `opts.lang` (English when unset). Results keep the order of `files`.
pub fn analyse_files(
    files: &[PathBuf],
    opts: &AnalyzeOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Candidate>, Vec<Failed>) {
    let total = files.len();
    if let Some(pool) = crate::bounded::installed() {
        // Every core's worker started at once, not one after another as the first files arrive.
        pool.warm(total.min(rayon::current_num_threads()));
    }
    let done = AtomicUsize::new(0);
    let results: Vec<(String, Result<AnalysisResponse>)> = files
        .par_iter()
        .map(|path| {
            let r = analyze_file(path, opts);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            (path.display().to_string(), r)
        })
        .collect();
    let lang = opts.lang.unwrap_or_default();
    let mut candidates = Vec::new();
    let mut failed = Vec::new();
    for (file, r) in results {
        match r {
            Ok(analysis) => candidates.push(Candidate { file, analysis }),
            Err(e) => failed.push(Failed::new(file, e, lang)),
        }
    }
    (candidates, failed)
}

/// CVs from the history as candidates: each CV's newest version with the analysis stored for it.
/// A version edited or built after its last analysis is scored afresh as Job Gate would export it
/// (DOCX, first template), since a stored score would describe other content. Each candidate is
/// named by its analysed file name (else the CV's title), made unique with ` (2)`, ` (3)`… so the
/// ranking can be told apart.
pub fn history_candidates(
    store: &Store,
    cvs: &[CvId],
    opts: &AnalyzeOptions,
) -> Result<Vec<(CvId, Candidate)>> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(cvs.len());
    for &id in cvs {
        let latest = store.latest_analysed(id)?;
        let analysis = match latest.analysis {
            Some(a) => a,
            None => analyse_cv(latest.version.structured_data, opts)?,
        };
        let base = latest.file_name.unwrap_or(latest.title);
        let mut file = base.clone();
        let mut n = 1;
        while !seen.insert(file.clone()) {
            n += 1;
            file = format!("{base} ({n})");
        }
        out.push((id, Candidate { file, analysis }));
    }
    Ok(out)
}

/// An analysis of a CV that has no file: its own structured data, scored on the DOCX Job Gate would
/// export for it.
pub fn analyse_cv(cv: Cv, opts: &AnalyzeOptions) -> Result<AnalysisResponse> {
    crate::analyze::timed(|| {
        let lang = opts.lang.unwrap_or_else(|| cv.language());
        let template = jobgate_export::templates()
            .into_iter()
            .next()
            .ok_or_else(|| JobGateError::TemplateNotFound {
                name: "default".into(),
                available: Vec::new(),
            })?;
        let bytes = jobgate_export::render(
            &cv,
            jobgate_export::Format::Docx,
            &template.name,
            cv.language(),
        )?;
        let doc = jobgate_extract::extract(&bytes)?;
        let report = jobgate_score::score(&cv, &doc, lang);
        Ok(AnalysisResponse {
            success: true,
            features: jobgate_score::features(&cv, opts.today.unwrap_or_else(crate::clock::today)),
            structured_data: cv,
            ats_score: report.score,
            ats_checks: report.checks,
            suggestions: report.suggestions,
            suggestion_phrases: report.suggestion_phrases,
            language: doc.language,
            ..AnalysisResponse::default()
        })
    })
}

/// How one analysed CV fits a job, for a job seeker: the match (score out of 100, reasons) and the
/// job-match line of the analysis (which of the job's keywords the CV has and lacks).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JobFit {
    #[serde(rename = "match")]
    pub result: MatchResult,
    pub check: AtsCheck,
    /// Required and preferred skills the CV lacks, named for the reader.
    pub missing_keywords: Vec<String>,
    pub matched_keywords: Vec<String>,
}

/// Matches one already analysed CV against a job description given as text.
pub fn job_fit(analysis: &AnalysisResponse, job_text: &str, lang: Lang) -> Result<JobFit> {
    let job = job_from_text(job_text)?;
    let result = jobgate_matching::match_one(&job, "", analysis, lang);
    let check = jobgate_matching::job_match_check(&job, &analysis.structured_data, lang);
    let labels = |names: &[String]| -> Vec<String> {
        names.iter().map(|n| job.skill_label(n, lang)).collect()
    };
    let mut missing_keywords = labels(&result.missing_skills);
    missing_keywords.extend(labels(&result.preferred_missing));
    let mut matched_keywords = labels(&result.matched_skills);
    matched_keywords.extend(labels(&result.preferred_matched));
    Ok(JobFit {
        result,
        check,
        missing_keywords,
        matched_keywords,
    })
}

fn push_row(out: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// One CSV field: quoted when it holds a comma, semicolon, quote or line break (quotes doubled); text that a
/// spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) is prefixed with an apostrophe
/// and quoted. Semicolons are quoted because spreadsheets set to a `;` list separator split on them, and the
/// part after one would start a cell of its own.
fn csv_cell(s: &str) -> String {
    let numeric = s.parse::<f64>().is_ok();
    let formula = !numeric && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut v = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if formula || v.contains([',', ';', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ')
    {
        v = format!("\"{}\"", v.replace('"', "\"\""));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_store::VersionSource;
    use std::sync::Mutex;

    fn corpus(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/corpus/files")
            .join(name)
    }

    fn jobs(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/jobs")
            .join(name)
    }

    fn opts() -> AnalyzeOptions {
        AnalyzeOptions {
            lang: Some(Lang::En),
            today: Some((2025, 11)),
            ..AnalyzeOptions::default()
        }
    }

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-3.5"), "-3.5");
        assert_eq!(csv_cell("مهندس، برمجيات"), "مهندس، برمجيات");
        assert_eq!(csv_cell("+20 100"), "\"'+20 100\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"");
        // After a semicolon a `;`-separated spreadsheet starts a new cell: the whole field is quoted.
        assert_eq!(
            csv_cell("Go; =cmd|' /C calc'!A0"),
            "\"Go; =cmd|' /C calc'!A0\""
        );
    }

    #[test]
    fn csv_has_a_bom_a_localized_header_and_one_row_per_cv() {
        let job = jobgate_matching::parse_job("محاسب\nالمتطلبات\n- اكسل، SAP");
        let cv = AnalysisResponse {
            structured_data: Cv {
                skills: vec!["Excel".into()],
                personal_info: jobgate_core::PersonalInfo {
                    name: "Nora, \"N\"".into(),
                    ..Default::default()
                },
                ..Default::default()
            },
            ..AnalysisResponse::default()
        };
        let screening = Screening::rank(
            job,
            &[Candidate {
                file: "cv one.pdf".into(),
                analysis: cv,
            }],
            Vec::new(),
            Lang::Ar,
        );
        let text = screening.csv();
        assert!(text.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].contains("الدرجة"), "{}", lines[0]);
        assert!(lines[1].contains("\"Nora, \"\"N\"\"\""), "{}", lines[1]);
        assert!(
            lines[1].contains("SAP"),
            "missing skill listed: {}",
            lines[1]
        );
    }

    #[test]
    fn files_are_analysed_ranked_and_failures_kept_with_their_error() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("broken.pdf");
        std::fs::write(&broken, b"not a pdf at all").unwrap();
        let files = vec![
            corpus("003__stackoverflow.pdf"),
            broken.clone(),
            corpus("001__even.pdf"),
            corpus("002__flat.pdf"),
        ];
        let calls = Mutex::new(Vec::new());
        let (candidates, failed) = analyse_files(&files, &opts(), &|done, total| {
            calls.lock().unwrap().push((done, total))
        });
        let mut calls = calls.into_inner().unwrap();
        calls.sort();
        assert_eq!(calls, [(1, 4), (2, 4), (3, 4), (4, 4)]);
        assert_eq!(candidates.len(), 3);
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].file, broken.display().to_string());
        assert_eq!(failed[0].error.error_code, "UNSUPPORTED_FILE_TYPE");
        assert!(!failed[0].error.suggested_action.is_empty());

        let job = jobgate_matching::load_job(&jobs("backend_engineer_en.txt")).unwrap();
        let s = Screening::rank(job, &candidates, failed, Lang::En);
        assert!(
            s.ranking[0].file.ends_with("001__even.pdf"),
            "{:?}",
            s.ranking[0]
        );
        assert!(s.ranking[0].score > s.ranking[1].score);
        let report = serde_json::to_value(s.report()).unwrap();
        assert_eq!(report["ranking"][0]["rank"], 1);
        assert_eq!(report["ranking"][2]["rank"], 3);
        assert_eq!(report["failed"][0]["error_code"], "UNSUPPORTED_FILE_TYPE");
        assert!(report["job"]["required_skills"].as_array().unwrap().len() > 1);
        assert_eq!(s.csv().trim_end().split("\r\n").count(), 4);
    }

    #[test]
    fn a_folder_lists_its_pdf_and_docx_files_only() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.PDF", "a.docx", "notes.txt", "c.pdf.bak"] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.pdf")).unwrap();
        let files = cv_files_in(dir.path()).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.docx", "b.PDF"]);
        let e = cv_files_in(&dir.path().join("missing")).unwrap_err();
        assert_eq!(e.code().as_str(), "FILE_NOT_FOUND");
    }

    #[test]
    fn job_text_comes_from_pasted_text_or_a_file_and_empty_is_refused() {
        assert_eq!(
            job_from_text("  \n ").unwrap_err().code().as_str(),
            "INVALID_INPUT"
        );
        let text = job_file_text(&jobs("backend_engineer_en.pdf")).unwrap();
        let from_pdf = job_from_text(&text).unwrap();
        let from_txt = jobgate_matching::load_job(&jobs("backend_engineer_en.txt")).unwrap();
        assert_eq!(from_pdf.required_skills, from_txt.required_skills);
        let dir = tempfile::tempdir().unwrap();
        let blank = dir.path().join("blank.txt");
        std::fs::write(&blank, "   ").unwrap();
        assert_eq!(
            job_file_text(&blank).unwrap_err().code().as_str(),
            "INVALID_INPUT"
        );
        let binary = dir.path().join("job.bin");
        std::fs::write(&binary, [0u8, 159, 146, 150, 0]).unwrap();
        assert_eq!(
            job_file_text(&binary).unwrap_err().code().as_str(),
            "UNSUPPORTED_FILE_TYPE"
        );
    }

    #[test]
    fn history_cvs_rank_with_their_stored_analysis_or_a_fresh_score_when_edited() {
        let mut store = Store::open_in_memory().unwrap();
        let p = store.default_profile().unwrap();
        let a = analyze_file(&corpus("001__even.pdf"), &opts()).unwrap();
        let r1 = store
            .record_analysis(p, "001__even.pdf", "sha-1", &a)
            .unwrap();
        let b = analyze_file(&corpus("002__flat.pdf"), &opts()).unwrap();
        let r2 = store.record_analysis(p, "cv.pdf", "sha-2", &b).unwrap();
        let c = analyze_file(&corpus("003__stackoverflow.pdf"), &opts()).unwrap();
        let r3 = store.record_analysis(p, "cv.pdf", "sha-3", &c).unwrap();
        // The second CV was edited after its analysis: it loses its skills.
        let mut edited = b.structured_data.clone();
        edited.skills.clear();
        store
            .add_version(r2.cv_id, VersionSource::Edit, &edited)
            .unwrap();

        let got = history_candidates(&store, &[r1.cv_id, r2.cv_id, r3.cv_id], &opts()).unwrap();
        let files: Vec<&str> = got.iter().map(|(_, c)| c.file.as_str()).collect();
        assert_eq!(files, ["001__even.pdf", "cv.pdf", "cv.pdf (2)"]);
        assert_eq!(got[0].1.analysis, a, "the stored analysis as is");
        let fresh = &got[1].1.analysis;
        assert!(fresh.structured_data.skills.is_empty());
        assert!(fresh.ats_score > 0.0 && fresh.ats_score <= 100.0);
        assert!(
            fresh
                .ats_checks
                .iter()
                .any(|c| c.id == "skills" && !c.passed)
        );

        let job = jobgate_matching::load_job(&jobs("backend_engineer_en.txt")).unwrap();
        let candidates: Vec<Candidate> = got.into_iter().map(|(_, c)| c).collect();
        let s = Screening::rank(job, &candidates, Vec::new(), Lang::En);
        assert_eq!(s.ranking[0].file, "001__even.pdf");
        assert!(
            history_candidates(&store, &[CvId(999)], &opts()).is_err(),
            "an unknown CV is an error, not a silent gap"
        );
    }

    #[test]
    fn a_job_seeker_sees_the_score_and_missing_keywords_for_a_job() {
        let a = analyze_file(&corpus("001__even.pdf"), &opts()).unwrap();
        let text = std::fs::read_to_string(jobs("backend_engineer_en.txt")).unwrap();
        let fit = job_fit(&a, &text, Lang::En).unwrap();
        assert!(fit.result.score > 50.0, "{:?}", fit.result);
        assert!(!fit.matched_keywords.is_empty());
        assert_eq!(fit.check.id, "job_match");
        let mut poorer = a.clone();
        poorer.structured_data.skills.clear();
        poorer.structured_data.experience.clear();
        let worse = job_fit(&poorer, &text, Lang::En).unwrap();
        assert!(worse.result.score < fit.result.score);
        assert!(worse.missing_keywords.len() > fit.missing_keywords.len());
        assert_eq!(
            job_fit(&a, " ", Lang::En).unwrap_err().code().as_str(),
            "INVALID_INPUT"
        );
    }
}
