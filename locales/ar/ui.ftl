# واجهة تطبيق سطح المكتب (ar). كل المعرّفات تبدأ بـ "ui-" ومطابقة لـ locales/en/ui.ftl.
ui-app-title = بوابة الوظائف
ui-skip-to-content = انتقل إلى المحتوى
ui-nav-label = الأقسام الرئيسية
ui-nav-import = الاستيراد والتحليل
ui-nav-builder = إنشاء سيرة ذاتية
ui-nav-export = التصدير
ui-nav-history = السجل
ui-nav-settings = الإعدادات
ui-nav-status = الحالة

ui-import-title = استورد سيرتك الذاتية وحلّلها
ui-import-intro = أفلت ملف PDF أو Word ‏(DOCX)، أو صورة أو مسحًا ضوئيًا لسيرتك (PNG أو JPEG)، في أي مكان من هذه النافذة، أو اختر ملفًا. لا شيء يغادر جهازك.
ui-import-drop = أفلت سيرتك الذاتية هنا
ui-import-choose = اختر ملفًا…
ui-import-dialog-title = اختر سيرتك الذاتية
ui-import-dialog-filter = سيرة ذاتية (PDF أو DOCX أو صورة: PNG أو JPEG أو TIFF)
ui-import-cancel = إلغاء
ui-import-stopped = أُوقف الاستيراد، ولم يُحفظ شيء.
ui-import-working = جارٍ التحليل…
ui-progress-reading = جارٍ قراءة الملف…
ui-progress-extracting = جارٍ استخراج النص…
ui-progress-scoring = جارٍ الفحص كما يفعل نظام تتبّع المتقدمين…
ui-progress-ai = جارٍ الطلب من الذكاء الاصطناعي قراءتها أيضًا…
ui-progress-saving = جارٍ الحفظ في السجل…
ui-progress-done = تم
ui-progress-ocr-page = جارٍ قراءة الصفحة { $page } من { $pages } (مسح ضوئي: يستغرق التعرّف على النص بضع ثوانٍ لكل صفحة)…
ui-score-label = نتيجة ATS
ui-score-out-of = من 100
ui-analysis-done = اكتمل التحليل: نتيجة ATS هي { $score } من 100.
ui-score-good = جاهزة لمعظم أنظمة التقديم
ui-score-fair = بداية جيدة؛ أصلح النقاط أدناه
ui-score-poor = تحتاج إلى تحسين قبل التقديم
ui-checklist-title = قائمة الفحص
ui-check-passed = ناجح
ui-check-failed = يحتاج إصلاحًا
ui-check-points = { $points } / { $max } نقطة
ui-check-fix = طريقة الإصلاح
ui-suggestions-title = اقتراحات
ui-warnings-title = ملاحظات عن هذا الملف
ui-cv-title = سيرتك الذاتية كما قرأناها
ui-cv-intro = صحّح أي شيء قرأناه خطأً ثم احفظ. النسخة المصحّحة هي التي تُصدَّر.
ui-cv-save = حفظ التصحيحات
ui-cv-saved = حُفظت كنسخة جديدة
ui-analysis-meta = اللغة: { $language } · قُرئت في { $seconds } ث
ui-file-label = الملف

ui-section-personal = بيانات التواصل
ui-section-summary = الملخص
ui-section-experience = الخبرات
ui-section-education = التعليم
ui-section-skills = المهارات
ui-section-achievements = الإنجازات
ui-section-certifications = الشهادات
ui-section-languages = اللغات
ui-section-projects = المشاريع
ui-field-name = الاسم
ui-field-email = البريد الإلكتروني
ui-field-phone = الهاتف
ui-field-location = الموقع
ui-field-headline = المسمى المهني
ui-field-links = الروابط (رابط في كل سطر)
ui-field-title = المسمى الوظيفي
ui-field-company = جهة العمل
ui-field-period = الفترة
ui-field-achievements = الإنجازات (إنجاز في كل سطر)
ui-field-degree = الدرجة العلمية
ui-field-field = التخصص
ui-field-school = الجامعة أو المدرسة
ui-field-years = السنوات
ui-field-list = عنصر في كل سطر
ui-field-language-name = اللغة
ui-field-level = المستوى
ui-field-description = الوصف
ui-field-link = الرابط
ui-empty-section = لم نجد شيئًا في هذا القسم.

