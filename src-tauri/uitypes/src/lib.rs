//! `ui/types/commands.d.ts`: the types of what the desktop's commands take and give, generated from the
//! Rust types, so the web UI's JavaScript can name them in JSDoc (`@type {import('../types/commands').Cv}`)
//! and editors check its use of them.
//!
//! The types come from `schemars` (the `schema` features of the crates that define them) in its
//! *serialize* contract, so a field is optional exactly when serde may leave it out
//! (`skip_serializing_if`), and renames, tags and `flatten` are serde's own. The commands' names and
//! arguments are read from the shell's source: the list in `generate_handler!` (src-tauri/src/lib.rs) and
//! each command function's parameters (camel-cased, as Tauri expects them) and result.
//!
//! `cargo test --workspace --test uitypes` fails when the file checked in is not what this writes;
//! `JOBGATE_WRITE_TYPES=1` with the same command writes it.

#![forbid(unsafe_code)]

use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The file this crate writes, relative to the workspace.
pub const OUTPUT: &str = "ui/types/commands.d.ts";

/// The command that writes it again.
pub const REFRESH: &str = "JOBGATE_WRITE_TYPES=1 cargo test --workspace --test uitypes";

type Root = (&'static str, fn(&mut SchemaGenerator) -> Schema);

macro_rules! roots {
    ($($t:ty),* $(,)?) => {
        &[$((stringify!($t), |g: &mut SchemaGenerator| g.subschema_for::<$t>())),*]
    };
}

/// Every type a command takes or gives, and the payloads of the events the page follows. A command
/// naming a type not reached from here fails the generation, saying so.
const ROOTS: &[Root] = roots![
    jobgate_core::AnalysisResponse,
    jobgate_core::BuilderResponse,
    jobgate_core::Cv,
    jobgate_core::ErrorResponse,
    jobgate_core::i18n::Lang,
    jobgate_core::phrase::Segment,
    jobgate_engine::view::AnalysisView,
    jobgate_engine::view::MatchView,
    jobgate_engine::view::CompareView,
    jobgate_engine::screening::JobFit,
    jobgate_store::History,
    jobgate_store::VersionId,
    jobgate_desktop::commands::app::UiMessages,
    jobgate_desktop::commands::app::Status,
    jobgate_desktop::commands::app::Capabilities,
    jobgate_desktop::commands::settings::SettingsView,
    jobgate_desktop::commands::analyse::ImportResult,
    jobgate_desktop::commands::analyse::AnalysisProgress,
    jobgate_desktop::commands::history::DeletedCv,
    jobgate_desktop::commands::history::VersionInfo,
    jobgate_desktop::commands::builder::BuilderTurn,
    jobgate_desktop::commands::export::TemplateView,
    jobgate_desktop::commands::ai::AiPreview,
    jobgate_desktop::commands::people::PeopleView,
    jobgate_desktop::commands::people::WipeView,
    jobgate_desktop::commands::people::IdleView,
    jobgate_desktop::commands::people::PolicyView,
    jobgate_desktop::commands::moves::ImportedProfile,
    jobgate_desktop::commands::moves::ImportedCv,
    jobgate_desktop::commands::sync::SyncNowView,
    jobgate_desktop::state::WhoView,
    jobgate_desktop::picked::PickedFile,
    jobgate_desktop::screening::MatchProgress,
    jobgate_desktop::sync::SyncView,
    jobgate_desktop::sync::ConnectionCheck,
    jobgate_desktop::updater::UpdateView,
    jobgate_desktop::updater::Progress,
];

/// Parameters Tauri fills in itself: not sent by the page.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// The text of `ui/types/commands.d.ts` for the workspace at `root`.
pub fn generate(root: &Path) -> Result<String, String> {
    let mut settings = SchemaSettings::draft2020_12().for_serialize();
    settings.definitions_path = "/$defs".into();
    let mut generator = SchemaGenerator::new(settings);
    let mut inline = BTreeMap::new();
    for (path, schema_of) in ROOTS {
        let schema = schema_of(&mut generator);
        if schema.get("$ref").is_none() {
            inline.insert(last_segment(path).to_string(), schema.to_value());
        }
    }
    let mut defs: BTreeMap<String, Value> = generator.take_definitions(true).into_iter().collect();
    defs.extend(inline);

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// The types of what the desktop's commands take and give, generated from the Rust types"
    );
    let _ = writeln!(
        out,
        "// by src-tauri/uitypes (schemars, serialize contract). Do not edit: after changing a type, run"
    );
    let _ = writeln!(out, "//   {REFRESH}");
    let _ = writeln!(
        out,
        "// Used from plain JavaScript through JSDoc, e.g. `/** @type {{import('../types/commands').Cv}} */`."
    );
    for (name, schema) in &defs {
        out.push('\n');
        declaration(&mut out, name, schema);
    }
    out.push('\n');
    commands(&mut out, root, &defs)?;
    Ok(out)
}

fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path).trim()
}

fn doc(out: &mut String, indent: &str, schema: &Value) {
    let text = schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim();
    if text.is_empty() {
        return;
    }
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        let _ = writeln!(out, "{indent}/** {} */", lines[0].replace("*/", "*\\/"));
    } else {
        let _ = writeln!(out, "{indent}/**");
        for l in lines {
            let _ = writeln!(out, "{indent} * {}", l.replace("*/", "*\\/").trim_end());
        }
        let _ = writeln!(out, "{indent} */");
    }
}

fn declaration(out: &mut String, name: &str, schema: &Value) {
    doc(out, "", schema);
    match properties(schema) {
        Some(props)
            if schema
                .get("additionalProperties")
                .is_none_or(|a| a == false) =>
        {
            let _ = writeln!(out, "export interface {name} {{");
            fields(out, "  ", &props);
            let _ = writeln!(out, "}}");
        }
        _ => {
            let _ = writeln!(out, "export type {name} = {};", ts(schema));
        }
    }
}

/// The properties of an object schema (with those of `allOf` parts, as `flatten` gives), each with
/// whether it is required; `None` when the schema is not a plain object.
fn properties(schema: &Value) -> Option<Vec<(String, Value, bool)>> {
    let obj = schema.as_object()?;
    if obj.contains_key("oneOf") || obj.contains_key("anyOf") {
        return None;
    }
    let mut props = Vec::new();
    let mut any = false;
    if let Some(p) = obj.get("properties").and_then(Value::as_object) {
        any = true;
        let required: Vec<&str> = obj
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (k, v) in p {
            props.push((k.clone(), v.clone(), required.contains(&k.as_str())));
        }
    }
    if let Some(parts) = obj.get("allOf").and_then(Value::as_array) {
        for part in parts {
            props.extend(properties(part)?);
            any = true;
        }
    }
    any.then_some(props)
}

fn fields(out: &mut String, indent: &str, props: &[(String, Value, bool)]) {
    for (name, schema, required) in props {
        doc(out, indent, schema);
        let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            name.clone()
        } else {
            format!("{name:?}")
        };
        let _ = writeln!(
            out,
            "{indent}{key}{}: {};",
            if *required { "" } else { "?" },
            ts(schema)
        );
    }
}

/// A schema as a TypeScript type.
fn ts(schema: &Value) -> String {
    let Some(obj) = schema.as_object() else {
        return if schema == &Value::Bool(false) {
            "never".into()
        } else {
            "unknown".into()
        };
    };
    if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_string();
    }
    if let Some(c) = obj.get("const") {
        return c.to_string();
    }
    if let Some(e) = obj.get("enum").and_then(Value::as_array) {
        return union(e.iter().map(Value::to_string).collect());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(parts) = obj.get(key).and_then(Value::as_array) {
            return union(parts.iter().map(ts).collect());
        }
    }
    if let Some(parts) = obj.get("allOf").and_then(Value::as_array)
        && properties(schema).is_none()
    {
        return parts
            .iter()
            .map(|p| paren(ts(p)))
            .collect::<Vec<_>>()
            .join(" & ");
    }
    match obj.get("type") {
        Some(Value::Array(types)) => union(
            types
                .iter()
                .map(|t| {
                    let mut one = obj.clone();
                    one.insert("type".into(), t.clone());
                    ts(&Value::Object(one))
                })
                .collect(),
        ),
        Some(Value::String(t)) => match t.as_str() {
            "string" => "string".into(),
            "integer" | "number" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => array(obj),
            "object" => object(schema, obj),
            _ => "unknown".into(),
        },
        _ if obj.contains_key("properties") || obj.contains_key("allOf") => object(schema, obj),
        _ => "unknown".into(),
    }
}

fn array(obj: &Map<String, Value>) -> String {
    if let Some(items) = obj.get("prefixItems").and_then(Value::as_array) {
        return format!("[{}]", items.iter().map(ts).collect::<Vec<_>>().join(", "));
    }
    match obj.get("items") {
        Some(items) => format!("{}[]", paren(ts(items))),
        None => "unknown[]".into(),
    }
}

