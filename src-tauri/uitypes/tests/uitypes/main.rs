//! The web UI's checked-in command types are what the Rust types say, and its modules stay small.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `ui/types/commands.d.ts` is regenerated in memory and compared; `JOBGATE_WRITE_TYPES=1` writes it.
#[test]
fn command_types_are_fresh() {
    let root = workspace();
    let generated =
        jobgate_uitypes::generate(&root).unwrap_or_else(|e| panic!("generating the UI types: {e}"));
    let path = root.join(jobgate_uitypes::OUTPUT);
    if std::env::var_os("JOBGATE_WRITE_TYPES").is_some() {
        std::fs::create_dir_all(path.parent().expect("ui/types")).expect("ui/types/");
        std::fs::write(&path, &generated).expect("writing ui/types/commands.d.ts");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != generated {
        let line = checked_in
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(checked_in.lines().count().min(generated.lines().count()));
        panic!(
            "{} is stale (first difference at line {}: {:?} checked in, {:?} generated); refresh it with\n  {}",
            jobgate_uitypes::OUTPUT,
            line + 1,
            checked_in.lines().nth(line).unwrap_or("<end>"),
            generated.lines().nth(line).unwrap_or("<end>"),
            jobgate_uitypes::REFRESH
        );
    }
}

/// The main contract types and every command are declared (a generator that lost them would still
/// compare equal to a file regenerated with the same loss).
#[test]
fn command_types_cover_the_contract() {
    let generated = jobgate_uitypes::generate(&workspace()).expect("UI types");
    for declared in [
        "export interface AnalysisResponse {",
        "export interface Cv {",
        "export interface AtsCheck {",
        "export interface BuilderResponse {",
        "export interface ErrorResponse {",
        "export interface AnalysisView {",
        "export interface MatchView {",
        "export interface CompareView {",
        "export interface SettingsView {",
        "export interface Status {",
        "export interface History {",
        "export interface Commands {",
        "  analyze_path: { args: { token: string }; result: ImportResult };",
        "  analysis_view: { args: { analysis: AnalysisResponse }; result: AnalysisView };",
    ] {
        assert!(
            generated.contains(declared),
            "ui/types/commands.d.ts lacks {declared:?}"
        );
    }
    // Optional exactly where serde may leave a field out.
    assert!(
        generated.contains("  message_phrase?: Phrase | null;")
            || generated.contains("  message_phrase?: Phrase;")
    );
    assert!(generated.contains("  ats_score: number;"));
}

/// Every JavaScript module of the UI, with its length in lines.
fn ui_modules() -> Vec<(PathBuf, usize)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, usize)>) {
        for entry in std::fs::read_dir(dir).expect("ui/").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "js") {
                let text = std::fs::read_to_string(&path).expect("a UI module");
                out.push((path, text.lines().count()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&workspace().join("ui"), &mut out);
    out.sort();
    out
}

/// No UI module passes 300 lines (issue 19): a screen that grows is split into modules of its own.
#[test]
fn ui_modules_stay_small() {
    const LIMIT: usize = 300;
    let modules = ui_modules();
    assert!(
        modules.len() > 10,
        "the UI's modules were not found: {modules:?}"
    );
    let long: Vec<String> = modules
        .iter()
        .filter(|(_, n)| *n > LIMIT)
        .map(|(p, n)| format!("{} ({n} lines)", p.display()))
        .collect();
    assert!(long.is_empty(), "UI modules over {LIMIT} lines: {long:?}");
}

/// Every screen module imports only ui/lib/ and its own screen's modules: screens talk through the store,
/// the bus and main.js, never by reaching into each other.
#[test]
fn screens_do_not_import_each_other() {
    let ui = workspace().join("ui");
    let screens = ui.join("screens");
    let mut crossings = Vec::new();
    for (path, _) in ui_modules() {
        let Ok(inside) = path.strip_prefix(&screens) else {
            continue;
        };
        // A screen is a file directly under screens/ or a folder of them.
        let own = inside
            .components()
            .next()
            .expect("a path under screens/")
            .as_os_str()
            .to_owned();
        let text = std::fs::read_to_string(&path).expect("a UI module");
        for line in text.lines().filter(|l| l.starts_with("import ")) {
            let Some(spec) = line
                .rsplit(" from ")
                .next()
                .map(|s| s.trim().trim_end_matches(';').trim_matches('\''))
            else {
                continue;
            };
            let target = path.parent().expect("a folder").join(spec);
            let target = normalise(&target);
            let allowed = target.starts_with(normalise(&ui.join("lib")))
                || target.starts_with(normalise(&ui.join("types")))
                || target.strip_prefix(normalise(&screens)).is_ok_and(|t| {
                    t.components().next().map(|c| c.as_os_str().to_owned()) == Some(own.clone())
                });
            if !allowed {
                crossings.push(format!("{} imports {spec}", path.display()));
            }
        }
    }
    assert!(
        crossings.is_empty(),
        "screens importing other screens: {crossings:?}"
    );
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
