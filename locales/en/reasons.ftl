# Why an error happened (the reason after an error message): reason-<area>-<what>.
# Arguments in quotes are the person's own words (paths, names), isolated when shown.

## Your data (crates/store)
reason-store-stored-json = data kept by Job Gate could not be read back
reason-store-no-home = there is no home folder to keep data in; set JOBGATE_DATA_DIR
reason-store-file = the data file { $path } could not be used
reason-store-not-a-database = { $path } is encrypted or is not a Job Gate database
reason-store-no-wal = the database could not switch to its safe writing mode (WAL)
reason-store-newer-schema = the data was written by a newer Job Gate (schema { $version }; this one knows up to { $known }); install the newer version
reason-profile-name-empty = a profile needs a name
reason-no-cv = there is no CV { $id }
reason-no-cv-version = there is no CV version { $id }
reason-no-analysis = there is no analysis { $id }
reason-store-no-profile-row = the data holds no profile { $id }
reason-setting-is-secret = secrets are kept in the operating system’s keychain, never in the database
reason-profile-name-too-long = { PLURAL($count) ->
    [one] a profile name has at most { $count } character
   *[other] a profile name has at most { $count } characters
}
reason-profile-name-control = a profile name cannot hold control characters
reason-store-profile-index = the list of profiles could not be read
reason-profile-exists = there is already a profile called “{ $name }”
reason-profile-unlock-without-passcode = a profile without a passcode was asked to unlock
reason-profile-file-not-ours = this is not a Job Gate profile file
reason-profile-file-no-header = the profile file’s header is missing
reason-profile-file-bad-header = the profile file’s header cannot be read
reason-profile-file-no-name = the profile file does not name its profile
reason-profile-exists-import = there is already a profile called “{ $name }”: import it under another name
reason-store-split-lost-rows = moving the profile “{ $name }” to its own file lost rows, so the old database is kept
reason-passcode-key = the key could not be made from the passcode
reason-passcode-no-randomness = this computer gave no random numbers to protect the passcode
reason-passcode-too-short = { PLURAL($count) ->
    [one] a passcode needs at least { $count } character
   *[other] a passcode needs at least { $count } characters
}
reason-store-profile-no-uuid = the profile has no identifier for sync

## The command line (crates/cli)
reason-folder-not-made = the folder { $path } could not be made
reason-input-unreadable = the input could not be read
reason-input-not-json = the input is not valid JSON
reason-input-not-a-cv = the JSON is not a CV or an analysis
reason-input-no-cv-fields = the JSON holds no CV fields (personal_info, experience, …)
reason-not-a-cv-id = “{ $given }” is not a CV number (see jobgate history)
reason-passcode-unreadable = the passcode could not be read from the terminal
reason-passcode-needs-terminal = set JOBGATE_PASSCODE, or run this in a terminal to type the passcode
reason-passcodes-differ = the two passcodes differ
reason-file-passcode-needs-terminal = set JOBGATE_FILE_PASSCODE, or run this in a terminal to type the file’s passcode
reason-profile-already-locked = “{ $name }” already has a passcode
reason-policy-requires-passcode = this computer’s policy requires a passcode on every profile
reason-wipe-needs-yes = wiping “{ $name }” deletes everything it holds for ever: add --yes to confirm
reason-policy-sync-off = sync is switched off on this computer by its administrator
reason-sync-guest-cli = a guest keeps nothing, so there is nothing to sync: use --profile
reason-sync-env-missing = set JOBGATE_SYNC_URL (the organisation’s server) and JOBGATE_SYNC_KEY (your key)

