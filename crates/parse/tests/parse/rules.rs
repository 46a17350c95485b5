//! The parser's general rules on small made-up CVs: headings in English and Arabic, date formats,
//! title/company orders, layouts without headings, two-column leftovers, languages with levels.

use jobgate_core::{Document, Line};
use jobgate_parse::{Section, parse, sections};

fn doc(text: &str) -> Document {
    Document::from_text(text)
}

#[test]
fn english_cv_with_title_at_company_and_bullets() {
    let cv = parse(&doc("Jane Doe
Data Analyst
London, United Kingdom | jane.doe@example.com | +44 20 7946 0958
linkedin.com/in/janedoe
PROFESSIONAL SUMMARY
Analyst with five years of experience in retail pricing.
WORK EXPERIENCE
Senior Data Analyst at Northwind Traders
March 2021 - Present
• Built a pricing model that raised margin by 3%
• Led a team of 4 analysts
Data Analyst at Contoso Ltd
06/2018 – 02/2021
• Automated weekly reports in Python
EDUCATION
BSc in Mathematics, University of Leeds
2014 - 2017
SKILLS
Python, SQL · Tableau | Excel
LANGUAGES
English (Native), French – B2
"))
    .cv;
    let p = &cv.personal_info;
    assert_eq!(p.name, "Jane Doe");
    assert_eq!(p.headline, "Data Analyst");
    assert_eq!(p.email, "jane.doe@example.com");
    assert_eq!(p.phone, "+44 20 7946 0958");
    assert_eq!(p.location, "London, United Kingdom");
    assert_eq!(p.links, vec!["linkedin.com/in/janedoe".to_string()]);
    assert_eq!(
        cv.summary,
        "Analyst with five years of experience in retail pricing."
    );
    assert_eq!(cv.experience.len(), 2, "{:#?}", cv.experience);
    let e = &cv.experience[0];
    assert_eq!(
        (e.title.as_str(), e.company.as_str()),
        ("Senior Data Analyst", "Northwind Traders")
    );
    assert_eq!((e.start.as_str(), e.end.as_str()), ("2021-03", "present"));
    assert_eq!(e.period, "March 2021 - Present");
    assert_eq!(e.achievements.len(), 2);
    let e = &cv.experience[1];
    assert_eq!(
        (e.title.as_str(), e.company.as_str()),
        ("Data Analyst", "Contoso Ltd")
    );
    assert_eq!((e.start.as_str(), e.end.as_str()), ("2018-06", "2021-02"));
    assert_eq!(cv.education.len(), 1);
    let ed = &cv.education[0];
    assert_eq!(ed.school, "University of Leeds");
    assert_eq!(
        (ed.degree.as_str(), ed.field.as_str()),
        ("BSc", "Mathematics")
    );
    assert_eq!((ed.start.as_str(), ed.end.as_str()), ("2014", "2017"));
    assert_eq!(cv.skills, vec!["Python", "SQL", "Tableau", "Excel"]);
    let langs: Vec<(&str, &str)> = cv
        .languages
        .iter()
        .map(|l| (l.name.as_str(), l.level.as_str()))
        .collect();
    assert_eq!(langs, vec![("English", "Native"), ("French", "B2")]);
}

#[test]
fn arabic_cv_with_arabic_headings_and_dates() {
    let cv = parse(&doc("سارة أحمد العتيبي
مهندسة برمجيات
الرياض، السعودية
sara@example.sa
0551234567
الملخص
مهندسة برمجيات بخبرة خمس سنوات في تطوير تطبيقات الويب.
الخبرات المهنية
مهندسة برمجيات أولى في شركة الحلول الرقمية
يناير ٢٠٢٠ - حتى الآن
قيادة فريق من 5 مطورين لبناء بوابة الدفع
مطورة ويب
شركة الأفق للتقنية
2017 - 2019
تطوير واجهات المستخدم باستخدام React
المؤهلات العلمية
بكالوريوس علوم الحاسب
جامعة الملك سعود
2012 - 2016
المهارات
جافا، بايثون، إدارة المشاريع
اللغات
العربية: اللغة الأم
الإنجليزية: جيد جدا
"))
    .cv;
    assert_eq!(cv.personal_info.name, "سارة أحمد العتيبي");
    assert_eq!(cv.personal_info.phone, "0551234567");
    assert_eq!(cv.personal_info.location, "الرياض، السعودية");
    assert!(cv.summary.starts_with("مهندسة برمجيات بخبرة"));
    assert_eq!(cv.experience.len(), 2, "{:#?}", cv.experience);
    let e = &cv.experience[0];
    assert_eq!(e.title, "مهندسة برمجيات أولى");
    assert_eq!(e.company, "شركة الحلول الرقمية");
    assert_eq!((e.start.as_str(), e.end.as_str()), ("2020-01", "present"));
    let e = &cv.experience[1];
    assert_eq!(
        (e.title.as_str(), e.company.as_str()),
        ("مطورة ويب", "شركة الأفق للتقنية")
    );
    assert_eq!((e.start.as_str(), e.end.as_str()), ("2017", "2019"));
    assert_eq!(cv.education.len(), 1);
    assert_eq!(cv.education[0].school, "جامعة الملك سعود");
    assert_eq!(cv.education[0].degree, "بكالوريوس علوم الحاسب");
    assert_eq!(cv.skills, vec!["جافا", "بايثون", "إدارة المشاريع"]);
    let langs: Vec<(&str, &str)> = cv
        .languages
        .iter()
        .map(|l| (l.name.as_str(), l.level.as_str()))
        .collect();
    assert_eq!(
        langs,
        vec![("العربية", "اللغة الأم"), ("الإنجليزية", "جيد جدا")]
    );
}

#[test]
fn date_first_layout_and_company_before_title() {
    // Date, then title, then company.
    let cv = parse(&doc("Experience
Jan 2019 - Current
Accounting Manager
Great Lakes Manufacturing Inc.
Closed the books in 5 days instead of 12
Aug 2015 - Dec 2018
Senior Auditor
Baker Tilly
Led audits of 20 clients
"))
    .cv;
    assert_eq!(cv.experience.len(), 2, "{:#?}", cv.experience);
    assert_eq!(cv.experience[0].title, "Accounting Manager");
    assert_eq!(cv.experience[0].company, "Great Lakes Manufacturing Inc.");
    assert_eq!(cv.experience[1].title, "Senior Auditor");
    assert_eq!(cv.experience[1].start, "2015-08");

    // Company with its dates on one line, the title below.
    let cv = parse(&doc("Work
Northwind Holdings 2018-02 — 2021-05
Project Engineer
Designed reinforced concrete decks for 4 bridges
"))
    .cv;
    let e = &cv.experience[0];
    assert_eq!(
        (e.title.as_str(), e.company.as_str()),
        ("Project Engineer", "Northwind Holdings")
    );
    assert_eq!((e.start.as_str(), e.end.as_str()), ("2018-02", "2021-05"));
}

#[test]
fn title_comma_company_and_pipe_orders() {
    let cv = parse(&doc("Experience
Staff Nurse, Acute Medicine, Riverside Hospital
Sep, 2017 - Mar, 2020
Administered medication for up to 8 patients per shift
Acme Corporation | Backend Developer
2015 - 2017
Wrote the billing service in Go
"))
    .cv;
    assert_eq!(cv.experience.len(), 2, "{:#?}", cv.experience);
    assert_eq!(cv.experience[0].title, "Staff Nurse, Acute Medicine");
    assert_eq!(cv.experience[0].company, "Riverside Hospital");
    assert_eq!(cv.experience[0].end, "2020-03");
    assert_eq!(cv.experience[1].title, "Backend Developer");
    assert_eq!(cv.experience[1].company, "Acme Corporation");
}

#[test]
fn no_headings_still_gives_contact_and_entries() {
    let parsed = parse(&doc("Ahmed Saleh
ahmed.saleh@example.org
+966 50 123 4567
Software Engineer at Gulf Systems
2019 - Present
Developed payment APIs used by 2 million customers
Bachelor of Computer Science, Cairo University
2013 - 2017
"));
    let cv = parsed.cv;
    assert_eq!(cv.personal_info.name, "Ahmed Saleh");
    assert_eq!(cv.personal_info.email, "ahmed.saleh@example.org");
    assert_eq!(cv.personal_info.phone, "+966 50 123 4567");
    assert_eq!(cv.experience.len(), 1, "{:#?}", cv.experience);
    assert_eq!(cv.experience[0].company, "Gulf Systems");
    assert_eq!(cv.experience[0].end, "present");
    assert_eq!(cv.education.len(), 1, "{:#?}", cv.education);
    assert_eq!(cv.education[0].school, "Cairo University");
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.code == "NO_SECTION_HEADINGS")
    );
}

#[test]
fn without_headings_a_teacher_at_a_school_is_a_job_and_a_degree_is_a_study() {
    // Headings lost (a black-and-white scan of light-grey headings): schools employ teachers.
    let cv = parse(&doc("Maryam Haddad
maryam.haddad@example.org
Riverside Academy
2019-09 - Present
Head of Science
Raised GCSE science pass rate from 48% to 66%
Hilltop School
2014-09 - 2019-08
Chemistry Teacher
BSc Chemistry, University of Leeds
2010 - 2013
"))
    .cv;
    let companies: Vec<&str> = cv.experience.iter().map(|e| e.company.as_str()).collect();
    assert_eq!(
        companies,
        ["Riverside Academy", "Hilltop School"],
        "{:#?}",
        cv
    );
    assert_eq!(cv.experience[1].title, "Chemistry Teacher");
    assert_eq!(cv.education.len(), 1, "{:#?}", cv.education);
    assert_eq!(cv.education[0].school, "University of Leeds");
}

#[test]
fn letter_spaced_counted_and_colon_headings() {
    let d = doc("Name Surname
S U M M A RY
Short text here about me and my career goals.
Work Experience(2)
Skills: Python, Docker
الخبرة العملية:
E D U C AT I O N
");
    let kinds: Vec<Section> = sections(&d).iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        vec![
            Section::Header,
            Section::Summary,
            Section::Experience,
            Section::Skills,
            Section::Experience,
            Section::Education
        ]
    );
    let s = sections(&d);
    assert_eq!(s[1].heading, Some(1));
    assert_eq!(s[1].lines, 2..3);
    assert_eq!(parse(&d).cv.skills, vec!["Python", "Docker"]);
}

#[test]
fn languages_group_inside_skills_is_not_the_languages_section() {
    let cv = parse(&doc("Skills
Languages
Go
Python
Infrastructure
Kubernetes
Languages
Arabic
Native speaker
English
Fluent
"))
    .cv;
    assert!(cv.skills.contains(&"Go".to_string()), "{:?}", cv.skills);
    assert!(cv.skills.contains(&"Kubernetes".to_string()));
    let langs: Vec<(&str, &str)> = cv
        .languages
        .iter()
        .map(|l| (l.name.as_str(), l.level.as_str()))
        .collect();
    assert_eq!(
        langs,
        vec![("Arabic", "Native speaker"), ("English", "Fluent")]
    );
}

#[test]
fn grid_languages_names_then_levels() {
    let cv = parse(&doc(
        "Languages\nEnglish\nSpanish\nNative\nConversational\n",
    ))
    .cv;
    let langs: Vec<(&str, &str)> = cv
        .languages
        .iter()
        .map(|l| (l.name.as_str(), l.level.as_str()))
        .collect();
    assert_eq!(
        langs,
        vec![("English", "Native"), ("Spanish", "Conversational")]
    );
}

#[test]
fn two_column_leftover_dates_fill_entries_without_dates() {
    let cv = parse(&doc("Education
University of Manchester
Adult Nursing
BSc (Hons)
Languages
English
Native
2014-09 — 2017-07
"))
    .cv;
    assert_eq!(cv.education.len(), 1, "{:#?}", cv.education);
    let ed = &cv.education[0];
    assert_eq!(ed.school, "University of Manchester");
    assert_eq!((ed.start.as_str(), ed.end.as_str()), ("2014-09", "2017-07"));
    assert_eq!(cv.languages.len(), 1);
}

#[test]
fn navigation_menu_is_not_sections_and_layout_hints_are_used() {
    let mut d = doc(
        "About\nWork Experience\nSkills\nEducation\nMaria Lopez\nmaria@example.com\nKEY PROJECTS AND WORK\nBilling revamp\n",
    );
    // A DOCX heading style on a line that is not in the lexicon word for word.
    d.lines[6] = Line {
        heading_hint: true,
        ..Line::plain("My Projects")
    };
    let cv = parse(&d).cv;
    assert_eq!(cv.personal_info.name, "Maria Lopez");
    assert_eq!(cv.personal_info.email, "maria@example.com");
    assert_eq!(cv.projects.len(), 1);
    assert_eq!(cv.projects[0].title, "Billing revamp");
    assert!(cv.certifications.is_empty());
}

#[test]
fn certificates_keep_names_not_issuers_or_dates() {
    let cv = parse(&doc("Certificates
Certified Kubernetes Administrator
Issued by The Linux Foundation
May 2022
AWS Certified Developer - Associate, Amazon Web Services
Issued on: Jul 01, 2021
"))
    .cv;
    assert_eq!(
        cv.certifications,
        vec![
            "Certified Kubernetes Administrator".to_string(),
            // The issuer after the comma is not part of the name (issue 18).
            "AWS Certified Developer - Associate".to_string()
        ]
    );
}

#[test]
fn reversed_rtl_phone_and_wrapped_bullets() {
    let cv = parse(&doc("أحمد خالد الزعبي
ممرض قانوني
7788 555 100 20+
Experience
Nurse at City Hospital
2019 - 2021
Cut payment API p95 latency from 480 ms to 120 ms by introducing Redis
caching for every request
"))
    .cv;
    assert_eq!(cv.personal_info.phone, "+20 100 555 7788");
    assert_eq!(
        cv.experience[0].achievements,
        vec!["Cut payment API p95 latency from 480 ms to 120 ms by introducing Redis caching for every request".to_string()]
    );
}

#[test]
fn empty_and_garbage_input_never_panics() {
    assert!(parse(&Document::default()).cv.is_empty());
    let cv = parse(&doc("•\n—\n2019\n@@@\n(((\nPresent\n")).cv;
    assert!(cv.experience.is_empty());
}

/// moderncv and similar: the period in a narrow left column, wrapped there, beside a long title line.
#[test]
fn periods_in_a_date_column_wrapped_beside_long_entries() {
    let cv = parse(&doc("Hannah Becker
+44 7700 900456Manchester, GB
hannah.becker@ledgerworks.test
Work History
Sep 2021 – Finance Systems Lead, Northwind Logistics
Present
• Led the ERP rollout for 6 subsidiaries
Education
Sep 2014 – Bachelor of Science Accounting and Finance, University of Leeds
Jun 2017
Skills
Languages Go, Python
"))
    .cv;
    assert_eq!(cv.personal_info.location, "Manchester, GB");
    assert_eq!(cv.personal_info.phone, "+44 7700 900456");
    assert_eq!(cv.experience.len(), 1, "{:?}", cv.experience);
    assert_eq!(
        (
            cv.experience[0].start.as_str(),
            cv.experience[0].end.as_str()
        ),
        ("2021-09", "present")
    );
    assert_eq!(cv.education.len(), 1, "{:?}", cv.education);
    assert_eq!(cv.education[0].school, "University of Leeds");
    assert_eq!(
        (cv.education[0].start.as_str(), cv.education[0].end.as_str()),
        ("2014-09", "2017-06")
    );
    assert_eq!(cv.skills, ["Go", "Python"]);
}

/// Bilingual CVs: headings in both languages on one line, the name in both scripts.
#[test]
fn a_bilingual_cv_with_headings_in_both_languages() {
    let cv = parse(&doc("سلمى ناصر (Salma Nasser)
salma.nasser@datawise.test | +971 50 234 7788
الخبرات المهنية | Work History
Senior Data Analyst, Noon Retail
Apr 2021 – Present
• Built 14 Power BI dashboards
التعليم | Education
Bachelor of Science Statistics, American University of Sharjah
2014 – 2018
الشهادات | Certifications
• Project Management Professional, PMI (2021)
"))
    .cv;
    assert_eq!(cv.personal_info.name, "سلمى ناصر (Salma Nasser)");
    assert_eq!(cv.experience.len(), 1, "{:?}", cv.experience);
    assert_eq!(cv.experience[0].company, "Noon Retail");
    assert_eq!(cv.education.len(), 1, "{:?}", cv.education);
    assert_eq!(cv.certifications, ["Project Management Professional"]);
}

/// Right-to-left layouts may give a period end first; a side bar may break an address at a hyphen.
#[test]
fn a_reversed_period_and_an_address_broken_at_a_hyphen() {
    let cv = parse(&doc("عمر حداد
البريد: omar.haddad@consult-
eg.test
الخبرات المهنية
أخصائي إدارة علاقات العملاء، شركة إي فاينانس
2020-01 – 2016-10
"))
    .cv;
    assert_eq!(cv.personal_info.email, "omar.haddad@consult-eg.test");
    assert_eq!(cv.experience.len(), 1, "{:?}", cv.experience);
    assert_eq!(
        (
            cv.experience[0].start.as_str(),
            cv.experience[0].end.as_str()
        ),
        ("2016-10", "2020-01")
    );
}

#[test]
fn a_linkedin_marker_after_an_email_is_not_part_of_it() {
    // CV generators draw LinkedIn's "in" badge as text right after the email, with or without a space.
    for line in [
        "Jane Doe\njane.doe@example.test in linkedin.com/in/janedoe\nSKILLS\nPython",
        "Jane Doe\njane.doe@example.test in\nlinkedin.com/in/janedoe\nSKILLS\nPython",
        "Jane Doe\njane.doe@example.testin linkedin.com/in/janedoe\nSKILLS\nPython",
        "Jane Doe\njane.doe@example.comin\nSKILLS\nPython",
    ] {
        let cv = parse(&doc(line)).cv;
        let email = &cv.personal_info.email;
        assert!(
            email == "jane.doe@example.test" || email == "jane.doe@example.com",
            "{line:?} gave {email:?}"
        );
    }
}
