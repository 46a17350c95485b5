# Desktop app interface (en). Every id starts with "ui-"; locales/ar/ui.ftl has the same ids.
ui-app-title = Job Gate
ui-skip-to-content = Skip to content
ui-nav-label = Main sections
ui-nav-import = Import & analyse
ui-nav-builder = Build a CV
ui-nav-export = Export
ui-nav-history = History
ui-nav-settings = Settings
ui-nav-status = Status

ui-import-title = Import and analyse your CV
ui-import-intro = Drop a PDF or Word (DOCX) file, or a scan or photo of your CV (PNG, JPEG), anywhere on this window, or choose one. Nothing leaves your computer.
ui-import-drop = Drop your CV here
ui-import-choose = Choose a file…
ui-import-dialog-title = Choose your CV
ui-import-dialog-filter = CV (PDF, DOCX, or a scan: PNG, JPEG, TIFF)
ui-import-cancel = Cancel
ui-import-stopped = Import stopped. Nothing was saved.
ui-import-working = Analysing…
ui-progress-reading = Reading the file…
ui-progress-extracting = Extracting the text…
ui-progress-scoring = Checking it like an ATS would…
ui-progress-ai = Asking the AI to read it too…
ui-progress-saving = Saving to your history…
ui-progress-done = Done
ui-progress-ocr-page = Reading page { $page } of { $pages } (a scan: text recognition takes a few seconds a page)…
ui-score-label = ATS score
ui-score-out-of = out of 100
ui-analysis-done = Analysis finished: ATS score { $score } out of 100.
ui-score-good = Ready for most application systems
ui-score-fair = Good start; fix the points below
ui-score-poor = Needs work before you apply
ui-checklist-title = Checklist
ui-check-passed = Passed
ui-check-failed = To fix
ui-check-points = { $points } / { $max } points
ui-check-fix = How to fix it
ui-suggestions-title = Suggestions
ui-warnings-title = Notes about this file
ui-cv-title = Your CV as we read it
ui-cv-intro = Correct anything we misread, then save. The corrected version is what you export.
ui-cv-save = Save corrections
ui-cv-saved = Saved as a new version
ui-analysis-meta = Language: { $language } · read in { $seconds } s
ui-file-label = File

ui-section-personal = Contact details
ui-section-summary = Summary
ui-section-experience = Experience
ui-section-education = Education
ui-section-skills = Skills
ui-section-achievements = Achievements
ui-section-certifications = Certifications
ui-section-languages = Languages
ui-section-projects = Projects
ui-field-name = Name
ui-field-email = Email
ui-field-phone = Phone
ui-field-location = Location
ui-field-headline = Headline
ui-field-links = Links (one per line)
ui-field-title = Job title
ui-field-company = Company
ui-field-period = Period
ui-field-achievements = Achievements (one per line)
ui-field-degree = Degree
ui-field-field = Field of study
ui-field-school = School
ui-field-years = Years
ui-field-list = One per line
ui-field-language-name = Language
ui-field-level = Level
ui-field-description = Description
ui-field-link = Link
ui-empty-section = Nothing found in this section.

ui-builder-title = Build your CV step by step
ui-builder-intro = Answer one question at a time. You can go back, skip a question or edit a section at any moment.
ui-builder-start = Start a new CV
ui-builder-start-from-import = Improve the imported CV
ui-builder-answer-label = Your answer
ui-builder-send = Send
ui-builder-back = Back
ui-builder-skip = Skip
ui-builder-review = Review
ui-builder-done = Finish
ui-builder-edit = Edit a section
ui-builder-accept = Use this wording
ui-builder-keep = Keep mine
ui-builder-rewrite-title = Suggested wording
ui-builder-progress = Progress
ui-builder-conversation = Conversation with the builder
ui-builder-missing = Still missing
ui-builder-minutes-left = { PLURAL($count) ->
    [one] About one minute left
   *[other] About { $count } minutes left
}
ui-builder-preview = Live preview
ui-builder-unavailable = The builder is not available in this version yet.
ui-builder-you = You
ui-builder-assistant = Job Gate

ui-export-title = Export your CV
ui-export-intro = Pick a template and a format. Every template is ATS-friendly: real text, standard headings, a clear reading order.
ui-export-template = Template
ui-export-format = Format
ui-export-format-docx = Word (DOCX)
ui-export-format-pdf = PDF
ui-export-language = Language of the CV headings
ui-export-save = Save as…
ui-export-dialog-title = Save your CV
ui-export-done = Saved
ui-export-show = Show in folder
ui-export-nothing = Import or build a CV first; then export it here.
ui-export-unavailable = Export is not available in this version yet.
ui-export-preview = Preview
ui-export-preview-alt = Page 1 of your CV in the { $template } template, as the PDF will look
ui-export-preview-working = Drawing the preview…