ui-builder-title = أنشئ سيرتك الذاتية خطوة بخطوة
ui-builder-intro = أجب عن سؤال واحد في كل مرة. يمكنك الرجوع أو تخطي سؤال أو تعديل قسم في أي لحظة.
ui-builder-start = ابدأ سيرة ذاتية جديدة
ui-builder-start-from-import = حسّن السيرة المستوردة
ui-builder-answer-label = إجابتك
ui-builder-send = إرسال
ui-builder-back = رجوع
ui-builder-skip = تخطٍّ
ui-builder-review = مراجعة
ui-builder-done = إنهاء
ui-builder-edit = تعديل قسم
ui-builder-accept = استخدم هذه الصياغة
ui-builder-keep = أبقِ صياغتي
ui-builder-rewrite-title = صياغة مقترحة
ui-builder-progress = التقدّم
ui-builder-conversation = المحادثة مع منشئ السيرة
ui-builder-missing = ما زال ناقصًا
ui-builder-minutes-left = { PLURAL($count) ->
    [zero] أوشكت على الانتهاء
    [one] بقيت دقيقة واحدة تقريبًا
    [two] بقيت دقيقتان تقريبًا
    [few] بقيت { $count } دقائق تقريبًا
    [many] بقيت { $count } دقيقة تقريبًا
   *[other] بقيت { $count } دقيقة تقريبًا
}
ui-builder-preview = معاينة مباشرة
ui-builder-unavailable = منشئ السيرة غير متاح في هذا الإصدار بعد.
ui-builder-you = أنت
ui-builder-assistant = بوابة الوظائف

ui-export-title = صدّر سيرتك الذاتية
ui-export-intro = اختر قالبًا وصيغة. كل القوالب متوافقة مع أنظمة ATS: نص حقيقي وعناوين قياسية وترتيب قراءة واضح.
ui-export-template = القالب
ui-export-format = الصيغة
ui-export-format-docx = Word ‏(DOCX)
ui-export-format-pdf = PDF
ui-export-language = لغة عناوين السيرة
ui-export-save = حفظ باسم…
ui-export-dialog-title = احفظ سيرتك الذاتية
ui-export-done = حُفظ
ui-export-show = إظهار في المجلد
ui-export-nothing = استورد سيرة ذاتية أو أنشئها أولًا ثم صدّرها هنا.
ui-export-unavailable = التصدير غير متاح في هذا الإصدار بعد.
ui-export-preview = معاينة
ui-export-preview-alt = الصفحة الأولى من سيرتك الذاتية بقالب { $template } كما ستبدو في ملف PDF
ui-export-preview-working = جارٍ رسم المعاينة…

ui-history-title = السجل
ui-history-intro = سيرك الذاتية ونسخها وتحليلاتها وملفاتها المصدّرة، الأحدث أولًا. محفوظة على هذا الجهاز فقط.
ui-history-cvs = السير الذاتية
ui-history-analyses = التحليلات
ui-history-exports = الملفات المصدّرة
ui-history-sessions = جلسات الإنشاء
ui-history-open = فتح
ui-history-empty = لا شيء هنا بعد.
ui-history-versions = { PLURAL($count) ->
    [zero] لا نسخ
    [one] نسخة واحدة
    [two] نسختان
    [few] { $count } نسخ
    [many] { $count } نسخة
   *[other] { $count } نسخة
}
ui-history-score = النتيجة { $score }
ui-history-refresh = تحديث

ui-settings-title = الإعدادات
ui-settings-language = اللغة
ui-settings-language-en = English
ui-settings-language-ar = العربية
ui-settings-ai = المساعدة بالذكاء الاصطناعي
ui-settings-ai-enable = استخدم الذكاء الاصطناعي لقراءة السير وتحسين الصياغة (يتطلب اتصالًا بالإنترنت ومفتاح OpenRouter)
ui-settings-ai-key = مفتاح OpenRouter
ui-settings-ai-key-help = يُحفظ في سلسلة مفاتيح نظامك فقط، ولا يُعرض كاملًا مرة أخرى.
ui-settings-ai-key-save = حفظ المفتاح
ui-settings-ai-key-delete = إزالة المفتاح
ui-settings-ai-key-saved = المفتاح المحفوظ: { $hint }
ui-settings-ai-key-none = لا يوجد مفتاح محفوظ
ui-settings-data = بياناتك
ui-settings-data-folder = مجلد البيانات
ui-settings-delete-all = احذف كل بياناتي
ui-settings-delete-confirm = هل تريد حذف السجل وجلسات الإنشاء والإعدادات والمفتاح المحفوظ من هذا الجهاز؟ تبقى الملفات التي صدّرتها حيث حفظتها.
ui-settings-deleted = حُذفت كل بياناتك.
ui-settings-saved = حُفظت الإعدادات

