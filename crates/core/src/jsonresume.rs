//! JSON Resume (jsonresume.org, schema 1.0), the interchange format other CV tools read and write, to and from
//! our [`Cv`]. A person takes a CV to another tool, or brings one in, without retyping it.
//!
//! What JSON Resume has and a [`Cv`] does not (a city split from its country, a skill group's name, a
//! certificate's issuer and date) is folded into the nearest field; what a [`Cv`] has and JSON Resume does not
//! (the original date text of a period) is rebuilt from the normalised dates. Dates stay `YYYY` or `YYYY-MM`
//! (a full `YYYY-MM-DD` coming in is cut to the month); an ongoing job has no `endDate`.

use crate::contract::{Cv, Education, Experience, LanguageSkill, PersonalInfo, Project};
use serde_json::{Map, Value, json};

fn s(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or_default()
        .to_string()
}

fn list<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    list(v, key)
        .filter_map(Value::as_str)
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

/// `2021-03-15` → `2021-03`; `2021` and `2021-03` stay.
fn month(date: &str) -> String {
    let d = date.trim();
    match d.len() {
        10 if d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' => d[..7].to_string(),
        _ => d.to_string(),
    }
}

fn period(start: &str, end: &str) -> String {
    match (start.is_empty(), end.is_empty()) {
        (true, true) => String::new(),
        (false, true) => start.to_string(),
        (true, false) => end.to_string(),
        (false, false) => format!("{start} – {end}"),
    }
}

/// Sets `key` to `value` when the value says something.
fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        map.insert(key.into(), Value::String(value.trim().to_string()));
    }
}

/// A JSON Resume document (`basics`, `work`, …) as a [`Cv`].
pub fn from_json_resume(doc: &Value) -> Cv {
    let basics = doc.get("basics").cloned().unwrap_or(Value::Null);
    let location = basics.get("location").cloned().unwrap_or(Value::Null);
    let place: Vec<String> = ["address", "city", "region", "countryCode"]
        .iter()
        .map(|k| s(&location, k))
        .filter(|x| !x.is_empty())
        .collect();
    let mut links: Vec<String> = [s(&basics, "url")]
        .into_iter()
        .chain(list(&basics, "profiles").map(|p| s(p, "url")))
        .filter(|u| !u.is_empty())
        .collect();
    links.dedup();
    let personal_info = PersonalInfo {
        name: s(&basics, "name"),
        email: s(&basics, "email"),
        phone: s(&basics, "phone"),
        location: place.join(", "),
        headline: s(&basics, "label"),
        links,
    };
    let experience = list(doc, "work")
        .chain(list(doc, "volunteer"))
        .map(|w| {
            let start = month(&s(w, "startDate"));
            let end = match month(&s(w, "endDate")) {
                e if e.is_empty() && !start.is_empty() => "present".to_string(),
                e => e,
            };
            let mut achievements = strings(w, "highlights");
            let summary = s(w, "summary");
            if !summary.is_empty() {
                achievements.insert(0, summary);
            }
            let company = match s(w, "name") {
                n if n.is_empty() => s(w, "organization"),
                n => n,
            };
            Experience {
                title: s(w, "position"),
                company,
                location: s(w, "location"),
                period: period(&start, &end),
                start,
                end,
                achievements,
            }
        })
        .collect();
    let education = list(doc, "education")
        .map(|e| {
            let start = month(&s(e, "startDate"));
            let end = month(&s(e, "endDate"));
            Education {
                degree: s(e, "studyType"),
                field: s(e, "area"),
                school: s(e, "institution"),
                years: period(&start, &end),
                start,
                end,
                grade: s(e, "score"),
            }
        })
        .collect();
    let mut skills = Vec::new();
    for group in list(doc, "skills") {
        let keywords = strings(group, "keywords");
        if keywords.is_empty() {
            skills.push(s(group, "name"));
        } else {
            skills.extend(keywords);
        }
    }
    skills.retain(|x| !x.is_empty());
    let certifications = list(doc, "certificates")
        .map(|c| {
            let issuer = s(c, "issuer");
            match issuer.is_empty() {
                true => s(c, "name"),
                false => format!("{} — {issuer}", s(c, "name")),
            }
        })
        .filter(|c| !c.is_empty())
        .collect();
    let achievements = list(doc, "awards")
        .map(|a| match (s(a, "title"), s(a, "summary")) {
            (t, x) if x.is_empty() => t,
            (t, x) if t.is_empty() => x,
            (t, x) => format!("{t}: {x}"),
        })
        .filter(|a| !a.is_empty())
        .collect();
    let languages = list(doc, "languages")
        .map(|l| LanguageSkill {
            name: s(l, "language"),
            level: s(l, "fluency"),
        })
        .filter(|l| !l.name.is_empty())
        .collect();
    let projects = list(doc, "projects")
        .map(|p| {
            let mut description = s(p, "description");
            let highlights = strings(p, "highlights");
            if !highlights.is_empty() {
                let joined = highlights.join("; ");
                description = match description.is_empty() {
                    true => joined,
                    false => format!("{description} {joined}"),
                };
            }
            Project {
                title: s(p, "name"),
                description,
                link: s(p, "url"),
            }
        })
        .filter(|p| !p.title.is_empty() || !p.description.is_empty())
        .collect();
    Cv {
        personal_info,
        summary: s(&basics, "summary"),
        experience,
        education,
        skills,
        achievements,
        certifications,
        languages,
        projects,
    }
}