fn object(schema: &Value, obj: &Map<String, Value>) -> String {
    if let Some(props) = properties(schema) {
        let mut s = String::from("{ ");
        for (name, schema, required) in props {
            let _ = write!(
                s,
                "{name}{}: {}; ",
                if required { "" } else { "?" },
                ts(&schema)
            );
        }
        s.push('}');
        return s;
    }
    match obj.get("additionalProperties") {
        Some(Value::Bool(false)) => "Record<string, never>".into(),
        Some(v) if v.is_object() => format!("Record<string, {}>", ts(v)),
        _ => "Record<string, unknown>".into(),
    }
}

fn union(mut parts: Vec<String>) -> String {
    parts.dedup();
    if parts.is_empty() {
        return "never".into();
    }
    parts.join(" | ")
}

fn paren(t: String) -> String {
    if t.contains(' ') && !t.starts_with('{') {
        format!("({t})")
    } else {
        t
    }
}

// ---- the commands ---------------------------------------------------------------------------------

fn commands(out: &mut String, root: &Path, defs: &BTreeMap<String, Value>) -> Result<(), String> {
    let src = root.join("src-tauri/src");
    let lib = read(&src.join("lib.rs"))?;
    let start = lib
        .find("generate_handler![")
        .ok_or("src-tauri/src/lib.rs has no generate_handler![")?;
    let list = &lib[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').ok_or("generate_handler! is not closed")?];
    // The handler list is inside a macro: what follows the commands (`$(,$extra)*`) is not one.
    let list = list.split('$').next().unwrap_or(list);
    let _ = writeln!(
        out,
        "/** Every command: what `invoke(name, args)` sends and what it resolves to (it rejects with an ErrorResponse). */"
    );
    let _ = writeln!(out, "export interface Commands {{");
    let mut files: BTreeMap<PathBuf, syn::File> = BTreeMap::new();
    for path in list.split(',').map(str::trim) {
        if path.is_empty()
            || !path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
        {
            continue;
        }
        let segments: Vec<&str> = path.split("::").collect();
        let (name, modules) = segments.split_last().ok_or("empty command path")?;
        let module = modules.join("/");
        let file = [
            src.join(format!("{module}.rs")),
            src.join(&module).join("mod.rs"),
        ]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| format!("no source file for the command {path}"))?;
        if !files.contains_key(&file) {
            let text = read(&file)?;
            let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            files.insert(file.clone(), parsed);
        }
        let function = files[&file]
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Fn(f) if f.sig.ident == name => Some(f),
                _ => None,
            })
            .ok_or_else(|| format!("the command {path} is not a function of {}", file.display()))?;
        let mut args = Vec::new();
        for input in &function.sig.inputs {
            let syn::FnArg::Typed(arg) = input else {
                continue;
            };
            if INJECTED.contains(&type_name(&arg.ty).as_str()) {
                continue;
            }
            let syn::Pat::Ident(ident) = &*arg.pat else {
                return Err(format!("{path}: an argument that is not a plain name"));
            };
            let (ty, optional) = rust_type(&arg.ty, defs).map_err(|e| format!("{path}: {e}"))?;
            args.push(format!(
                "{}{}: {ty}",
                camel(&ident.ident.to_string()),
                if optional { "?" } else { "" }
            ));
        }
        let result = match &function.sig.output {
            syn::ReturnType::Default => "null".to_string(),
            syn::ReturnType::Type(_, ty) => {
                rust_type(ty, defs).map_err(|e| format!("{path}: {e}"))?.0
            }
        };
        let args = if args.is_empty() {
            "Record<string, never>".into()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        let _ = writeln!(out, "  {name}: {{ args: {args}; result: {result} }};");
    }
    let _ = writeln!(out, "}}");
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = !out.is_empty();
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        syn::Type::Reference(r) => type_name(&r.elem),
        _ => String::new(),
    }
}

fn generic_args(ty: &syn::Type) -> Vec<&syn::Type> {
    let syn::Type::Path(p) = ty else {
        return Vec::new();
    };
    let Some(last) = p.path.segments.last() else {
        return Vec::new();
    };
    let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
        return Vec::new();
    };
    a.args
        .iter()
        .filter_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// A Rust parameter or result type as TypeScript, and whether the argument may be left out (`Option`).