ui-status-title = الحالة
ui-status-storage = التخزين
ui-status-storage-ok = سليم
ui-status-storage-problem = مشكلة: { $reason }
ui-storage-memory-only = لا يُحفَظ شيء: تعذّر على Job Gate فتح مجلد بياناته، لذا يبقى عملك في الذاكرة فقط ويضيع عند إغلاق التطبيق.
ui-storage-memory-only-action = أغلق Job Gate، وتأكد أن مجلد البيانات قابل للكتابة (تعرض الإعدادات مكانه)، ثم شغّل Job Gate من جديد.
ui-status-ai = خدمة الذكاء الاصطناعي
ui-status-ai-off = متوقفة
ui-status-ai-no-key = مفعّلة لكن بلا مفتاح محفوظ
ui-status-ai-reachable = متاحة
ui-status-ai-unreachable = غير متاحة (تُستخدم القواعد بدلًا منها)
ui-status-version = الإصدار
ui-status-data-folder = مجلد البيانات
ui-status-check = افحص مجددًا

ui-error-title = حدث خطأ
ui-error-action = ما يمكنك فعله
ui-error-dismiss = إغلاق
ui-language-en = الإنجليزية
ui-language-ar = العربية
ui-language-mixed = العربية والإنجليزية
ui-close = إغلاق
ui-cancel = إلغاء
ui-confirm = تأكيد

# الذكاء الاصطناعي: الموافقة، إعادة الصياغة، الملخصات
ui-settings-ai-consent = عند تشغيل الذكاء الاصطناعي يُرسَل نص كل سيرة ذاتية تستوردها، والإنجازات التي تطلب إعادة صياغتها، والسيرة التي تطلب تلخيصها إلى { $host }. لا تُرسَل بيانات الاتصال مع طلب الملخص. يبقى مفتاحك في سلسلة مفاتيح النظام. يمكنك إيقاف الذكاء الاصطناعي في أي وقت.
ui-settings-ai-consent-yes = أوافق، شغّله
ui-settings-ai-server = خادم الذكاء الاصطناعي: { $host }
ui-builder-ai-rewrite = اقترح صياغة بالذكاء الاصطناعي
ui-ai-summary = اكتب ملخصًا بالذكاء الاصطناعي
ui-ai-summary-title = ملخص كتبه الذكاء الاصطناعي
ui-ai-summary-use = استخدم هذا الملخص
ui-ai-working = جارٍ سؤال الذكاء الاصطناعي…
ui-ai-stop = أوقف الذكاء الاصطناعي
ui-settings-ai-url = عنوان خادم الذكاء الاصطناعي
ui-settings-ai-model = النموذج
ui-settings-ai-server-help = اترك الحقلين فارغين لاستخدام OpenRouter مع نموذج DeepSeek. يعمل أي خادم متوافق مع OpenAI، مثل Ollama محلي على العنوان http://127.0.0.1:11434/v1، فلا تغادر سيرتك الذاتية شبكتك.
ui-settings-ai-server-save = استخدم هذا الخادم
ui-ai-writing = الذكاء الاصطناعي يكتب…