/// A [`Cv`] as a JSON Resume document.
pub fn to_json_resume(cv: &Cv) -> Value {
    let p = &cv.personal_info;
    let mut basics = Map::new();
    put(&mut basics, "name", &p.name);
    put(&mut basics, "label", &p.headline);
    put(&mut basics, "email", &p.email);
    put(&mut basics, "phone", &p.phone);
    put(&mut basics, "summary", &cv.summary);
    if let Some(first) = p.links.first() {
        put(&mut basics, "url", first);
    }
    if !p.location.trim().is_empty() {
        basics.insert("location".into(), json!({ "address": p.location.trim() }));
    }
    let profiles: Vec<Value> = p
        .links
        .iter()
        .skip(1)
        .map(|u| json!({ "url": u }))
        .collect();
    if !profiles.is_empty() {
        basics.insert("profiles".into(), Value::Array(profiles));
    }
    let work: Vec<Value> = cv
        .experience
        .iter()
        .map(|e| {
            let mut w = Map::new();
            put(&mut w, "name", &e.company);
            put(&mut w, "position", &e.title);
            put(&mut w, "location", &e.location);
            put(&mut w, "startDate", &e.start);
            if e.end != "present" {
                put(&mut w, "endDate", &e.end);
            }
            if !e.achievements.is_empty() {
                w.insert("highlights".into(), json!(e.achievements));
            }
            Value::Object(w)
        })
        .collect();
    let education: Vec<Value> = cv
        .education
        .iter()
        .map(|e| {
            let mut m = Map::new();
            put(&mut m, "institution", &e.school);
            put(&mut m, "area", &e.field);
            put(&mut m, "studyType", &e.degree);
            put(&mut m, "startDate", &e.start);
            put(&mut m, "endDate", &e.end);
            put(&mut m, "score", &e.grade);
            Value::Object(m)
        })
        .collect();
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        json!("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"),
    );
    doc.insert("basics".into(), Value::Object(basics));
    doc.insert("work".into(), Value::Array(work));
    doc.insert("education".into(), Value::Array(education));
    doc.insert(
        "skills".into(),
        Value::Array(cv.skills.iter().map(|x| json!({ "name": x })).collect()),
    );
    doc.insert(
        "languages".into(),
        Value::Array(
            cv.languages
                .iter()
                .map(|l| {
                    let mut m = Map::new();
                    put(&mut m, "language", &l.name);
                    put(&mut m, "fluency", &l.level);
                    Value::Object(m)
                })
                .collect(),
        ),
    );
    doc.insert(
        "certificates".into(),
        Value::Array(
            cv.certifications
                .iter()
                .map(|c| json!({ "name": c }))
                .collect(),
        ),
    );
    doc.insert(
        "awards".into(),
        Value::Array(
            cv.achievements
                .iter()
                .map(|a| json!({ "title": a }))
                .collect(),
        ),
    );
    doc.insert(
        "projects".into(),
        Value::Array(
            cv.projects
                .iter()
                .map(|p| {
                    let mut m = Map::new();
                    put(&mut m, "name", &p.title);
                    put(&mut m, "description", &p.description);
                    put(&mut m, "url", &p.link);
                    Value::Object(m)
                })
                .collect(),
        ),
    );
    Value::Object(doc)
}

