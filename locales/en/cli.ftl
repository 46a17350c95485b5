# Command-line output (jobgate).
cli-files-analyzed = { PLURAL($count) ->
    [one] { $count } file analysed
   *[other] { $count } files analysed
}
cli-files-failed = { PLURAL($count) ->
    [one] { $count } file failed
   *[other] { $count } files failed
}
cli-report-title = { $file }: ATS score { $score }/100 ({ $language })
cli-language-en = English
cli-language-ar = Arabic
cli-language-mixed = English and Arabic
cli-checklist = Checklist
cli-found = Found in the CV
cli-field-name = Name
cli-field-email = Email
cli-field-phone = Phone
cli-field-location = Location
cli-count-experience = { PLURAL($count) ->
    [one] { $count } job
   *[other] { $count } jobs
}
cli-count-education = { PLURAL($count) ->
    [one] { $count } education entry
   *[other] { $count } education entries
}
cli-count-skills = { PLURAL($count) ->
    [one] { $count } skill
   *[other] { $count } skills
}
cli-count-languages = { PLURAL($count) ->
    [one] { $count } language
   *[other] { $count } languages
}
cli-count-certifications = { PLURAL($count) ->
    [one] { $count } certification
   *[other] { $count } certifications
}
cli-count-projects = { PLURAL($count) ->
    [one] { $count } project
   *[other] { $count } projects
}
cli-years-experience = Years of experience: { $years }
cli-fix-first = Fix first
cli-warnings = Warnings
cli-history-not-saved = Not saved to the history: { $reason }
cli-profile-none = No profiles on this computer yet. Create one with: jobgate profile create NAME
cli-profile-created = Profile “{ $profile }” created.
cli-profile-locked = Profile “{ $profile }” is protected by its passcode now; its data is encrypted.
cli-profile-not-locked = Profile “{ $profile }” has no passcode.
cli-profile-lock-removed = Profile “{ $profile }” no longer has a passcode; its data is no longer encrypted.
cli-profile-passcode-ok = The passcode of “{ $profile }” is right.
cli-profile-wiped = Profile “{ $profile }” and everything it held are deleted.
cli-ai-off-by-policy = AI is switched off on this computer by its administrator: the rules are used.
cli-profile-exported = Profile “{ $profile }” is written to { $path }, encrypted with the file's passcode.
cli-profile-imported = Profile “{ $profile }” is on this computer now, locked with the file's passcode.
cli-sync-status = Waiting to be sent: { $pending }. Refused by the server: { $rejected }. Last sync: { $last }.
cli-sync-last-error = Last error: { $error }
cli-sync-done = Synced with { $server }: { $pushed } sent, { $pulled } received, { $pending } still waiting.
cli-ocr-page = Reading page { $page } of { $pages } by text recognition (OCR)…
# Prompts and notes at a terminal (crates/cli person).
cli-passcode-prompt = Passcode for “{ $profile }”:
cli-new-passcode-prompt = New passcode for “{ $profile }”:
cli-passcode-again-prompt = Type it again:
cli-file-passcode-prompt = Passcode of the profile file:
cli-policy-problem = The computer’s policy file cannot be used, so the safest settings apply ({ $problem })