# شاشة المطابقة: ترتيب السير الذاتية حسب وصف وظيفة
ui-nav-match = مطابقة السير مع وظيفة
ui-match-title = رتّب السير الذاتية حسب وظيفة
ui-match-intro = الصق وصف الوظيفة أو افتح ملفه، واختر السير الذاتية، ثم رتّبها. يجري كل شيء على هذا الجهاز، ولا تُضاف السير التي ترتّبها هنا إلى سجلك.
ui-match-job = وصف الوظيفة
ui-match-job-label = الصق وصف الوظيفة هنا أو افتح ملفًا
ui-match-job-open = افتح ملفًا…
ui-match-job-dialog-title = اختر وصف الوظيفة
ui-match-job-dialog-filter = وصف الوظيفة (TXT أو PDF أو DOCX)
ui-match-cvs = السير الذاتية المراد ترتيبها
ui-match-add-files = أضف ملفات…
ui-match-add-folder = أضف مجلدًا…
ui-match-files-dialog-title = اختر السير الذاتية المراد ترتيبها
ui-match-folder-dialog-title = اختر مجلدًا فيه سير ذاتية
ui-match-chosen-files = الملفات المختارة
ui-match-no-files = لم تختر أي ملف بعد.
ui-match-remove = إزالة
ui-match-clear = أفرغ القائمة
ui-match-from-history = سير ذاتية من سجلك
ui-match-history-empty = لا توجد سير ذاتية في سجلك بعد.
ui-match-rank = رتّب
ui-match-working = جارٍ تحليل السير الذاتية…
ui-match-progress = { PLURAL($count) ->
    [zero] لا توجد سير ذاتية للتحليل
    [one] حُلّلت { $done } من سيرة واحدة
    [two] حُلّلت { $done } من سيرتين
    [few] حُلّلت { $done } من { $count } سير
    [many] حُلّلت { $done } من { $count } سيرة
   *[other] حُلّلت { $done } من { $count } سيرة
}
ui-match-ranked = { PLURAL($count) ->
    [zero] لم تُرتَّب أي سيرة
    [one] رُتّبت سيرة واحدة
    [two] رُتّبت سيرتان
    [few] رُتّبت { $count } سير
    [many] رُتّبت { $count } سيرة
   *[other] رُتّبت { $count } سيرة
}
ui-match-results = الترتيب
ui-match-job-untitled = (لم يُعثر على مسمى وظيفي)
ui-match-required = المهارات المطلوبة
ui-match-preferred = المهارات المفضّلة
ui-match-min-years = { PLURAL($count) ->
    [zero] بلا خبرة مشترطة
    [one] خبرة سنة واحدة على الأقل
    [two] خبرة سنتين على الأقل
    [few] خبرة { $years } سنوات على الأقل
    [many] خبرة { $years } سنة على الأقل
   *[other] خبرة { $years } سنة على الأقل
}
ui-match-col-rank = الترتيب
ui-match-col-cv = السيرة الذاتية
ui-match-col-score = الدرجة
ui-match-col-matched = المهارات المطلوبة الموجودة
ui-match-col-missing = المهارات المطلوبة الناقصة
ui-match-col-details = التفاصيل
ui-match-score = { $score } من 100
ui-match-band-good = مناسبة جدًا لهذه الوظيفة
ui-match-band-fair = مناسبة جزئيًا لهذه الوظيفة
ui-match-band-poor = ضعيفة المناسبة لهذه الوظيفة
ui-match-show-reasons = الأسباب
ui-match-reasons-for = أسباب ترتيب { $name }
ui-match-points = { $points } من { $max }
ui-match-from-history-tag = من سجلك
ui-match-failed-title = سير ذاتية تعذّرت قراءتها
ui-match-save-csv = احفظ بصيغة CSV…
ui-match-csv-dialog-title = احفظ الترتيب
ui-match-csv-file-name = ترتيب-المرشحين.csv
ui-match-csv-saved = حُفظ الترتيب

# سيرة واحدة مقابل وصف وظيفة (شاشة الاستيراد والتحليل)
ui-fit-title = قارن بوصف وظيفة
ui-fit-intro = الصق وصف وظيفة تريد التقدّم إليها لترى مدى ملاءمة هذه السيرة لها والكلمات المفتاحية الناقصة فيها.
ui-fit-label = وصف الوظيفة
ui-fit-check = قارن
ui-fit-score = الملاءمة لهذه الوظيفة
ui-fit-missing = كلمات مفتاحية تنقص سيرتك
ui-fit-matched = كلمات مفتاحية موجودة
ui-fit-none-missing = لا شيء: في سيرتك كل الكلمات المفتاحية التي تذكرها هذه الوظيفة.