ui-history-title = History
ui-history-intro = Your CVs, their versions, analyses and exports, newest first. Stored only on this computer.
ui-history-cvs = CVs
ui-history-analyses = Analyses
ui-history-exports = Exports
ui-history-sessions = Builder sessions
ui-history-open = Open
ui-history-empty = Nothing here yet.
ui-history-versions = { PLURAL($count) ->
    [one] one version
   *[other] { $count } versions
}
ui-history-score = Score { $score }
ui-history-refresh = Refresh

ui-settings-title = Settings
ui-settings-language = Language
ui-settings-language-en = English
ui-settings-language-ar = العربية
ui-settings-ai = AI assistance
ui-settings-ai-enable = Use AI to read CVs and improve wording (needs internet and an OpenRouter key)
ui-settings-ai-key = OpenRouter API key
ui-settings-ai-key-help = Stored in your system's keychain only. It is never shown again in full.
ui-settings-ai-key-save = Save key
ui-settings-ai-key-delete = Remove key
ui-settings-ai-key-saved = Saved key: { $hint }
ui-settings-ai-key-none = No key saved
ui-settings-data = Your data
ui-settings-data-folder = Data folder
ui-settings-delete-all = Delete all my data
ui-settings-delete-confirm = Delete your history, builder sessions, settings and saved key from this computer? Files you exported stay where you saved them.
ui-settings-deleted = All your data was deleted.
ui-settings-saved = Settings saved

ui-status-title = Status
ui-status-storage = Storage
ui-status-storage-ok = OK
ui-status-storage-problem = Problem: { $reason }
ui-storage-memory-only = Nothing is being saved: Job Gate could not open its data folder, so your work is kept in memory only and is lost when the app closes.
ui-storage-memory-only-action = Close Job Gate, check that the data folder can be written (Settings shows where it is), then start Job Gate again.
ui-status-ai = AI service
ui-status-ai-off = Off
ui-status-ai-no-key = On, but no key saved
ui-status-ai-reachable = Reachable
ui-status-ai-unreachable = Not reachable (rules are used instead)
ui-status-version = Version
ui-status-data-folder = Data folder
ui-status-check = Check again

ui-error-title = Something went wrong
ui-error-action = What you can do
ui-error-dismiss = Dismiss
ui-language-en = English
ui-language-ar = Arabic
ui-language-mixed = English and Arabic
ui-close = Close
ui-cancel = Cancel
ui-confirm = Confirm

# AI: consent, rewording, summaries
ui-settings-ai-consent = With AI on, the text of each CV you import, the achievements you ask to reword and the CV you ask to summarise are sent to { $host }. Contact details are left out of summaries. Your key stays in the system keychain. You can turn AI off at any time.
ui-settings-ai-consent-yes = Agree and turn on
ui-settings-ai-server = AI server: { $host }
ui-builder-ai-rewrite = Suggest wording with AI
ui-ai-summary = Draft a summary with AI
ui-ai-summary-title = Summary drafted by AI
ui-ai-summary-use = Use this summary
ui-ai-working = Asking the AI…
ui-ai-stop = Stop the AI
ui-settings-ai-url = AI server address
ui-settings-ai-model = Model
ui-settings-ai-server-help = Leave both empty for OpenRouter with a DeepSeek model. Any OpenAI-compatible server works, for example a local Ollama at http://127.0.0.1:11434/v1, so your CV never leaves your network.
ui-settings-ai-server-save = Use this server
ui-ai-writing = The AI is writing…

