# matching messages (en): `jobgate match`, the Match screen and the job-match line of an analysis.

## Reasons, one per score component.
match-required-all = Has { PLURAL($count) ->
    [one] the required skill
   *[other] all { $count } required skills
  }: { $skills }.
match-required-some = Has { $matched } of { $count } required { PLURAL($count) ->
    [one] skill
   *[other] skills
  }; missing: { $missing }.
match-required-none = Has none of the { $count } required { PLURAL($count) ->
    [one] skill
   *[other] skills
  }; missing: { $missing }.
match-preferred-some = Has { $matched } of { $count } preferred { PLURAL($count) ->
    [one] skill
   *[other] skills
  }: { $skills }.
match-preferred-none = Has none of the { $count } preferred { PLURAL($count) ->
    [one] skill
   *[other] skills
  } ({ $missing }).
match-years-enough = { $years } years of experience; the job asks for at least { $asked } { PLURAL($count) ->
    [one] year
   *[other] years
  }.
match-years-short = Only { $years } years of experience; the job asks for at least { $asked } { PLURAL($count) ->
    [one] year
   *[other] years
  }.
match-years-unknown = No dated work experience found; the job asks for at least { $asked } { PLURAL($count) ->
    [one] year
   *[other] years
  }.
match-education-ok = Education: { $level }; the job asks for { $asked }.
match-education-short = Education: { $level }, below the { $asked } the job asks for.
match-education-unknown = The level of the education in the CV is unclear; the job asks for { $asked }.
match-education-none = No education found; the job asks for { $asked }.
match-languages-all = Speaks { $languages }, as the job asks.
match-languages-missing = { PLURAL($count) ->
    [one] Language
   *[other] Languages
  } the job asks for but the CV does not show: { $missing }.
match-title-fit = Title “{ $cv_title }” fits the job title “{ $job_title }” ({ $percent }%).
match-title-none = No title in the CV close to “{ $job_title }”.
match-ats = The CV's own ATS score is { $score } out of 100.

## Education levels and languages, as shown in reasons.
match-level-high-school = a high-school certificate
match-level-diploma = a diploma
match-level-bachelor = a bachelor's degree
match-level-master = a master's degree
match-level-phd = a doctorate
match-language-english = English
match-language-arabic = Arabic
match-language-french = French
match-language-german = German
match-language-spanish = Spanish

## The job-match line of a single CV's analysis (check id `job_match`).
match-check-all = Your CV has { PLURAL($count) ->
    [one] the keyword
   *[other] all { $count } keywords
  } of this job.
match-check-some = Your CV has { $matched } of the { $count } { PLURAL($count) ->
    [one] keyword
   *[other] keywords
  } of this job.
match-check-nothing = This job description names no skills that Job Gate knows.
match-check-suggestion = Add these keywords where they are true for you: { $missing }.

## `jobgate match` output.
match-progress = Analysed { $done } of { $count } { PLURAL($count) ->
    [one] CV
   *[other] CVs
  }
match-job = Job: { $title }
match-job-required = Required skills: { $skills }
match-job-preferred = Preferred skills: { $skills }
match-job-years = At least { $years } { PLURAL($count) ->
    [one] year
   *[other] years
  } of experience
match-job-education = Education: { $level }
match-job-languages = Languages: { $languages }
match-job-untitled = (no title found)
match-ranked = { $count } { PLURAL($count) ->
    [one] CV ranked
   *[other] CVs ranked
  }
match-failed = { $count } { PLURAL($count) ->
    [one] CV could not be analysed
   *[other] CVs could not be analysed
  }:
match-csv-written = Ranking written to { $path }
match-col-rank = Rank
match-col-file = File
match-col-name = Name
match-col-score = Score
match-col-matched = Required skills found
match-col-missing = Required skills missing
match-col-preferred = Preferred skills found
match-col-years = Years of experience
match-col-education = Education
match-col-languages = Languages missing
match-col-title = Closest title
match-col-ats = ATS score
match-col-reasons = Reasons

# A requirement that offers a choice of skills ("Tableau or Power BI"); $skills are all but the last.
match-skills-either = { $skills } or { $last }