# السجل: الحذف، مقارنة النسخ، استئناف جلسة إنشاء
ui-history-delete = حذف
ui-history-delete-confirm = هل تريد حذف «{ $title }» مع كل نسخها وتحليلاتها وسجلات تصديرها؟ تبقى الملفات التي صدّرتها حيث حفظتها.
ui-history-deleted = حُذفت السيرة الذاتية.
ui-history-deleted-not-compacted = تعذّر ضغط ملف قاعدة البيانات فورًا (كان مشغولًا): قد تبقى آثار من السيرة فيه حتى يُغلَق Job Gate.
ui-history-compare = قارن النسخ
ui-history-compare-title = قارن بين نسختين
ui-history-compare-old = النسخة الأقدم
ui-history-compare-new = النسخة الأحدث
ui-history-compare-show = قارن
ui-history-compare-close = أغلق المقارنة
ui-history-version = النسخة { $number } ({ $source }، { $date })
ui-history-source-import = مستوردة
ui-history-source-builder = مُنشأة
ui-history-source-edit = معدّلة
ui-history-source-ai = بالذكاء الاصطناعي
ui-history-resume = استئناف
ui-history-session = جلسة إنشاء، { $state }
ui-history-session-done = مكتملة
ui-history-session-open = قيد التقدّم
ui-history-session-turns = { PLURAL($count) ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
    [many] { $count } إجابة
   *[other] { $count } إجابة
}
ui-diff-added = أُضيف
ui-diff-removed = حُذف
ui-diff-changed = تغيّر
ui-diff-same = بلا تغيير
ui-diff-no-changes = النسختان متطابقتان.
ui-diff-unchanged-section = لا تغييرات في هذا القسم.