# Match screen: rank CVs against a job description
ui-nav-match = Match CVs to a job
ui-match-title = Rank CVs against a job
ui-match-intro = Paste or open a job description, choose the CVs, then rank them. Everything runs on this computer; the CVs you rank here are not added to your history.
ui-match-job = Job description
ui-match-job-label = Paste the job description here, or open a file
ui-match-job-open = Open a file…
ui-match-job-dialog-title = Choose a job description
ui-match-job-dialog-filter = Job description (TXT, PDF or DOCX)
ui-match-cvs = CVs to rank
ui-match-add-files = Add files…
ui-match-add-folder = Add a folder…
ui-match-files-dialog-title = Choose the CVs to rank
ui-match-folder-dialog-title = Choose a folder of CVs
ui-match-chosen-files = Chosen files
ui-match-no-files = No files chosen yet.
ui-match-remove = Remove
ui-match-clear = Clear the list
ui-match-from-history = CVs from your history
ui-match-history-empty = Your history has no CVs yet.
ui-match-rank = Rank
ui-match-working = Analysing the CVs…
ui-match-progress = { PLURAL($count) ->
    [one] Analysed { $done } of one CV
   *[other] Analysed { $done } of { $count } CVs
}
ui-match-ranked = { PLURAL($count) ->
    [one] One CV ranked
   *[other] { $count } CVs ranked
}
ui-match-results = Ranking
ui-match-job-untitled = (no title found)
ui-match-required = Required skills
ui-match-preferred = Preferred skills
ui-match-min-years = { PLURAL($count) ->
    [one] At least one year of experience
   *[other] At least { $years } years of experience
}
ui-match-col-rank = Rank
ui-match-col-cv = CV
ui-match-col-score = Score
ui-match-col-matched = Required skills found
ui-match-col-missing = Required skills missing
ui-match-col-details = Details
ui-match-score = { $score } / 100
ui-match-band-good = Strong fit for this job
ui-match-band-fair = Partial fit for this job
ui-match-band-poor = Weak fit for this job
ui-match-show-reasons = Reasons
ui-match-reasons-for = Reasons for { $name }
ui-match-points = { $points } / { $max }
ui-match-from-history-tag = from your history
ui-match-failed-title = CVs that could not be read
ui-match-save-csv = Save as CSV…
ui-match-csv-dialog-title = Save the ranking
ui-match-csv-file-name = ranking.csv
ui-match-csv-saved = Ranking saved

# A single CV against a job description (import and analysis view)
ui-fit-title = Compare with a job description
ui-fit-intro = Paste a job you want to apply for: see how well this CV fits it and which keywords it is missing.
ui-fit-label = Job description
ui-fit-check = Compare
ui-fit-score = Fit with this job
ui-fit-missing = Keywords missing from your CV
ui-fit-matched = Keywords found
ui-fit-none-missing = None: your CV has every keyword this job names.

# History: delete, compare versions, resume a builder session
ui-history-delete = Delete
ui-history-delete-confirm = Delete “{ $title }” with all its versions, analyses and export records? Files you exported stay where you saved them.
ui-history-deleted = The CV was deleted.
ui-history-deleted-not-compacted = The database file could not be compacted right away (it was busy): traces of the CV may stay in it until Job Gate closes.
ui-history-compare = Compare versions
ui-history-compare-title = Compare two versions
ui-history-compare-old = Older version
ui-history-compare-new = Newer version
ui-history-compare-show = Compare
ui-history-compare-close = Close the comparison
ui-history-version = Version { $number } ({ $source }, { $date })
ui-history-source-import = imported
ui-history-source-builder = built
ui-history-source-edit = edited
ui-history-source-ai = AI
ui-history-resume = Resume
ui-history-session = Builder session, { $state }
ui-history-session-done = finished
ui-history-session-open = in progress
ui-history-session-turns = { PLURAL($count) ->
    [one] one answer
   *[other] { $count } answers
}
ui-diff-added = Added
ui-diff-removed = Removed
ui-diff-changed = Changed
ui-diff-same = Unchanged
ui-diff-no-changes = These two versions are the same.
ui-diff-unchanged-section = No changes in this section.

