# Errors shown to people (DESIGN §2). Each code has a message and a suggested action ("-action").
error-file-too-large = File is too large
error-file-too-large-action = Compress the file or upload a smaller version (the limit is { $max_size }, yours is { $your_size })
error-unsupported-file-type = Only PDF, DOCX and image (PNG, JPEG, TIFF) files are supported
error-unsupported-file-type-action = Save your CV as PDF or as a Word document (.docx) and try again
error-corrupted-file = The file is damaged and cannot be read
error-corrupted-file-action = Open it in Word or a PDF viewer, save it again as PDF or DOCX, and try again
error-over-limit = { $limit ->
    [time] Reading the file took far longer than any CV takes, so it was stopped
    [memory] The file needed far more memory than any CV needs, so reading it was stopped
    [stack] The file is nested far more deeply than any CV, so reading it was stopped
   *[other] The file made the reader stop, so it could not be read
}
error-over-limit-action = The file is probably damaged or made to overload programs. Open it in Word or a PDF viewer, save it again as PDF or DOCX, and try again. Other files are not affected.
error-encrypted-file = The file is protected by a password
error-encrypted-file-action = Remove the password (save an unprotected copy) and try again
error-no-text-found = No text found, not even by text recognition (OCR): the pages look blank or unreadable
error-no-text-found-action = Check that the right file was chosen; for a scan or a photo, use a sharp, well-lit, straight picture of the page (or export your CV from Word or Google Docs as a text PDF or DOCX, which ATS systems read best)
error-file-not-found = File not found: { $path }
error-file-not-found-action = Check the file name and folder, then try again
error-file-exists = A file with this name already exists: { $path }
error-file-exists-action = Choose another name, or allow overwriting (--force)
error-invalid-input = The input is not valid
error-invalid-input-action = Check { $field } and try again
error-ai-unavailable = The AI service is not available; the rule-based parser was used
error-ai-unavailable-action = Check your internet connection and your OpenRouter key in Settings, or continue without AI
error-session-not-found = This builder session was not found
error-session-not-found-action = Start a new builder session, or pick one from your history
error-export-failed = The document could not be created
error-export-failed-action = Try another template or format; if it keeps failing, report the problem with this message
error-template-not-found = Template not found: { $template }
error-template-not-found-action = Choose one of: { $available }
error-storage-error = Your data could not be saved or read
error-storage-error-action = Check that the data folder is writable and the disk is not full; nothing already saved was changed
error-sync-failed = Sync with the server failed; your changes are kept on this computer
error-sync-failed-action = Check the server address, key and connection; Job Gate retries automatically
error-profile-locked = The profile “{ $profile }” is locked
error-profile-locked-action = Enter the profile's passcode to open it; only the person who set it knows it
error-wrong-passcode = { $must_wait ->
    [yes] That passcode is not right, several times in a row. For your safety, the next try is possible in { $wait_seconds } seconds
   *[no] That passcode is not right
}
error-wrong-passcode-action = Check the keyboard language and Caps Lock and try again. A forgotten passcode cannot be recovered: the only way back is to wipe the profile and start again
error-profile-not-found = There is no profile called “{ $profile }” on this computer
error-profile-not-found-action = Pick a name from the list of profiles, or create a new profile
error-update-failed = { $kind ->
    [signature] The update was refused: its signature does not match the key built into Job Gate, so it may have been changed or made by someone else. Nothing was installed
    [downgrade] The update was refused: version { $version } is not newer than the version installed, and Job Gate never goes back to an older version
    [unreachable] The update server could not be reached
    [invalid] The update server's answer is not a Job Gate update
    [install] The update was downloaded and verified but could not be installed
    [policy] Looking for updates is turned off on this computer by its administrator
    [off] This copy of Job Gate was built without an update server, so it does not look for updates
    [nothing] There is no update to install; check for updates first
   *[other] The update could not be completed
}
error-update-failed-action = { $kind ->
    [signature] Keep using this version and tell your organisation's IT team: the update server may have been tampered with
    [downgrade] Keep using this version; if you expected an update, tell your organisation's IT team
    [unreachable] Check your internet connection and try again later; Job Gate tries again by itself when automatic checks are on
    [invalid] Try again later; if it keeps happening, tell your organisation's IT team
    [install] Try again, or install the new version by hand from your organisation's download page
    [policy] Ask the administrator of this computer about updates
    [off] Ask your organisation for a copy of Job Gate set up for updates, or install new versions by hand
    [nothing] Choose “Check now” first
   *[other] Try again later
}
error-internal-error = Something went wrong inside Job Gate
error-internal-error-action = Try again; if it keeps happening, report the problem with this message

