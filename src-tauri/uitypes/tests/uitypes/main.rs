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

/// The screen a UI module belongs to: a file directly under `screens/`, or a folder of them (`None`
/// outside `screens/`).
fn screen_of(path: &std::path::Path, screens: &std::path::Path) -> Option<String> {
    let inside = path.strip_prefix(screens).ok()?;
    let first = inside.components().next()?;
    Some(first.as_os_str().to_string_lossy().into_owned())
}

/// Every screen module imports only ui/lib/ and its own screen's modules: screens talk through the store,
/// the bus and main.js, never by reaching into each other.
#[test]
fn screens_do_not_import_each_other() {
    let ui = workspace().join("ui");
    let screens = ui.join("screens");
    let mut crossings = Vec::new();
    for (path, _) in ui_modules() {
        let Some(own) = screen_of(&path, &screens) else {
            continue;
        };
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
                || screen_of(&target, &normalise(&screens)).as_ref() == Some(&own);
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

/// The element whose opening tag holds `marker` and its extent in `html` (through its matching end tag).
fn extent(html: &str, marker: &str) -> Option<(usize, usize)> {
    let at = html.find(marker)?;
    let start = html[..at].rfind('<')?;
    let tag: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let next_open = html[i + 1..].find(&open).map(|p| p + i + 1);
        let next_close = html[i + 1..].find(&close).map(|p| p + i + 1)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ if depth == 0 => return Some((start, next_close + close.len())),
            _ => {
                depth -= 1;
                i = next_close;
            }
        }
    }
}

/// The ids a module names in string literals (`'#analysis'`, `"#wipe"`, `` `#lang-${…}` ``).
fn ids_named(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let bytes = text.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'#' && matches!(bytes[i - 1], b'\'' | b'"' | b'`') {
            let id: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !id.is_empty() {
                ids.push(id);
            }
        }
    }
    ids
}

/// Every element a screen module names by id is in that screen's own markup: no screen reaches into
/// another's DOM. The people modules own the picker, the sidebar's person, Settings → Profile and the
/// wipe and guest-files dialogs.
#[test]
fn screens_touch_only_their_own_markup() {
    let ui = workspace().join("ui");
    let html = std::fs::read_to_string(ui.join("index.html")).expect("ui/index.html");
    let areas: Vec<(&str, &str)> = vec![
        ("id=\"screen-import\"", "import"),
        ("id=\"screen-builder\"", "builder.js"),
        ("id=\"screen-export\"", "export.js"),
        ("id=\"screen-match\"", "match.js"),
        ("id=\"screen-history\"", "history"),
        ("id=\"screen-settings\"", "settings"),
        ("id=\"screen-status\"", "status.js"),
        ("id=\"gate\"", "people"),
        ("id=\"who\"", "people"),
        ("id=\"profile-settings\"", "people"),
        ("id=\"wipe\"", "people"),
        ("id=\"guest-files\"", "people"),
    ];
    let ranges: Vec<((usize, usize), &str)> = areas
        .iter()
        .map(|(marker, owner)| {
            (
                extent(&html, marker).unwrap_or_else(|| panic!("ui/index.html has no {marker}")),
                *owner,
            )
        })
        .collect();
    // The owner of an id: the innermost area around it.
    let owner_of = |id: &str| -> Option<&str> {
        let at = html.find(&format!("id=\"{id}\""))?;
        ranges
            .iter()
            .filter(|((s, e), _)| *s <= at && at < *e)
            .min_by_key(|((s, e), _)| e - s)
            .map(|(_, owner)| *owner)
    };
    let screens = ui.join("screens");
    let mut strays = Vec::new();
    let mut checked = 0;
    for (path, _) in ui_modules() {
        let Some(own) = screen_of(&path, &screens) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("a UI module");
        for id in ids_named(&text) {
            // A prefix completed at run time (`#lang-${code}`) names every id it can complete.
            let owners: Vec<&str> = if html.contains(&format!("id=\"{id}\"")) {
                vec![owner_of(&id).unwrap_or("main.js")]
            } else {
                let mut found = Vec::new();
                let mut rest = html.as_str();
                while let Some(p) = rest.find(&format!("id=\"{id}")) {
                    let full: String = rest[p + 4..].chars().take_while(|c| *c != '"').collect();
                    found.push(owner_of(&full).unwrap_or("main.js"));
                    rest = &rest[p + 4..];
                }
                assert!(
                    !found.is_empty(),
                    "{} names #{id}, which ui/index.html does not have",
                    path.display()
                );
                found
            };
            checked += 1;
            if owners.iter().any(|o| *o != own) {
                strays.push(format!("{} names #{id} (of {owners:?})", path.display()));
            }
        }
    }
    assert!(checked > 150, "only {checked} ids were checked");
    assert!(
        strays.is_empty(),
        "screens reaching into another screen's markup: {strays:#?}"
    );
}