## People on one computer: the picker, unlock, lock, passcodes, wipe
ui-person-using = Using Job Gate
ui-person-guest = Guest
ui-person-lock = Lock now
ui-person-switch = Switch person
ui-person-locked = Protected by a passcode
ui-picker-title = Who is using Job Gate?
ui-picker-intro = Choose your profile. Each person's CVs, history and settings are kept apart; a profile with a passcode is encrypted on this computer.
ui-picker-people = People on this computer
ui-picker-none = Nobody has a profile on this computer yet.
ui-picker-new = New person
ui-picker-guest = Guest
ui-picker-guest-help = Use Job Gate without a profile: nothing is kept after you leave.
ui-picker-policy-problem = This computer's policy file could not be used, so the safest settings apply: { $problem }
ui-unlock-title = Unlock “{ $name }”
ui-unlock-passcode = Passcode
ui-unlock-submit = Unlock
ui-unlock-wrong = That passcode is not right.
ui-unlock-forgot = Forgot your passcode?
ui-unlock-forgot-text = A passcode cannot be recovered — not by you, not by the centre's staff, not by Job Gate — because your data is encrypted with it. The only way to use this name again is to wipe the profile, with everything in it, and start again.
ui-unlock-set-title = Choose a passcode for “{ $name }”
ui-unlock-set-intro = This computer requires a passcode on every profile. Choose one before you continue; your data will be encrypted with it.
ui-passcode-new = New passcode
ui-passcode-repeat = Type the new passcode again
ui-passcode-current = Current passcode
ui-passcode-mismatch = The two passcodes are not the same.
ui-passcode-help = At least 4 characters. It cannot be recovered if you forget it, so keep it somewhere safe.
ui-new-person-title = New person
ui-new-person-name = Name (the others on this computer see it in the list)
ui-new-person-passcode = Passcode (recommended)
ui-new-person-passcode-required = Passcode (required on this computer)
ui-new-person-create = Create and open
ui-wipe-title = Wipe “{ $name }”?
ui-wipe-text = Everything in this profile — CVs, versions, analyses, builder sessions, settings and the saved AI key — is deleted from this computer and cannot be brought back.
ui-wipe-files = Also delete these files you exported:
ui-wipe-confirm = Wipe for good
ui-wipe-done = The profile was wiped.
ui-wipe-files-deleted = Exported files deleted: { $count }
ui-profile-legend = Profile
ui-profile-protected = Protected by a passcode: this profile's data is encrypted on this computer.
ui-profile-unprotected = No passcode: anyone using this computer can open this profile.
ui-profile-guest = You are a guest: nothing you do here is kept after you leave. To keep your work, create a profile.
ui-profile-set = Set passcode
ui-profile-change = Change passcode
ui-profile-remove = Remove passcode
ui-profile-remove-blocked = This computer requires a passcode on every profile, so it cannot be removed.
ui-profile-wipe = Wipe this profile…
ui-profile-passcode-saved = Passcode saved. This profile is encrypted with it.
ui-profile-passcode-removed = Passcode removed. This profile is no longer encrypted.
ui-settings-ai-blocked = AI cannot be turned on: { $reason }
ui-idle-locked = Locked after a time without activity.
ui-sync-legend = Sync with your organisation
ui-sync-help = Optional. Sends your history to your organisation's server (for example your career centre) so it reaches their records and you can get it back on another computer. Off until you turn it on; nothing leaves this computer while it is off.
ui-sync-url = Server address
ui-sync-key = Sync key
ui-sync-key-help = Given to you by your organisation. Stored in your system's keychain only. It is never shown again in full.
ui-sync-key-save = Save key
ui-sync-key-delete = Remove key
ui-sync-key-saved = Saved key: { $hint }
ui-sync-key-none = No key saved
ui-sync-save-url = Save address
ui-sync-test = Test connection
ui-sync-testing = Testing…
ui-sync-enable = Sync my history with this server
ui-sync-now = Sync now
ui-sync-running = Syncing…
ui-sync-server = Your data goes to: { $server }
ui-sync-consent = With sync on, every CV you import or build, its versions, its analyses, your builder sessions and the list of your exports (names only, not the files) are sent to { $server }, now and whenever they change. Your key stays in the system keychain. You can turn sync off at any time; what was sent stays with your organisation.
ui-sync-consent-yes = Agree and turn on
ui-sync-blocked = Sync is turned off on this computer by its administrator.
ui-sync-guest = A guest keeps nothing, so there is nothing to sync. Open or create a profile to use sync.
ui-sync-off = Sync is off: nothing leaves this computer.
ui-sync-pending = { PLURAL($count) ->
    [one] One change waiting to be sent
   *[other] { $count } changes waiting to be sent
}
ui-sync-nothing-waiting = Nothing waiting to be sent
ui-sync-rejected = { PLURAL($count) ->
    [one] One change was refused by the server and is kept here
   *[other] { $count } changes were refused by the server and are kept here
}
ui-sync-last = Last successful sync: { $time }
ui-sync-never = Not synced yet
ui-sync-last-error = Last problem: { $error }
ui-sync-done = Synced: { $pushed } sent, { $pulled } received.
ui-sync-test-ok = Connected to { $server }. The server accepted your key.
ui-sync-test-ok-no-key = { $server } answers. Save your sync key to finish.
ui-sync-test-failed = Could not use { $server }: { $error }
ui-sync-test-insecure = Refused: { $host } would receive your data unencrypted over plain http://. Use an https:// address; plain http:// is allowed only for a server on this computer.
ui-sync-test-bad-address = This is not a usable server address: { $reason }
ui-sync-error-key = the server did not accept the sync key. Enter a new key.
ui-sync-error-insecure = the address uses plain http:// to another computer. Use https://.
ui-sync-error-address = the server address is not usable.
ui-sync-error-offline = the server could not be reached. Are you offline? Your changes wait here and go out later.
ui-sync-error-timeout = the server did not answer in time. Your changes wait here and go out later.
ui-sync-error-server = the server had a problem. Your changes wait here and go out later.
ui-sync-error-refused = the server refused the request.
ui-sync-error-protocol = the server does not speak Job Gate's sync protocol.
ui-sync-error-local = this computer could not read or write your data.
ui-status-sync = Sync server
ui-status-sync-off = Off
ui-status-sync-ok = Reachable
ui-status-sync-down = Not reachable (changes wait on this computer)
# Moving a profile or a CV to another computer (profile file, JSON Resume)
ui-moves-profile-save = Save my profile to a file…
ui-moves-profile-save-title = Save your profile to a file
ui-moves-profile-save-intro = The file holds your CVs, history and settings, encrypted with a file passcode you choose now. Take it to another computer and open it there with “Bring a profile from another computer…”. Keep the passcode apart from the file.
ui-moves-profile-current = Your profile’s passcode
ui-moves-file-passcode = File passcode
ui-moves-file-passcode-repeat = Type the file passcode again
ui-moves-profile-save-submit = Choose where to save…
ui-moves-profile-saved = Your profile was saved to { $path }. Open it on the other computer with the file passcode.
ui-moves-profile-filter = Job Gate profile
ui-moves-profile-bring = Bring a profile from another computer…
ui-moves-profile-open-title = Bring a profile from another computer
ui-moves-profile-bring-intro = Choose the profile file saved on the other computer and type its file passcode. The profile arrives here locked with that passcode.
ui-moves-profile-new-name = New name (only if that name is already used here)
ui-moves-profile-bring-submit = Choose the file…
ui-moves-profile-brought = { $name } is now on this computer. Open it with the file passcode.
ui-moves-json-export = Export as JSON Resume
ui-moves-json-save-title = Save as JSON Resume
ui-moves-json-exported = Saved as JSON Resume: { $path }
ui-moves-json-import = Import JSON Resume…
ui-moves-json-open-title = Choose a JSON Resume file
ui-moves-json-filter = JSON Resume (.json)
ui-moves-json-imported = The CV of { $name } was added to your CVs.

