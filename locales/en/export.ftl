# export messages (en).
# Section headings of exported CVs (standard wording, so applicant tracking systems recognise them).
export-heading-summary = Summary
export-heading-experience = Experience
export-heading-education = Education
export-heading-skills = Skills
export-heading-languages = Languages
export-heading-certifications = Certifications
export-heading-projects = Projects
export-heading-achievements = Achievements
# Dates in entries.
export-present = Present
export-month-1 = Jan
export-month-2 = Feb
export-month-3 = Mar
export-month-4 = Apr
export-month-5 = May
export-month-6 = Jun
export-month-7 = Jul
export-month-8 = Aug
export-month-9 = Sep
export-month-10 = Oct
export-month-11 = Nov
export-month-12 = Dec
# Joins a degree and its field ("Bachelor, Computer Engineering").
export-degree-field = { $degree }, { $field }
# Word between list items (skills).
export-list-separator = ,
# Command line.
export-written = Wrote { $path }
export-template-line = { $name }: { $description }
