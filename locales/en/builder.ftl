# builder messages (en). One question per state (DESIGN §8 names); re-asks say what was wrong.

builder-welcome = Hello! Let's build your CV together, one question at a time. Type /skip to skip a question, /back to go back, /edit SECTION to change a part, /review to see your CV, /done to finish.
builder-welcome-improve = Let's improve your CV. I will only ask about what is missing or weak.
# A line of the review made only of the CV's own words or of other messages (a list).
builder-as-written = { $text }
builder-resumed = Welcome back! Let's carry on where you left off.

builder-q-name = What is your full name?
builder-q-email = What is your email address?
builder-q-phone = What is your phone number (with the country code, e.g. +44 20 7946 0958)?
builder-q-location = Where are you based (city and country)?
builder-q-headline = What is your professional headline (e.g. "Senior Accountant" or "Software Engineer")?
builder-q-summary = Write two or three sentences about yourself: your experience, your strengths and what you are looking for.
builder-q-experience-title = What is the job title of your most recent job? (/skip if you have no work experience yet)
builder-q-experience-title-next = What was the job title of that job?
builder-q-experience-company = Which company or organisation was that at ({ $title })?
builder-q-experience-period = When did you work there (e.g. "Mar 2021 – present" or "2018 - 2020")?
builder-q-experience-achievements = What did you achieve as { $title }? Describe one achievement, with a number if you can.
builder-q-experience-more-achievements = Another achievement? Type it, or "no" to go on.
builder-q-experience-improve = Your job as { $title } at { $company } has no achievement with a number. Add one (e.g. "Cut delivery time by 20%"), or "no" to keep it as it is.
builder-q-more-experience = Do you want to add another job? (yes/no)
builder-q-education-degree = What is your highest degree or qualification (e.g. "BSc Computer Science")? (/skip if none)
builder-q-education-degree-next = What is the degree or qualification?
builder-q-education-school = Which university or school was it at?
builder-q-education-period = When did you study there (e.g. "2015 - 2019", or just the year you finished)?
builder-q-more-education = Do you want to add another degree or qualification? (yes/no)
builder-q-skills = List your main skills, separated by commas (e.g. "Excel, Accounting, Python").
builder-q-languages = Which languages do you speak, and how well (e.g. "Arabic (native), English (fluent)")?
builder-q-certifications = Any certifications or courses? Separate them with commas, or type "none".
builder-q-projects = Do you have a project to show? Give its name, or type "none".
builder-q-projects-next = What is the name of the project?
builder-q-project-description = Describe the project in one or two sentences (what you did, and the result). You may add a link.
builder-q-more-projects = Do you want to add another project? (yes/no)
builder-q-review = Here is your CV so far. Type /done to save it, /edit SECTION to change a part, or /back to go back.
builder-q-finalized = Your CV is saved. You can export it now, or type /edit SECTION to change it and save a new version.

builder-current-value = Now: “{ $value }”. Type a new answer, or /skip to keep it.
builder-saved = Saved.
builder-accepted = Done: I used the suggested wording.
builder-nothing-to-accept = There is no suggestion waiting to be accepted.
builder-kept-own = I kept your own wording.
builder-rewrite-offer = Suggested wording: “{ $rewrite }”. Type /accept to use it, or just go on to keep yours.
builder-ask-number = Add a number if you can: by how much? how many people? how much money or time?
builder-ask-result = Say what changed thanks to it (the result).
builder-cannot-go-back = This is the first question: there is nothing before it.
builder-went-back = Back to the previous question.
builder-skipped = Skipped.
builder-already-finalized = This CV is already saved. Type /edit SECTION to change it, or start a new session.
builder-review-hint = Type /done to save your CV, /edit SECTION to change a part, or /back to go back.
builder-finalized-now = Your CV is saved as a new version.
builder-unknown-command = I don't know the command “{ $command }”. Commands: /back, /skip, /edit SECTION, /review, /done, /accept.
builder-unknown-section = I don't know the section “{ $section }”. Sections: { $sections }.

builder-invalid-empty = Please type an answer (or /skip).
builder-invalid-name = That doesn't look like a name. Please type your full name, letters only.
builder-invalid-email = “{ $value }” is not a valid email address. Please check it (it should look like name@example.com).
builder-invalid-phone = “{ $value }” is not a valid phone number. Use 7 to 15 digits, optionally starting with + and the country code.
builder-invalid-period = I couldn't read dates in “{ $value }”. Please write them like "Mar 2021 – present" or "2018 - 2020".
builder-invalid-period-order = The start ({ $start }) is after the end ({ $end }). Please check the dates.
builder-invalid-yes-no = Please answer yes or no.
builder-invalid-too-long = That answer is too long ({ $count } characters). Please keep it under { $max }.

builder-section-name = Name
builder-section-email = Email
builder-section-phone = Phone
builder-section-location = Location
builder-section-headline = Headline
builder-section-summary = Summary
builder-section-experience = Experience
builder-section-education = Education
builder-section-skills = Skills
builder-section-languages = Languages
builder-section-certifications = Certifications
builder-section-projects = Projects

builder-review-missing = Still missing: { $sections }.
builder-review-complete = Every section is filled in.
builder-count-jobs = { PLURAL($count) ->
    [one] { $count } job
   *[other] { $count } jobs
}
builder-count-degrees = { PLURAL($count) ->
    [one] { $count } degree
   *[other] { $count } degrees
}
builder-count-skills = { PLURAL($count) ->
    [one] { $count } skill
   *[other] { $count } skills
}
builder-count-achievements = { PLURAL($count) ->
    [one] { $count } achievement
   *[other] { $count } achievements
}
builder-count-projects = { PLURAL($count) ->
    [one] { $count } project
   *[other] { $count } projects
}
builder-count-languages = { PLURAL($count) ->
    [one] { $count } language
   *[other] { $count } languages
}
builder-minutes-left = { PLURAL($count) ->
    [zero] less than a minute left
    [one] about { $count } minute left
   *[other] about { $count } minutes left
}
builder-questions-left = { PLURAL($count) ->
    [one] { $count } question left
   *[other] { $count } questions left
}
builder-progress = { $count }% done

builder-suggest-more-skills = { PLURAL($count) ->
    [one] You have listed { $count } skill: most job ads look for at least 5. Add more with /edit skills.
   *[other] You have listed { $count } skills: most job ads look for at least 5. Add more with /edit skills.
}
builder-suggest-numbers = None of your achievements has a number yet: recruiters and ATS look for measurable results (%, money, people, time).
builder-suggest-summary = Your summary is short: two or three sentences read better.
builder-suggest-add-experience = Add at least one job, internship or volunteer role with /edit experience.

builder-session-id = Session { $id } (resume it later with: jobgate build --session { $id })
builder-history-cvs = CVs
builder-history-analyses = Analyses
builder-history-sessions = Builder sessions
builder-history-exports = Exports
builder-history-empty = Nothing is stored yet.
builder-versions-title = Versions of CV { $id }
builder-version-count = { PLURAL($count) ->
    [one] { $count } version
   *[other] { $count } versions
}