# A guest leaving: the files they exported (PDF, DOCX, JSON) are outside Job Gate's data, so the app asks.
ui-guest-files-title = Files saved in the guest session
ui-guest-files-text-left = The guest who just left saved these files on this computer. They are not part of Job Gate's data, so they stay unless you delete them.
ui-guest-files-text-quit = You saved these files on this computer as a guest. They are not part of Job Gate's data, so they stay after Job Gate closes unless you delete them.
ui-guest-files-legend = Delete these files from this computer:
ui-guest-files-keep = Keep them
ui-guest-files-delete = Delete the ticked files
ui-guest-files-stay = Don't quit
ui-guest-files-keep-quit = Keep them and quit
ui-guest-files-delete-quit = Delete the ticked files and quit
ui-guest-files-deleted = Files deleted: { $count }
# The profile made on first use or from an earlier release's single database (the command line calls it "default").
ui-person-default = Main profile
ui-profile-default-note = The command line calls this profile “default”.
# What the machine's policy imposes, listed in Settings → Profile.
ui-policy-title = Set for this computer by its administrator:
ui-policy-passcode = Every profile needs a passcode.
ui-policy-guest = Job Gate starts as a guest.
ui-policy-idle = A profile locks after { $minutes } min without activity.
ui-policy-no-ai = AI is turned off.
ui-policy-no-sync = Sync is turned off.
ui-policy-no-updates = Job Gate does not look for updates.
ui-updates-legend = Updates
ui-updates-help = Job Gate asks its update server for a new version only when you choose “Check now” or turn on automatic checks. Every update is checked against the signature key built into this app before it is installed; an update that fails the check, or an older version, is refused.
ui-updates-version = Installed version: { $version }
ui-updates-server = Updates come from: { $server }
ui-updates-auto = Check for updates automatically (about once a day)
ui-updates-check = Check now
ui-updates-checking = Checking for updates…
ui-updates-up-to-date = Job Gate is up to date.
ui-updates-never = Not checked yet.
ui-updates-last-check = Last checked: { $time }
ui-updates-last-problem = Last problem: { $error }.
ui-updates-available = Version { $version } is available.
ui-updates-notes = What changed
ui-updates-published = Published { $date }
ui-updates-install = Download and install
ui-updates-installing = Downloading and checking the signature…
ui-updates-progress = Download progress
ui-updates-installed = Version { $version } is installed. Restart Job Gate to use it.
ui-updates-restart = Restart now