## الأشخاص على حاسوب واحد: الاختيار، فتح القفل، القفل، رموز المرور، المسح
ui-person-using = يستخدم Job Gate الآن
ui-person-guest = ضيف
ui-person-lock = اقفل الآن
ui-person-switch = تبديل الشخص
ui-person-locked = محمي برمز مرور
ui-picker-title = من يستخدم Job Gate؟
ui-picker-intro = اختر ملفك. تبقى السير الذاتية والسجل والإعدادات لكل شخص منفصلة، والملف المحمي برمز مرور مشفَّر على هذا الحاسوب.
ui-picker-people = الأشخاص على هذا الحاسوب
ui-picker-none = لا يوجد ملف لأي شخص على هذا الحاسوب بعد.
ui-picker-new = شخص جديد
ui-picker-guest = ضيف
ui-picker-guest-help = استخدم Job Gate دون ملف: لا يُحفَظ شيء بعد مغادرتك.
ui-picker-policy-problem = تعذّر استخدام ملف سياسة هذا الحاسوب، لذا تُطبَّق أكثر الإعدادات أمانًا: { $problem }
ui-unlock-title = فتح قفل «{ $name }»
ui-unlock-passcode = رمز المرور
ui-unlock-submit = افتح
ui-unlock-wrong = رمز المرور غير صحيح.
ui-unlock-forgot = نسيت رمز المرور؟
ui-unlock-forgot-text = لا يمكن استعادة رمز المرور — لا أنت ولا موظفو المركز ولا Job Gate — لأن بياناتك مشفَّرة به. الطريقة الوحيدة لاستخدام هذا الاسم مجددًا هي مسح الملف بكل ما فيه والبدء من جديد.
ui-unlock-set-title = اختر رمز مرور لـ«{ $name }»
ui-unlock-set-intro = يشترط هذا الحاسوب رمز مرور لكل ملف. اختر رمزًا قبل المتابعة، وستُشفَّر بياناتك به.
ui-passcode-new = رمز المرور الجديد
ui-passcode-repeat = اكتب رمز المرور الجديد مرة أخرى
ui-passcode-current = رمز المرور الحالي
ui-passcode-mismatch = رمزا المرور غير متطابقين.
ui-passcode-help = أربعة أحرف على الأقل. لا يمكن استعادته إن نسيته، فاحفظه في مكان آمن.
ui-new-person-title = شخص جديد
ui-new-person-name = الاسم (يراه الآخرون على هذا الحاسوب في القائمة)
ui-new-person-passcode = رمز المرور (يُنصَح به)
ui-new-person-passcode-required = رمز المرور (مطلوب على هذا الحاسوب)
ui-new-person-create = أنشئ وافتح
ui-wipe-title = مسح «{ $name }»؟
ui-wipe-text = يُحذَف كل ما في هذا الملف — السير الذاتية ونسخها والتحليلات وجلسات الإنشاء والإعدادات ومفتاح الذكاء الاصطناعي المحفوظ — من هذا الحاسوب ولا يمكن استعادته.
ui-wipe-files = احذف أيضًا هذه الملفات التي صدّرتها:
ui-wipe-confirm = امسح نهائيًا
ui-wipe-done = مُسِح الملف.
ui-wipe-files-deleted = الملفات المصدَّرة المحذوفة: { $count }
ui-profile-legend = الملف الشخصي
ui-profile-protected = محمي برمز مرور: بيانات هذا الملف مشفَّرة على هذا الحاسوب.
ui-profile-unprotected = بلا رمز مرور: يمكن لأي شخص يستخدم هذا الحاسوب فتح هذا الملف.
ui-profile-guest = أنت ضيف: لا يُحفَظ شيء مما تفعله هنا بعد مغادرتك. لتحتفظ بعملك أنشئ ملفًا.
ui-profile-set = عيّن رمز مرور
ui-profile-change = غيّر رمز المرور
ui-profile-remove = أزل رمز المرور
ui-profile-remove-blocked = يشترط هذا الحاسوب رمز مرور لكل ملف، فلا يمكن إزالته.
ui-profile-wipe = امسح هذا الملف…
ui-profile-passcode-saved = حُفِظ رمز المرور، وهذا الملف مشفَّر به.
ui-profile-passcode-removed = أُزيل رمز المرور، ولم يعد هذا الملف مشفَّرًا.
ui-settings-ai-blocked = لا يمكن تشغيل الذكاء الاصطناعي: { $reason }
ui-idle-locked = قُفِل بعد مدة دون نشاط.
ui-sync-legend = المزامنة مع مؤسستك
ui-sync-help = اختيارية. ترسل سجلّك إلى خادم مؤسستك (مثل مركز التوظيف) ليصل إلى سجلاتهم وتستعيده على حاسوب آخر. تبقى متوقفة حتى تشغّلها؛ ولا يغادر شيء هذا الحاسوب وهي متوقفة.
ui-sync-url = عنوان الخادم
ui-sync-key = مفتاح المزامنة
ui-sync-key-help = تعطيك إياه مؤسستك. يُحفَظ في سلسلة مفاتيح النظام فقط ولا يُعرَض كاملًا مرة أخرى.
ui-sync-key-save = احفظ المفتاح
ui-sync-key-delete = احذف المفتاح
ui-sync-key-saved = المفتاح المحفوظ: { $hint }
ui-sync-key-none = لا يوجد مفتاح محفوظ
ui-sync-save-url = احفظ العنوان
ui-sync-test = اختبر الاتصال
ui-sync-testing = جارٍ الاختبار…
ui-sync-enable = زامِن سجلّي مع هذا الخادم
ui-sync-now = زامِن الآن
ui-sync-running = جارٍ المزامنة…
ui-sync-server = تذهب بياناتك إلى: { $server }
ui-sync-consent = عند تشغيل المزامنة تُرسَل إلى { $server } كل سيرة ذاتية تستوردها أو تبنيها، ونسخها، وتحليلاتها، وجلسات المُنشئ، وقائمة ملفاتك المُصدَّرة (الأسماء فقط لا الملفات)، الآن وكلما تغيّرت. يبقى مفتاحك في سلسلة مفاتيح النظام. يمكنك إيقاف المزامنة في أي وقت؛ وما أُرسل يبقى لدى مؤسستك.
ui-sync-consent-yes = أوافق، شغّلها
ui-sync-blocked = أوقف مسؤول هذا الحاسوب المزامنة عليه.
ui-sync-guest = الضيف لا يحتفظ بشيء، فلا شيء للمزامنة. افتح ملفًا شخصيًا أو أنشئ واحدًا لاستخدام المزامنة.
ui-sync-off = المزامنة متوقفة: لا يغادر شيء هذا الحاسوب.
ui-sync-pending = { PLURAL($count) ->
    [zero] لا تغييرات بانتظار الإرسال
    [one] تغيير واحد بانتظار الإرسال
    [two] تغييران بانتظار الإرسال
    [few] { $count } تغييرات بانتظار الإرسال
    [many] { $count } تغييرًا بانتظار الإرسال
   *[other] { $count } تغيير بانتظار الإرسال
}
ui-sync-nothing-waiting = لا شيء بانتظار الإرسال
ui-sync-rejected = { PLURAL($count) ->
    [zero] لم يرفض الخادم أي تغيير
    [one] رفض الخادم تغييرًا واحدًا وهو محفوظ هنا
    [two] رفض الخادم تغييرين وهما محفوظان هنا
    [few] رفض الخادم { $count } تغييرات وهي محفوظة هنا
    [many] رفض الخادم { $count } تغييرًا وهي محفوظة هنا
   *[other] رفض الخادم { $count } تغيير وهي محفوظة هنا
}
ui-sync-last = آخر مزامنة ناجحة: { $time }
ui-sync-never = لم تتم المزامنة بعد
ui-sync-last-error = آخر مشكلة: { $error }
ui-sync-done = تمت المزامنة: أُرسل { $pushed } واستُلم { $pulled }.
ui-sync-test-ok = تم الاتصال بـ { $server }. قبِل الخادم مفتاحك.
ui-sync-test-ok-no-key = الخادم { $server } يستجيب. احفظ مفتاح المزامنة لإكمال الإعداد.
ui-sync-test-failed = تعذّر استخدام { $server }: { $error }
ui-sync-test-insecure = مرفوض: سيتلقى { $host } بياناتك دون تشفير عبر http:// العادي. استخدم عنوانًا يبدأ بـ https://؛ يُسمح بـ http:// العادي فقط لخادم على هذا الحاسوب.
ui-sync-test-bad-address = هذا ليس عنوان خادم صالحًا: { $reason }
ui-sync-error-key = لم يقبل الخادم مفتاح المزامنة. أدخل مفتاحًا جديدًا.
ui-sync-error-insecure = العنوان يستخدم http:// العادي إلى حاسوب آخر. استخدم https://.
ui-sync-error-address = عنوان الخادم غير صالح.
ui-sync-error-offline = تعذّر الوصول إلى الخادم. هل أنت غير متصل؟ تنتظر تغييراتك هنا وتُرسَل لاحقًا.
ui-sync-error-timeout = لم يستجب الخادم في الوقت المحدد. تنتظر تغييراتك هنا وتُرسَل لاحقًا.
ui-sync-error-server = حدثت مشكلة في الخادم. تنتظر تغييراتك هنا وتُرسَل لاحقًا.
ui-sync-error-refused = رفض الخادم الطلب.
ui-sync-error-protocol = الخادم لا يتحدث بروتوكول المزامنة الخاص بـ Job Gate.
ui-sync-error-local = تعذّرت على هذا الحاسوب قراءة بياناتك أو كتابتها.
ui-status-sync = خادم المزامنة
ui-status-sync-off = متوقف
ui-status-sync-ok = يمكن الوصول إليه
ui-status-sync-down = لا يمكن الوصول إليه (تنتظر التغييرات على هذا الحاسوب)
# نقل ملف شخصي أو سيرة ذاتية إلى حاسوب آخر (ملف الملف الشخصي، JSON Resume)
ui-moves-profile-save = احفظ ملفي الشخصي في ملف…
ui-moves-profile-save-title = احفظ ملفك الشخصي في ملف
ui-moves-profile-save-intro = يحوي الملف سيرك الذاتية وسجلّك وإعداداتك، مشفّرة برمز مرور للملف تختاره الآن. انقله إلى حاسوب آخر وافتحه هناك عبر «أحضر ملفًا شخصيًا من حاسوب آخر…». احفظ رمز المرور بعيدًا عن الملف.
ui-moves-profile-current = رمز مرور ملفك الشخصي
ui-moves-file-passcode = رمز مرور الملف
ui-moves-file-passcode-repeat = اكتب رمز مرور الملف مرة أخرى
ui-moves-profile-save-submit = اختر مكان الحفظ…
ui-moves-profile-saved = حُفظ ملفك الشخصي في { $path }. افتحه على الحاسوب الآخر برمز مرور الملف.
ui-moves-profile-filter = ملف شخصي من Job Gate
ui-moves-profile-bring = أحضر ملفًا شخصيًا من حاسوب آخر…
ui-moves-profile-open-title = أحضر ملفًا شخصيًا من حاسوب آخر
ui-moves-profile-bring-intro = اختر ملف الملف الشخصي المحفوظ على الحاسوب الآخر واكتب رمز مرور الملف. يصل الملف الشخصي هنا مقفلًا بذلك الرمز.
ui-moves-profile-new-name = اسم جديد (فقط إن كان الاسم مستخدمًا هنا)
ui-moves-profile-bring-submit = اختر الملف…
ui-moves-profile-brought = أصبح { $name } على هذا الحاسوب. افتحه برمز مرور الملف.
ui-moves-json-export = صدّر بصيغة JSON Resume
ui-moves-json-save-title = احفظ بصيغة JSON Resume
ui-moves-json-exported = حُفظت بصيغة JSON Resume: { $path }
ui-moves-json-import = استورد JSON Resume…
ui-moves-json-open-title = اختر ملف JSON Resume
ui-moves-json-filter = JSON Resume (.json)
ui-moves-json-imported = أُضيفت السيرة الذاتية لـ { $name } إلى سيرك الذاتية.

