//! Merging the model's validated answer into the rule result, field by field.
//!
//! The model's value wins where it gave a valid, non-empty one (it reads layouts the rules miss); elsewhere the
//! rule value stays. Contact details the rules found are only replaced by a well-formed value that appears in
//! the CV ([`crate::answer`] checks that). Skills and links are merged as a union, so none the rules found is lost.

use crate::answer::AiAnswer;
use jobgate_core::Cv;
use jobgate_core::text::fold;
use std::collections::HashSet;

/// The rule result improved by the model's answer.
pub fn merge(rules: &Cv, ai: &AiAnswer) -> Cv {
    let mut cv = rules.clone();
    let pi = &mut cv.personal_info;
    let take = |slot: &mut String, value: &Option<String>| {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            *slot = v.to_string();
        }
    };
    take(&mut pi.name, &ai.name);
    take(&mut pi.email, &ai.email);
    take(&mut pi.phone, &ai.phone);
    take(&mut pi.location, &ai.location);
    take(&mut pi.headline, &ai.headline);
    pi.links = union(&rules.personal_info.links, &ai.links);
    take(&mut cv.summary, &ai.summary);
    replace_if_given(&mut cv.experience, &ai.experience);
    replace_if_given(&mut cv.education, &ai.education);
    cv.skills = union(&ai.skills, &rules.skills);
    replace_if_given(&mut cv.achievements, &ai.achievements);
    replace_if_given(&mut cv.certifications, &ai.certifications);
    replace_if_given(&mut cv.languages, &ai.languages);
    replace_if_given(&mut cv.projects, &ai.projects);
    cv
}

fn replace_if_given<T: Clone>(slot: &mut Vec<T>, value: &[T]) {
    if !value.is_empty() {
        *slot = value.to_vec();
    }
}

/// `first`, then the items of `second` not already there (compared folded: case, accents, digits).
fn union(first: &[String], second: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    first
        .iter()
        .chain(second)
        .filter(|s| seen.insert(fold(s)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobgate_core::Experience;

    fn rules() -> Cv {
        let mut cv = Cv::default();
        cv.personal_info.name = "SARA ALI".into();
        cv.personal_info.email = "sara@example.com".into();
        cv.personal_info.phone = "+966 50 123 4567".into();
        cv.skills = vec!["Python".into(), "SQL".into()];
        cv.experience = vec![Experience {
            title: "Analyst".into(),
            ..Experience::default()
        }];
        cv
    }

    #[test]
    fn missing_ai_fields_keep_the_rule_values() {
        let ai = AiAnswer {
            summary: Some("Data analyst.".into()),
            ..AiAnswer::default()
        };
        let cv = merge(&rules(), &ai);
        assert_eq!(cv.personal_info.email, "sara@example.com");
        assert_eq!(cv.personal_info.phone, "+966 50 123 4567");
        assert_eq!(cv.experience.len(), 1);
        assert_eq!(cv.summary, "Data analyst.");
    }

    #[test]
    fn skills_are_a_union_without_duplicates() {
        let ai = AiAnswer {
            skills: vec!["python".into(), "Power BI".into()],
            ..AiAnswer::default()
        };
        assert_eq!(merge(&rules(), &ai).skills, ["python", "Power BI", "SQL"]);
    }

    #[test]
    fn given_values_replace_rule_values() {
        let ai = AiAnswer {
            name: Some("Sara Ali".into()),
            experience: vec![
                Experience {
                    title: "Senior analyst".into(),
                    ..Experience::default()
                },
                Experience {
                    title: "Analyst".into(),
                    ..Experience::default()
                },
            ],
            ..AiAnswer::default()
        };
        let cv = merge(&rules(), &ai);
        assert_eq!(cv.personal_info.name, "Sara Ali");
        assert_eq!(cv.experience.len(), 2);
    }
}
