//! Comparing two versions of a CV, section by section, for the history's "compare" view.
//!
//! Each section of a [`Cv`] is written out as lines (one per field, entry head, bullet or list item,
//! in the CV's order), the two sides are aligned with a longest-common-subsequence diff, and a line
//! removed where another was added is shown as one changed line. Section ids are those of the
//! editor (`personal`, `summary`, `experience`…), so the UI names them in its language.

use jobgate_core::Cv;
use serde::Serialize;

/// What happened to one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Same,
    Added,
    Removed,
    Changed,
}

/// One line of the comparison: `old` is empty for added lines, `new` for removed ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    pub change: Change,
    pub old: String,
    pub new: String,
}

/// One section of the comparison, in the CV's order; sections empty on both sides are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionDiff {
    /// `personal`, `summary`, `experience`, `education`, `skills`, `achievements`,
    /// `certifications`, `languages`, `projects`.
    pub section: &'static str,
    /// Whether any line differs.
    pub changed: bool,
    pub lines: Vec<DiffLine>,
}

/// Compares `old` with `new`, section by section.
pub fn diff_cvs(old: &Cv, new: &Cv) -> Vec<SectionDiff> {
    sections(old)
        .into_iter()
        .zip(sections(new))
        .filter(|((_, a), (_, b))| !a.is_empty() || !b.is_empty())
        .map(|((section, a), (_, b))| {
            let lines = diff_lines(&a, &b);
            SectionDiff {
                section,
                changed: lines.iter().any(|l| l.change != Change::Same),
                lines,
            }
        })
        .collect()
}