# A guest leaving: the files they exported (PDF, DOCX, JSON) are outside Job Gate's data, so the app asks.
ui-guest-files-title = ملفات حُفظت في جلسة الضيف
ui-guest-files-text-left = حفظ الضيف الذي غادر للتوّ هذه الملفات على هذا الحاسوب. هي ليست جزءًا من بيانات Job Gate، لذا تبقى ما لم تحذفها.
ui-guest-files-text-quit = حفظتَ هذه الملفات على هذا الحاسوب بصفتك ضيفًا. هي ليست جزءًا من بيانات Job Gate، لذا تبقى بعد إغلاق Job Gate ما لم تحذفها.
ui-guest-files-legend = احذف هذه الملفات من هذا الحاسوب:
ui-guest-files-keep = أبقِها
ui-guest-files-delete = احذف الملفات المحدّدة
ui-guest-files-stay = لا تُغلق
ui-guest-files-keep-quit = أبقِها وأغلق
ui-guest-files-delete-quit = احذف الملفات المحدّدة وأغلق
ui-guest-files-deleted = الملفات المحذوفة: { $count }
# The profile made on first use or from an earlier release's single database (the command line calls it "default").
ui-person-default = الملف الرئيسي
ui-profile-default-note = يسمّي سطر الأوامر هذا الملف «default».
# What the machine's policy imposes, listed in Settings → Profile.
ui-policy-title = ضبطها مسؤول هذا الحاسوب:
ui-policy-passcode = يحتاج كل ملف إلى رمز مرور.
ui-policy-guest = يبدأ Job Gate بوضع الضيف.
ui-policy-idle = يُقفَل الملف تلقائيًا بعد مدة بلا نشاط (عدد الدقائق: { $minutes }).
ui-policy-no-ai = الذكاء الاصطناعي مُطفأ.
ui-policy-no-sync = المزامنة مُطفأة.
ui-policy-no-updates = لا يبحث Job Gate عن تحديثات.
ui-updates-legend = التحديثات
ui-updates-help = لا يسأل Job Gate خادم التحديثات عن إصدار جديد إلا عندما تختار «ابحث الآن» أو تشغّل البحث التلقائي. يُتحقَّق من كل تحديث بمفتاح التوقيع المدمج في هذا التطبيق قبل تثبيته؛ ويُرفض التحديث الذي لا يجتاز التحقق، وكذلك الإصدار الأقدم.
ui-updates-version = الإصدار المثبَّت: { $version }
ui-updates-server = تأتي التحديثات من: { $server }
ui-updates-auto = ابحث عن التحديثات تلقائيًا (مرة في اليوم تقريبًا)
ui-updates-check = ابحث الآن
ui-updates-checking = جارٍ البحث عن تحديثات…
ui-updates-up-to-date = Job Gate محدَّث.
ui-updates-never = لم يُبحث عن تحديثات بعد.
ui-updates-last-check = آخر بحث: { $time }
ui-updates-last-problem = آخر مشكلة: { $error }.
ui-updates-available = الإصدار { $version } متاح.
ui-updates-notes = ما الذي تغيّر
ui-updates-published = نُشر في { $date }
ui-updates-install = نزّل وثبّت
ui-updates-installing = جارٍ التنزيل والتحقق من التوقيع…
ui-updates-progress = تقدّم التنزيل
ui-updates-installed = ثُبّت الإصدار { $version }. أعد تشغيل Job Gate لاستخدامه.
ui-updates-restart = أعد التشغيل الآن
