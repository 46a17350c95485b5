# ATS score (DESIGN §3): check names, what each check found, and what to do about it.
# Counts select with PLURAL($count). Quotations from the CV go through ats-quote.

ats-check-contact = Contact information
ats-check-experience = Work experience
ats-check-education = Education
ats-check-skills = Skills
ats-check-achievements = Achievements with results
ats-check-formatting = Formatting and structure
ats-check-job-match = Match with the job
ats-check-other = This check
# An analysis stored before its messages were kept as codes, shown in the other language.
ats-check-stored = { $check }: { $points } of { $max } points. The details were saved in the language of that analysis.
ats-check-stored-fix = Analyse the file again to read what to do in this language.

# Two messages one after the other (a fix, then a hint).
ats-two-sentences = { $first } { $second }
ats-quote = “{ $text }”
ats-entry-at = { $title } at { $company }

## Contact information
ats-field-name = name
ats-field-email = email
ats-field-phone = phone
ats-field-location = location
ats-contact-item = { $field } ({ $value })
ats-contact-complete = All contact details found: { $found }.
ats-contact-partial = Found { $found }; missing: { $missing }.
ats-contact-none = No contact details found: no name, email, phone or location.
ats-fix-contact-name = Put your full name alone on the first line of the CV.
ats-fix-contact-email = Add a professional email address under your name, e.g. firstname.lastname@gmail.com.
ats-fix-contact-email-invalid = Check your email address: { $email } is not complete (it should look like name@domain.com).
ats-fix-contact-phone = Add a phone number with the country code, e.g. +966 50 123 4567.
ats-fix-contact-phone-invalid = Check your phone number: { $phone } has only { PLURAL($count) ->
    [one] one digit
   *[other] { $count } digits
}; write it in full with the country code.
ats-fix-contact-location = Add your city and country (e.g. Riyadh, Saudi Arabia): recruiters often filter candidates by location.

## Work experience
ats-experience-none = No work experience found.
ats-experience-none-projects = No work experience found; { PLURAL($count) ->
    [one] one project is
   *[other] { $count } projects are
} listed instead.
ats-experience-complete = { PLURAL($count) ->
    [one] One job found, with title, company and dates: { $first }.
   *[other] { $count } jobs found, all with title, company and dates (latest: { $first }).
}
ats-experience-partial = { PLURAL($count) ->
    [one] One job found, but its title, company or dates are missing.
   *[other] { $count } jobs found; only { $complete } of them have title, company and dates.
}
ats-fix-experience-none = Add a “Work Experience” section: for each job, the title, company, dates (e.g. Mar 2021 – Present) and 2–4 results. Internships, volunteering and freelance work count too.
ats-fix-experience-title = Add the job title to { PLURAL($count) ->
    [one] this job
   *[other] these { $count } jobs
}: { $entries }.
ats-fix-experience-company = Add the company name to { PLURAL($count) ->
    [one] this job
   *[other] these { $count } jobs
}: { $entries }.
ats-fix-experience-dates = Add start and end dates (month and year, e.g. Mar 2021 – Present) to { PLURAL($count) ->
    [one] this job
   *[other] these { $count } jobs
}: { $entries }.

## Education
ats-education-none = No education found.
ats-education-none-certs = No education section found; { PLURAL($count) ->
    [one] one certification is
   *[other] { $count } certifications are
} listed.
ats-education-complete = { PLURAL($count) ->
    [one] One education entry, with degree, school and years: { $first }.
   *[other] { $count } education entries, all with degree, school and years (first: { $first }).
}
ats-education-partial = { PLURAL($count) ->
    [one] One education entry, but its degree, school or years are missing.
   *[other] { $count } education entries; only { $complete } of them have degree, school and years.
}
ats-fix-education-none = Add an “Education” section with your degree, school and years, e.g. BSc Computer Science, Cairo University, 2015 – 2019.
ats-fix-education-degree = Name the degree or field of study for { PLURAL($count) ->
    [one] this entry
   *[other] these { $count } entries
}: { $entries }.
ats-fix-education-school = Add the school or university to { PLURAL($count) ->
    [one] this entry
   *[other] these { $count } entries
}: { $entries }.
ats-fix-education-dates = Add the years of study (e.g. 2015 – 2019) to { PLURAL($count) ->
    [one] this entry
   *[other] these { $count } entries
}: { $entries }.