fn rust_type(ty: &syn::Type, defs: &BTreeMap<String, Value>) -> Result<(String, bool), String> {
    if let syn::Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return Ok(("null".into(), false));
    }
    if let syn::Type::Reference(r) = ty {
        return rust_type(&r.elem, defs);
    }
    let name = type_name(ty);
    let args = generic_args(ty);
    let one = |i: usize| -> Result<String, String> {
        let t = args
            .get(i)
            .ok_or_else(|| format!("{name} without its type argument"))?;
        Ok(rust_type(t, defs)?.0)
    };
    let ts = match name.as_str() {
        "CommandResult" | "Result" => {
            return rust_type(args.first().ok_or("Result without a type")?, defs);
        }
        "Option" => return Ok((format!("{} | null", one(0)?), true)),
        "Vec" => format!("{}[]", paren(one(0)?)),
        "HashMap" | "BTreeMap" => format!("Record<string, {}>", one(1)?),
        "String" | "str" | "PathBuf" => "string".into(),
        "bool" => "boolean".into(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" | "f32"
        | "f64" => "number".into(),
        "Value" => "unknown".into(),
        other if defs.contains_key(other) => other.into(),
        other => {
            return Err(format!(
                "the type {other} has no generated declaration: derive `schemars::JsonSchema` on it \
                 (`#[cfg_attr(feature = \"schema\", derive(schemars::JsonSchema))]`) and add it to ROOTS in \
                 src-tauri/uitypes/src/lib.rs"
            ));
        }
    };
    Ok((ts, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schemas_become_typescript() {
        assert_eq!(ts(&json!({"type": "string"})), "string");
        assert_eq!(ts(&json!({"type": ["integer", "null"]})), "number | null");
        assert_eq!(
            ts(&json!({"type": "array", "items": {"$ref": "#/$defs/Cv"}})),
            "Cv[]"
        );
        assert_eq!(
            ts(&json!({"type": "array", "items": {"type": ["string", "null"]}})),
            "(string | null)[]"
        );
        assert_eq!(
            ts(&json!({"enum": ["good", "fair"]})),
            "\"good\" | \"fair\""
        );
        assert_eq!(
            ts(&json!({"type": "object", "additionalProperties": {"type": "string"}})),
            "Record<string, string>"
        );
        assert_eq!(
            ts(&json!({"oneOf": [{"const": "a"}, {"$ref": "#/$defs/B"}]})),
            "\"a\" | B"
        );
        assert_eq!(ts(&json!(true)), "unknown");
    }

    #[test]
    fn objects_keep_required_and_optional_fields_and_flattened_parts() {
        let schema = json!({
            "description": "A row.",
            "type": "object",
            "properties": {"file": {"type": "string"}, "note": {"type": "string", "description": "Only sometimes."}},
            "required": ["file"],
            "allOf": [{"$ref": "#/$defs/ErrorResponse"}]
        });
        // A `$ref` part of `allOf` is not a plain object: the whole is an intersection.
        assert_eq!(properties(&schema), None);
        let flat = json!({
            "type": "object",
            "properties": {"file": {"type": "string"}},
            "required": ["file"],
            "allOf": [{"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}]
        });
        let mut out = String::new();
        declaration(&mut out, "Failed", &flat);
        assert_eq!(
            out,
            "export interface Failed {\n  file: string;\n  error: string;\n}\n"
        );
        let mut out = String::new();
        let simple = json!({"description": "A row.", "type": "object",
            "properties": {"file": {"type": "string"}, "note": {"type": "string", "description": "Only sometimes."}},
            "required": ["file"]});
        declaration(&mut out, "Row", &simple);
        assert_eq!(
            out,
            "/** A row. */\nexport interface Row {\n  file: string;\n  /** Only sometimes. */\n  note?: string;\n}\n"
        );
    }

    #[test]
    fn rust_arguments_become_typescript() {
        let defs: BTreeMap<String, Value> = [("Cv".to_string(), json!({}))].into();
        let parse = |s: &str| syn::parse_str::<syn::Type>(s).expect("a type");
        assert_eq!(
            rust_type(&parse("CommandResult<Vec<Cv>>"), &defs),
            Ok(("Cv[]".into(), false))
        );
        assert_eq!(
            rust_type(&parse("Option<String>"), &defs),
            Ok(("string | null".into(), true))
        );
        assert_eq!(
            rust_type(&parse("HashMap<String, i64>"), &defs),
            Ok(("Record<string, number>".into(), false))
        );
        assert_eq!(rust_type(&parse("()"), &defs), Ok(("null".into(), false)));
        let unknown = rust_type(&parse("Mystery"), &defs).expect_err("an undeclared type");
        assert!(
            unknown.contains("Mystery") && unknown.contains("ROOTS"),
            "{unknown}"
        );
        assert_eq!(camel("file_passcode_again"), "filePasscodeAgain");
    }
}