# Why it failed (a reason-* message, or a technical detail) after the message.
error-with-reason = { $message } ({ $reason })
# Another program's own error text (an operating system's, a library's), kept verbatim for support.
error-technical-detail = technical detail: { $detail }
error-reason-and-detail = { $reason }; technical detail: { $detail }

# A file size (error-file-too-large-action).
size-megabytes = { $n }MB
size-kilobytes = { $n }KB

## Warnings: the result is usable, but something could not be done (see crates/core/src/warning.rs).
warning-partial-text = Only part of the file could be read: { $cause }
warning-partial-text-pages = { PLURAL($count) ->
    [one] page { $pages } could not be read
   *[other] pages { $pages } could not be read
}
warning-partial-text-cut-short = the file ends before its end marker (it was cut short)
warning-partial-text-damaged-archive = the document is damaged, and only what comes before the damage was read
warning-partial-text-damaged-text = the document's text is damaged after some point
warning-partial-text-part-too-large = a header, footer or note is far larger than in any CV, so it was left out
warning-partial-text-part-damaged = a header, footer or note is damaged, so it was left out
warning-partial-text-unknown = part of it is damaged
warning-partial-text-ocr-unavailable = some pages are scans, and text recognition (OCR) is not installed
warning-no-section-headings = No section headings were recognised; entries were found by their dates.
error-ocr-unavailable = This file is a scan or a photo, and the text recognition (OCR) needed to read it is not installed
error-ocr-unavailable-action = Install Tesseract OCR with its English and Arabic languages (Debian/Ubuntu: sudo apt install tesseract-ocr tesseract-ocr-eng tesseract-ocr-ara; Windows: the UB Mannheim installer; macOS: brew install tesseract tesseract-lang), then try again — or save your CV as a text PDF or DOCX
error-cancelled = The import was stopped before it finished; nothing was saved
error-cancelled-action = Open the file again when you want to analyse it
# Warnings about text read by OCR (codes OCR_TEXT, OCR_LOW_CONFIDENCE, OCR_PAGES_SKIPPED; jobgate-extract's ocr::warnings decides which).
warning-ocr-text = { PLURAL($pages) ->
    [one] This CV is a scan or a photo: its text was read by text recognition (OCR), which can misread letters and digits
   *[other] { $pages } pages of this CV are scans or photos: their text was read by text recognition (OCR), which can misread letters and digits
}
warning-ocr-low-confidence = { $detail }
warning-ocr-low-confidence-fields = Text recognition was unsure of some words: check { $fields } against your CV
warning-ocr-low-confidence-words = Text recognition was unsure of some words, for example { $words }: check them against your CV
warning-ocr-pages-skipped = { PLURAL($skipped) ->
    [one] One more scanned page was not read: only the first { $read } scanned pages are read
   *[other] { $skipped } more scanned pages were not read: only the first { $read } scanned pages are read
}
warning-ocr-field-name = your name
warning-ocr-field-email = your email
warning-ocr-field-phone = your phone number
warning-ocr-field-dates = the dates of your jobs and studies
warning-ocr-field-work = your work history
warning-ocr-field-education = your education
warning-ocr-field-skills = your skills

# What an INVALID_INPUT is about (details.field), as $field of error-invalid-input-action.
field-achievement = the achievement
field-achievements = the achievements
field-ai-base-url = the AI server address
field-ai-model = the AI model name
field-analysis = the analysis number
field-api-key = the API key
field-consent = your agreement
field-cv = the CV number
field-cvs = the CVs chosen
field-entry = the job chosen
field-file = the file
field-file-passcode = the file’s passcode
field-format = the format
field-id = the message number
field-input = the input
field-job = the job description
field-lang = the language
field-passcode = the passcode
field-paths = the files chosen
field-profile = the profile
field-ranking = the ranking
field-stdin = the input
field-sync = the sync settings
field-sync-key = the sync key
field-sync-url = the server address
field-version = the CV version
field-yes = the confirmation (--yes)