## Skills
ats-skills-none = No skills list found.
ats-skills-found = { PLURAL($count) ->
    [one] One skill listed: { $examples }.
   *[other] { $count } skills listed, e.g. { $examples }.
}
ats-fix-skills-none = Add a “Skills” section listing 8–15 tools and methods as short keywords, e.g. Excel, Project Management, SQL.
ats-fix-skills-more = List at least { $target } skills; you have { PLURAL($count) ->
    [one] only one
   *[other] only { $count }
}. Add the tools, software and methods you use at work.
ats-fix-skills-from-text = Your experience already mentions some that are not in your list: { $skills }.
ats-fix-skills-long = Write skills as short keywords (1–3 words): { PLURAL($count) ->
    [one] one item reads
   *[other] { $count } items read
} like a sentence, e.g. { $example }.

## Achievements
ats-achievements-none = { PLURAL($count) ->
    [zero] No achievement bullets found.
    [one] No achievement bullets found under your job.
   *[other] No achievement bullets found under your { $count } jobs.
}
ats-achievements-found = { PLURAL($count) ->
    [one] One achievement bullet; { $quantified } of 1 with a number or measurable result.
   *[other] { $quantified } of { $count } achievement bullets have a number or measurable result.
}
ats-fix-achievements-none = Under each job, add 2–4 bullets that start with a verb and end with a result, e.g. “Reduced delivery time by 20%”.
ats-fix-achievements-more = Add more achievement bullets: you have { $count }; aim for at least { $target }, 2–4 per job.
ats-fix-achievements-jobs = Add 2–4 result bullets under { PLURAL($count) ->
    [one] this job
   *[other] these { $count } jobs
}: { $entries }.
ats-fix-achievements-quantify = { $plain } of your { $total } bullets have no number. Add a figure (a %, an amount, a team size, time saved) to at least { PLURAL($count) ->
    [one] one of them
   *[other] { $count } of them
}, e.g. “reduced costs by 15%”; start with { $example }.

## Formatting and structure
ats-format-summary = { $headings }; { $length }; { $dates }; { $text }; { $contact }.
ats-format-headings-none = No clear section headings
ats-format-headings = { PLURAL($count) ->
    [one] One section heading ({ $list })
   *[other] { $count } section headings ({ $list })
}
ats-pages = { PLURAL($count) ->
    [one] one page
   *[other] { $count } pages
}
ats-format-length = { PLURAL($count) ->
    [one] one word on { $pages }
   *[other] { $count } words on { $pages }
}
ats-format-dates-consistent = dates written one way
ats-format-dates-mixed = dates written in { $count } different ways
ats-format-dates-none = no dates
ats-format-text-ok = all text readable
ats-format-text-none = no readable text
ats-format-text-problems = { PLURAL($count) ->
    [one] one part could not be read as text
   *[other] { $count } parts could not be read as text
}
ats-format-contact-body = email and phone in the body text
ats-format-contact-hidden = email and phone not in the body text (only in a header, footer or image?)
ats-format-contact-none = no email or phone in the text
ats-date-style-month-name = month names (Mar 2021)
ats-date-style-numeric = numbers (03/2021)
ats-date-style-year = years only (2021)
ats-fix-format-headings = Give each section a standard heading on its own line — Summary, Experience, Education, Skills — so the ATS can tell the sections apart.
ats-fix-format-headings-rename = Use standard section headings an ATS recognises: rename { PLURAL($count) ->
    [one] the heading
   *[other] the headings
} { $headings } to one of Summary, Experience, Education, Skills, Certifications, Languages, Projects.
ats-fix-format-dates = Write every date the same way, e.g. “Mar 2021 – Present” everywhere; now you mix { $styles }.
ats-fix-format-no-dates = Add dates to your jobs and studies, all in one format, e.g. Mar 2021 – Present.
ats-fix-format-no-text = Save your CV from Word or Google Docs as a text PDF or DOCX: no text could be read from it.
ats-fix-format-text = Make all content real, selectable text, not images or text boxes ({ $problems }).
ats-fix-format-short = Your CV has only { PLURAL($count) ->
    [one] one word
   *[other] { $count } words
}: describe each job with 2–4 results and add a short summary; aim for 300–800 words.
ats-fix-format-long = Shorten your CV to 1–2 pages: it has { $count } words on { PLURAL($pages) ->
    [one] one page
   *[other] { $pages } pages
}. Keep the last 10 years and the results that matter for the job you want.
ats-fix-format-contact = Write your email and phone as plain text at the top of the page body, not only in the header, footer or an image: many ATS skip those.