## The engine, the builder and matching
reason-reader-wrong-reply = the file reader answered with the wrong kind of reply
reason-reader-no-start = the file reader process could not be started
reason-reader-bad-task = the file reader did not understand its task
reason-reader-no-thread = the reading thread could not be started
reason-reader-failed = the reader failed on this file
reason-job-empty = the job description is empty
reason-job-file-no-text = { $path } has no text
reason-sync-stored-id = a stored sync identifier is damaged
reason-sync-change-unfit = a change waiting to be sent does not fit the sync protocol
reason-policy-requires-passcode-for = this computer’s policy requires a passcode on every profile: set one for “{ $name }”
reason-history-poisoned = the history is unusable after an earlier failure; restart the app
reason-builder-state = the builder’s state could not be saved
reason-builder-session-unreadable = the builder session { $id } cannot be read
reason-text-bad-utf16 = the text file is not valid UTF-16 text

## AI (crates/ai)
reason-ai-no-key = no OpenRouter API key is set (add it in Settings, or set OPENROUTER_API_KEY for the command line)
reason-ai-key-needs-https = the API key is only sent over https (the address of { $host } starts with http://)
reason-ai-request-not-built = the request to the AI server could not be built
reason-ai-answer-cut-off = the AI model’s answer was cut off (too long for the model’s output limit)
reason-ai-empty-answer = the AI model gave an empty answer
reason-ai-address-unusable = the AI server address is not usable
reason-ai-connection-broke = the connection to the AI server at { $host } broke while reading the answer
reason-ai-answer-too-long = the AI server’s answer was far too long
reason-ai-server-error = the AI server reported an error
reason-ai-no-connection = could not connect to the AI server at { $host } (are you offline, or is the server not running?)
reason-ai-connection-problem = the request to the AI server at { $host } failed (connection problem)
reason-ai-no-attempt = no attempt was made
reason-ai-cancelled = cancelled
reason-ai-timeout = the AI server at { $host } did not answer within { $seconds } s
reason-ai-request-not-started = the request could not be started
reason-ai-request-failed = the request to the AI server at { $host } failed
reason-ai-key-refused = the AI server at { $host } refused the API key (HTTP { $status }); check the key in Settings
reason-ai-no-credit = the AI account at { $host } has no credit left (HTTP { $status })
reason-ai-unknown-model = the AI server at { $host } does not know the model “{ $model }”, or the address is wrong (HTTP { $status })
reason-ai-rate-limited = the AI server at { $host } is limiting requests (HTTP { $status }); try again in a minute
reason-ai-server-problem = the AI server at { $host } had a problem (HTTP { $status }); try again later
reason-ai-rejected = the AI server at { $host } rejected the request (HTTP { $status })
reason-ai-answer-not-json = the AI server’s answer was not the expected JSON
reason-ai-no-choices = the AI server’s answer had no choices
reason-ai-answer-invalid-json = the AI answer was not valid JSON
reason-ai-answer-no-fields = the AI answer had none of the expected CV fields
reason-ai-no-text = the document has no text to send
reason-ai-answer-no-text = the AI answer did not contain the expected text
reason-ai-answer-far-too-long = the AI answer was far too long to use
reason-ai-nothing-to-rewrite = there is nothing to rewrite
reason-ai-nothing-to-summarise = the CV has no experience, education or skills to summarise yet
reason-ai-address-not-usable = the AI server address is not usable: { $why }

## The keychain (crates/ai keys)
reason-keychain = { $action ->
    [open] the keychain could not be opened
    [open-entry] the keychain entry could not be opened
    [save-api-key] the API key could not be saved
    [read-api-key] the API key could not be read
    [delete-api-key] the API key could not be deleted
    [save-sync-key] the sync key could not be saved
    [read-sync-key] the sync key could not be read
    [delete-sync-key] the sync key could not be deleted
   *[other] the keychain could not be used
}: { $why ->
    [locked] the keychain is locked or access was refused
    [unavailable] the keychain service is not available
    [no-entry] no key is saved
    [damaged] the saved key is damaged; save it again
    [too-long] the value is too long for the keychain
    [ambiguous] the keychain holds several keys for this profile
   *[other] the keychain refused the operation
}
reason-keychain-profile-name = { PLURAL($count) ->
    [one] the profile name must be 1 character long
   *[other] the profile name must be 1 to { $count } characters long
}
reason-api-key-empty = the API key is empty
reason-api-key-too-long = the API key is too long
reason-api-key-spaces = the API key contains spaces or line breaks; paste it again
reason-keys-poisoned = the key store is unusable after an earlier failure

## Server addresses (crates/core net)
reason-url-empty = no server address is set
reason-url-spaces = the address contains spaces or control characters
reason-url-backslash = the address contains a backslash
reason-url-invalid = the address is not a valid URL ({ $detail })
reason-url-user-info = the address must not contain a user name, a password or “@”
reason-url-query = the address must not contain “?” or “#”
reason-url-scheme = “{ $scheme }” is not http or https
reason-url-no-host = the address has no host name

## Sync (crates/sync)
reason-sync-unauthorized = the server did not accept the sync key (401): enter a new key
reason-sync-too-large = the server refused the request as too large (413)
reason-sync-busy = { $after ->
    [none] the server is busy (429)
   *[other] the server is busy (429); retry after { $after } s
}
reason-sync-server-failed = { $after ->
    [none] the server failed ({ $status })
   *[other] the server failed ({ $status }); retry after { $after } s
}
reason-sync-refused = the server refused the request ({ $status })
reason-sync-unreachable = the server could not be reached
reason-sync-timeout = the server did not answer in time
reason-sync-protocol = the server speaks sync protocol { $server }, this app speaks { $ours }
reason-sync-insecure = “{ $host }” must be reached over https
reason-sync-bad-url = the server address is not usable: { $why }

## Export (crates/export)
reason-export-is-folder = { $path } is a folder
reason-export-no-folder = the folder { $path } does not exist
reason-export-no-file-name = { $path } has no file name
reason-export-cannot-write = { $path } cannot be written
reason-export-unknown-format = “{ $format }” is not a format Job Gate writes (use docx, pdf or txt)
reason-template-faulty = the template “{ $name }” is faulty
reason-export-font-unknown = the template names a font Job Gate does not have
reason-export-font-load = a font could not be loaded
reason-export-font-subset = a font could not be cut down to the letters used
reason-export-pdf-write = the PDF could not be written
reason-export-docx-pack = the DOCX file could not be put together

## Reading files (crates/extract)
reason-file-empty = the file is empty
reason-text-too-many-lines = it holds more than { $max } lines of text, far more than any CV
reason-text-too-many-chars = it holds more than { $max } characters of text, far more than any CV
reason-pdf-structure = the PDF’s structure could not be read
reason-pdf-damaged = the PDF is damaged
reason-pdf-unsafe = the PDF is built in a way no CV is, which can overload programs: { $why }
reason-docx-damaged = the Word document is damaged or built in a way no CV is
reason-image-unreadable = the image could not be read
reason-ocr-not-found = the tesseract program was not found
reason-ocr-did-not-run = tesseract did not run
reason-ocr-no-english = tesseract has no English model (tesseract-ocr-eng)
reason-ocr-image-unreadable = text recognition could not read this image

## The desktop app (src-tauri)
reason-rank-choose-cvs = choose at least one CV to rank
reason-rank-stopped = the ranking stopped
reason-rank-first = rank some CVs first
reason-guest-nothing-to-protect = a guest has no profile to protect; create one first
reason-not-a-guest-export = { $path } is not one of the files the guest exported
reason-not-offered-for-deletion = { $path } is not one of the exported files offered for deletion
reason-policy-ai-off = this computer’s policy turns AI off
reason-ai-off-in-settings = AI is switched off in Settings
reason-ai-no-consent = you have not yet agreed in Settings to send CV text to this AI server
reason-file-not-removed = { $path } could not be deleted
reason-file-not-picked = this file was not chosen in a dialog or dropped on the window; choose it again
reason-sync-guest = a guest keeps nothing, so there is nothing to sync: open or create a profile
reason-sync-turn-on = turn sync on first
reason-sync-enter-url = enter the organisation’s server address first
reason-sync-save-key = save the sync key first
reason-sync-signed-out = the person signed out, so sync stopped
reason-show-in-folder = the file could not be shown in its folder
reason-guest-nothing-to-save = a guest has no profile to save: create one first
reason-file-passcode-needed = type the passcode the file was saved with
reason-not-json-resume = this JSON file is not a JSON Resume CV
reason-json-resume-empty = the JSON Resume file holds no CV
reason-sync-consent-first = agree first that your history is sent to { $origin }
reason-no-message = there is no message { $id }
reason-unknown-language = “{ $code }” is not a supported language (en, ar)
reason-ai-consent-first = agree first that CV text is sent to { $origin }
reason-ai-model-too-long = the model name is too long
reason-work-stopped = the work stopped before it was done
reason-import-not-saved = the import was not saved
reason-no-achievements = there are no achievements to reword yet
reason-no-such-job = there is no such job in the CV
reason-job-no-achievements = this job has no achievements to reword yet

## Reading Word documents (crates/extract docx)
reason-docx-bomb = its parts inflate beyond the { $mb } MB limit, far more than any CV (a zip bomb?)
reason-docx-no-body = the Word document has no body (word/document.xml)
reason-docx-too-many-paragraphs = a part holds more than { $max } paragraphs, far more than any CV

## Sync protocol answers (crates/sync)
reason-sync-no-https = a secure (HTTPS) connection could not be set up
reason-sync-unexpected-body = the server answered { $status } with something that is not a sync protocol answer
reason-sync-unhealthy = the server says its health is “{ $status }”
reason-sync-push-not-written = the changes to send could not be written out
reason-sync-answer-broke-off = the server’s answer broke off
reason-sync-answer-too-large = the server’s answer is larger than { $mb } MB
reason-sync-push-unanswered = the server’s answer neither accepted nor refused any of the changes sent
reason-sync-pull-stuck = the server says there are more changes to fetch but gives none

## Checking PDFs before reading them (crates/extract pdf_scan)
reason-pdf-decoded-too-large = its decoded content exceeds { $mb } MB (a stream repeated or inflated without end)
reason-pdf-nested = its objects are nested more than { $max } deep
reason-pdf-unknown-filter = an object stream uses a compression that cannot be checked
reason-pdf-saves-deep = it saves the graphics state more than { $max } deep
reason-pdf-page-pieces = it holds more than { $max } pieces of text on a page
reason-pdf-page-text = it holds more than { $kb } KB of text on a page
reason-pdf-many-forms = a page draws more than { $max } forms
reason-pdf-tree-entries = its page tree has more than { $max } entries
reason-pdf-tree-deep = its page tree is nested more than { $max } deep
reason-pdf-tree-repeats = its page tree lists the same page more than once
reason-pdf-tree-loop = its page tree lists its own nodes again (a loop that multiplies)
reason-pdf-many-pieces = it holds more than { $max } pieces of text

## The bounded reader (crates/engine bounded)
reason-reader-deadline = the file was still being read after { $seconds } s
reason-reader-ocr-deadline = page { $page } was still being read by text recognition (OCR) after { $seconds } s
reason-reader-garbled = the file reader’s answer was garbled
reason-reader-out-of-stack = the file reader ran out of its { $mb } MB stack
reason-reader-out-of-memory = the file reader ran out of its { $mb } MB of memory
reason-reader-ended = the file reader stopped before it answered

## Updates (src-tauri updater)
reason-policy-updates-off = this computer’s policy turns updates off
reason-update-not-set-up = this copy was built without an update server and key
reason-update-no-updater = there is no updater in this app
reason-update-nothing-found = no update was found by a check
reason-update-older = the server offered { $offered }; { $installed } is installed

## Text recognition (crates/extract ocr)
reason-ocr-no-start = the text recognition program { $program } could not be started
reason-ocr-no-pipes = the page could not be handed to text recognition (tesseract)
reason-ocr-page-timeout = text recognition (tesseract) took longer than { $seconds } s on one page
reason-ocr-lost = text recognition (tesseract) could not be followed to its end