/// The CV as lines per section, empty fields left out.
fn sections(cv: &Cv) -> Vec<(&'static str, Vec<String>)> {
    let join = |parts: &[&str], sep: &str| -> String {
        parts
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let list = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let p = &cv.personal_info;
    let mut personal = list(&[
        p.name.clone(),
        p.headline.clone(),
        p.email.clone(),
        p.phone.clone(),
        p.location.clone(),
    ]);
    personal.extend(list(&p.links));
    let summary = cv
        .summary
        .lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let mut experience = Vec::new();
    for x in &cv.experience {
        let head = join(
            &[
                &join(&[&x.title, &x.company], " — "),
                &x.location,
                &x.period,
            ],
            " · ",
        );
        if !head.is_empty() {
            experience.push(head);
        }
        experience.extend(list(&x.achievements).into_iter().map(|a| format!("• {a}")));
    }
    let education = cv
        .education
        .iter()
        .map(|x| {
            join(
                &[
                    &join(&[&x.degree, &x.field, &x.school], " — "),
                    &x.years,
                    &x.grade,
                ],
                " · ",
            )
        })
        .filter(|s| !s.is_empty())
        .collect();
    let languages = cv
        .languages
        .iter()
        .map(|l| {
            if l.level.trim().is_empty() {
                l.name.trim().to_string()
            } else {
                format!("{} ({})", l.name.trim(), l.level.trim())
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    let mut projects = Vec::new();
    for x in &cv.projects {
        let head = join(&[&x.title, &x.link], " — ");
        if !head.is_empty() {
            projects.push(head);
        }
        projects.extend(
            x.description
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
    }
    vec![
        ("personal", personal),
        ("summary", summary),
        ("experience", experience),
        ("education", education),
        ("skills", list(&cv.skills)),
        ("achievements", list(&cv.achievements)),
        ("certifications", list(&cv.certifications)),
        ("languages", languages),
        ("projects", projects),
    ]
}

/// A line diff: common lines by longest common subsequence; between two common lines, removed and
/// added lines are paired in order as changed lines, the rest stay removed or added.
// The table is filled from the end with indices into both sides, which iterators would only obscure.
#[allow(clippy::needless_range_loop)]
fn diff_lines(a: &[String], b: &[String]) -> Vec<DiffLine> {
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<DiffLine>, removed: &mut Vec<String>, added: &mut Vec<String>| {
        let paired = removed.len().min(added.len());
        for (old, new) in removed.drain(..paired).zip(added.drain(..paired)) {
            out.push(DiffLine {
                change: Change::Changed,
                old,
                new,
            });
        }
        out.extend(removed.drain(..).map(|old| DiffLine {
            change: Change::Removed,
            old,
            new: String::new(),
        }));
        out.extend(added.drain(..).map(|new| DiffLine {
            change: Change::Added,
            old: String::new(),
            new,
        }));
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            flush(&mut out, &mut removed, &mut added);
            out.push(DiffLine {
                change: Change::Same,
                old: a[i].clone(),
                new: b[j].clone(),
            });
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j].clone());
            j += 1;
        } else {
            removed.push(a[i].clone());
            i += 1;
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_core::{Experience, LanguageSkill};

    fn base() -> Cv {
        let mut cv = Cv::default();
        cv.personal_info.name = "Sara Haddad".into();
        cv.personal_info.email = "sara@example.com".into();
        cv.skills = vec!["Excel".into(), "SQL".into(), "Power BI".into()];
        cv.experience = vec![Experience {
            title: "Data Analyst".into(),
            company: "Arab Bank".into(),
            period: "2019 – 2023".into(),
            achievements: vec!["Made weekly reports".into(), "Trained 4 analysts".into()],
            ..Experience::default()
        }];
        cv.languages = vec![LanguageSkill {
            name: "Arabic".into(),
            level: "Native".into(),
        }];
        cv
    }

    fn section<'a>(d: &'a [SectionDiff], id: &str) -> &'a SectionDiff {
        d.iter().find(|s| s.section == id).unwrap()
    }

    fn changes(s: &SectionDiff) -> Vec<(Change, &str, &str)> {
        s.lines
            .iter()
            .map(|l| (l.change, l.old.as_str(), l.new.as_str()))
            .collect()
    }

    #[test]
    fn the_same_cv_has_no_changes_and_empty_sections_are_left_out() {
        let d = diff_cvs(&base(), &base());
        let ids: Vec<_> = d.iter().map(|s| s.section).collect();
        assert_eq!(ids, ["personal", "experience", "skills", "languages"]);
        assert!(d.iter().all(|s| !s.changed));
        assert!(d.iter().flat_map(|s| &s.lines).all(|l| l.old == l.new));
        assert_eq!(
            section(&d, "experience").lines[0].new,
            "Data Analyst — Arab Bank · 2019 – 2023"
        );
    }

    #[test]
    fn added_removed_and_changed_lines_are_told_apart() {
        let old = base();
        let mut new = base();
        new.personal_info.email = "sara.haddad@example.com".into();
        new.skills = vec!["Excel".into(), "Power BI".into(), "Python".into()];
        new.experience[0].achievements[0] = "Automated 12 weekly sales reports".into();
        new.summary = "Analyst with 4 years in banking.".into();
        new.languages.clear();

        let d = diff_cvs(&old, &new);
        assert_eq!(
            changes(section(&d, "personal")),
            [
                (Change::Same, "Sara Haddad", "Sara Haddad"),
                (
                    Change::Changed,
                    "sara@example.com",
                    "sara.haddad@example.com"
                ),
            ]
        );
        assert_eq!(
            changes(section(&d, "skills")),
            [
                (Change::Same, "Excel", "Excel"),
                (Change::Removed, "SQL", ""),
                (Change::Same, "Power BI", "Power BI"),
                (Change::Added, "", "Python"),
            ]
        );
        assert_eq!(
            changes(section(&d, "experience"))[1],
            (
                Change::Changed,
                "• Made weekly reports",
                "• Automated 12 weekly sales reports"
            )
        );
        assert_eq!(
            changes(section(&d, "summary")),
            [(Change::Added, "", "Analyst with 4 years in banking.")]
        );
        assert_eq!(
            changes(section(&d, "languages")),
            [(Change::Removed, "Arabic (Native)", "")]
        );
        assert!(section(&d, "languages").changed);
        assert_eq!(d[0].section, "personal", "sections keep the CV's order");
    }

    #[test]
    fn a_longer_run_pairs_what_it_can_and_keeps_the_rest() {
        let a: Vec<String> = ["x", "a", "b", "y"].map(String::from).to_vec();
        let b: Vec<String> = ["x", "c", "y", "z"].map(String::from).to_vec();
        let got: Vec<_> = diff_lines(&a, &b)
            .into_iter()
            .map(|l| (l.change, l.old, l.new))
            .collect();
        let s = String::from;
        assert_eq!(
            got,
            [
                (Change::Same, s("x"), s("x")),
                (Change::Changed, s("a"), s("c")),
                (Change::Removed, s("b"), s("")),
                (Change::Same, s("y"), s("y")),
                (Change::Added, s(""), s("z")),
            ]
        );
    }
}
