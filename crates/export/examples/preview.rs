//! Writes the SVG preview of a CV (contract JSON) in a template: `preview CV.json TEMPLATE en|ar OUT.svg`.
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let cv: jobgate_core::Cv =
        serde_json::from_slice(&std::fs::read(&a[0]).expect("cv file")).expect("cv json");
    let lang = jobgate_core::Lang::from_code(&a[2]).expect("en or ar");
    let svg = jobgate_export::preview_svg(&cv, &a[1], lang).expect("preview");
    std::fs::write(&a[3], svg).expect("writable");
}