/// Whether a JSON document looks like JSON Resume (it has `basics`, or `work` with `position`s).
pub fn is_json_resume(doc: &Value) -> bool {
    doc.get("basics").is_some_and(Value::is_object)
        || list(doc, "work").any(|w| w.get("position").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Value {
        json!({
            "basics": {
                "name": "Salma Nasser", "label": "Accountant", "email": "salma@mailbox.test",
                "phone": "+20 100 555 7788", "url": "https://salma.test",
                "summary": "Six years in audit.",
                "location": {"city": "Alexandria", "countryCode": "EG"},
                "profiles": [{"network": "LinkedIn", "url": "https://linkedin.com/in/salma"}]
            },
            "work": [
                {"name": "Fawry", "position": "Senior Accountant", "startDate": "2021-03-01",
                 "highlights": ["Cut the close from 10 to 6 days"]},
                {"name": "EY", "position": "Auditor", "startDate": "2017-09", "endDate": "2021-02"}
            ],
            "education": [{"institution": "Alexandria University", "area": "Accounting",
                           "studyType": "BCom", "startDate": "2012", "endDate": "2016", "score": "Very Good"}],
            "skills": [{"name": "Finance", "keywords": ["IFRS", "SAP"]}, {"name": "Excel"}],
            "languages": [{"language": "Arabic", "fluency": "Native"}],
            "certificates": [{"name": "CPA", "issuer": "AICPA", "date": "2020-05-01"}],
            "awards": [{"title": "Employee of the year", "summary": "2022"}],
            "projects": [{"name": "Close automation", "description": "Power BI", "url": "https://x.test"}]
        })
    }

    #[test]
    fn a_json_resume_becomes_a_cv() {
        let cv = from_json_resume(&sample());
        assert_eq!(cv.personal_info.name, "Salma Nasser");
        assert_eq!(cv.personal_info.headline, "Accountant");
        assert_eq!(cv.personal_info.location, "Alexandria, EG");
        assert_eq!(
            cv.personal_info.links,
            ["https://salma.test", "https://linkedin.com/in/salma"]
        );
        assert_eq!(cv.experience[0].start, "2021-03");
        assert_eq!(cv.experience[0].end, "present");
        assert_eq!(cv.experience[0].period, "2021-03 – present");
        assert_eq!(cv.experience[1].end, "2021-02");
        assert_eq!(
            cv.experience[0].achievements,
            ["Cut the close from 10 to 6 days"]
        );
        assert_eq!(cv.education[0].degree, "BCom");
        assert_eq!(cv.education[0].grade, "Very Good");
        assert_eq!(cv.skills, ["IFRS", "SAP", "Excel"]);
        assert_eq!(cv.certifications, ["CPA — AICPA"]);
        assert_eq!(cv.achievements, ["Employee of the year: 2022"]);
        assert_eq!(cv.languages[0].level, "Native");
        assert_eq!(cv.projects[0].link, "https://x.test");
    }

    #[test]
    fn a_cv_goes_out_and_comes_back_the_same() {
        let cv = from_json_resume(&sample());
        let out = to_json_resume(&cv);
        assert!(is_json_resume(&out));
        assert!(
            out["work"][0].get("endDate").is_none(),
            "ongoing: no end date"
        );
        let back = from_json_resume(&out);
        assert_eq!(back.personal_info.name, cv.personal_info.name);
        assert_eq!(back.personal_info.email, cv.personal_info.email);
        assert_eq!(back.personal_info.links, cv.personal_info.links);
        assert_eq!(back.personal_info.location, cv.personal_info.location);
        assert_eq!(back.experience, cv.experience);
        assert_eq!(back.education, cv.education);
        assert_eq!(back.skills, cv.skills);
        assert_eq!(back.languages, cv.languages);
        assert_eq!(back.certifications, cv.certifications);
        assert_eq!(back.achievements, cv.achievements);
        assert_eq!(back.projects, cv.projects);
        assert_eq!(back.summary, cv.summary);
    }

    #[test]
    fn our_own_structured_data_is_not_taken_for_json_resume() {
        assert!(!is_json_resume(
            &json!({"personal_info": {"name": "x"}, "experience": []})
        ));
        assert!(is_json_resume(&json!({"basics": {}})));
    }
}
