# سبب الخطأ (يأتي بعد رسالة الخطأ): reason-<المجال>-<الحالة>.
# الوسائط بين علامات التنصيص هي كلمات الشخص نفسه (مسارات وأسماء)، تُعزل عند العرض.

## Your data (crates/store)
reason-store-stored-json = تعذّرت قراءة بيانات حفظها Job Gate
reason-store-no-home = لا يوجد مجلد منزلي لحفظ البيانات فيه؛ اضبط JOBGATE_DATA_DIR
reason-store-file = تعذّر استخدام ملف البيانات { $path }
reason-store-not-a-database = الملف { $path } مشفّر أو ليس قاعدة بيانات لـ Job Gate
reason-store-no-wal = تعذّر تحويل قاعدة البيانات إلى وضع الكتابة الآمن (WAL)
reason-store-newer-schema = كُتبت البيانات بإصدار أحدث من Job Gate (المخطط { $version }، وهذا الإصدار يعرف حتى { $known })؛ ثبّت الإصدار الأحدث
reason-profile-name-empty = يحتاج الملف الشخصي إلى اسم
reason-no-cv = لا توجد سيرة ذاتية رقمها { $id }
reason-no-cv-version = لا توجد نسخة من السيرة الذاتية رقمها { $id }
reason-no-analysis = لا يوجد تحليل رقمه { $id }
reason-store-no-profile-row = لا تحتوي البيانات على ملف شخصي رقمه { $id }
reason-setting-is-secret = تُحفظ الأسرار في سلسلة مفاتيح نظام التشغيل، ولا تُحفظ أبدًا في قاعدة البيانات
reason-profile-name-too-long = { PLURAL($count) ->
    [zero] لا يتجاوز اسم الملف الشخصي { $count } حرف
    [one] لا يتجاوز اسم الملف الشخصي حرفًا واحدًا
    [two] لا يتجاوز اسم الملف الشخصي حرفين
    [few] لا يتجاوز اسم الملف الشخصي { $count } أحرف
    [many] لا يتجاوز اسم الملف الشخصي { $count } حرفًا
   *[other] لا يتجاوز اسم الملف الشخصي { $count } حرف
}
reason-profile-name-control = لا يمكن أن يحتوي اسم الملف الشخصي على محارف تحكّم
reason-store-profile-index = تعذّرت قراءة قائمة الملفات الشخصية
reason-profile-exists = يوجد مسبقًا ملف شخصي باسم «{ $name }»
reason-profile-unlock-without-passcode = طُلب فتح ملف شخصي ليس له رمز مرور
reason-profile-file-not-ours = هذا ليس ملف ملف شخصي من Job Gate
reason-profile-file-no-header = رأس ملف الملف الشخصي مفقود
reason-profile-file-bad-header = تعذّرت قراءة رأس ملف الملف الشخصي
reason-profile-file-no-name = لا يذكر ملف الملف الشخصي اسم صاحبه
reason-profile-exists-import = يوجد مسبقًا ملف شخصي باسم «{ $name }»: استورده باسم آخر
reason-store-split-lost-rows = نقل الملف الشخصي «{ $name }» إلى ملفه الخاص أفقد بعض السجلات، لذا أُبقي على قاعدة البيانات القديمة
reason-passcode-key = تعذّر اشتقاق المفتاح من رمز المرور
reason-passcode-no-randomness = لم يوفّر هذا الحاسوب أرقامًا عشوائية لحماية رمز المرور
reason-passcode-too-short = { PLURAL($count) ->
    [zero] يحتاج رمز المرور إلى { $count } حرف على الأقل
    [one] يحتاج رمز المرور إلى حرف واحد على الأقل
    [two] يحتاج رمز المرور إلى حرفين على الأقل
    [few] يحتاج رمز المرور إلى { $count } أحرف على الأقل
    [many] يحتاج رمز المرور إلى { $count } حرفًا على الأقل
   *[other] يحتاج رمز المرور إلى { $count } حرف على الأقل
}
reason-store-profile-no-uuid = ليس للملف الشخصي معرّف للمزامنة

## The command line (crates/cli)
reason-folder-not-made = تعذّر إنشاء المجلد { $path }
reason-input-unreadable = تعذّرت قراءة المدخلات
reason-input-not-json = المدخلات ليست JSON صالحًا
reason-input-not-a-cv = ملف JSON ليس سيرة ذاتية ولا تحليلًا
reason-input-no-cv-fields = لا يحتوي ملف JSON على أي حقل من حقول السيرة الذاتية (personal_info و experience …)
reason-not-a-cv-id = «{ $given }» ليس رقم سيرة ذاتية (انظر jobgate history)
reason-passcode-unreadable = تعذّرت قراءة رمز المرور من الطرفية
reason-passcode-needs-terminal = اضبط JOBGATE_PASSCODE، أو شغّل هذا في طرفية لتكتب رمز المرور
reason-passcodes-differ = رمزا المرور المكتوبان مختلفان
reason-file-passcode-needs-terminal = اضبط JOBGATE_FILE_PASSCODE، أو شغّل هذا في طرفية لتكتب رمز مرور الملف
reason-profile-already-locked = للملف الشخصي «{ $name }» رمز مرور مسبقًا
reason-policy-requires-passcode = تشترط سياسة هذا الحاسوب رمز مرور لكل ملف شخصي
reason-wipe-needs-yes = مسح «{ $name }» يحذف كل ما فيه إلى الأبد: أضف ‎--yes للتأكيد
reason-policy-sync-off = المزامنة معطَّلة على هذا الحاسوب من قِبل مسؤوله
reason-sync-guest-cli = الضيف لا يحفظ شيئًا، فلا شيء للمزامنة: استخدم ‎--profile
reason-sync-env-missing = اضبط JOBGATE_SYNC_URL (خادم المؤسسة) و JOBGATE_SYNC_KEY (مفتاحك)

## The engine, the builder and matching
reason-reader-wrong-reply = أجاب قارئ الملفات بنوع خاطئ من الردود
reason-reader-no-start = تعذّر تشغيل عملية قارئ الملفات
reason-reader-bad-task = لم يفهم قارئ الملفات المهمة المطلوبة منه
reason-reader-no-thread = تعذّر بدء خيط القراءة
reason-reader-failed = تعطّل القارئ عند هذا الملف
reason-job-empty = وصف الوظيفة فارغ
reason-job-file-no-text = لا يحتوي الملف { $path } على نص
reason-sync-stored-id = أحد معرّفات المزامنة المحفوظة تالف
reason-sync-change-unfit = تغيير ينتظر الإرسال لا يوافق بروتوكول المزامنة
reason-policy-requires-passcode-for = تشترط سياسة هذا الحاسوب رمز مرور لكل ملف شخصي: ضع رمزًا للملف «{ $name }»
reason-history-poisoned = السجل غير قابل للاستخدام بعد عطل سابق؛ أعد تشغيل التطبيق
reason-builder-state = تعذّر حفظ حالة منشئ السيرة
reason-builder-session-unreadable = تعذّرت قراءة جلسة منشئ السيرة { $id }
reason-text-bad-utf16 = الملف النصي ليس نصًا صالحًا بترميز UTF-16

## AI (crates/ai)
reason-ai-no-key = لم يُضبط مفتاح OpenRouter API (أضفه في الإعدادات، أو اضبط OPENROUTER_API_KEY لسطر الأوامر)
reason-ai-key-needs-https = لا يُرسل مفتاح API إلا عبر https (عنوان { $host } يبدأ بـ http://)
reason-ai-request-not-built = تعذّر تجهيز الطلب إلى خادم الذكاء الاصطناعي
reason-ai-answer-cut-off = انقطع ردّ نموذج الذكاء الاصطناعي (أطول من حدّ إخراج النموذج)
reason-ai-empty-answer = أعطى نموذج الذكاء الاصطناعي ردًّا فارغًا
reason-ai-address-unusable = عنوان خادم الذكاء الاصطناعي غير صالح للاستخدام
reason-ai-connection-broke = انقطع الاتصال بخادم الذكاء الاصطناعي { $host } أثناء قراءة الرد
reason-ai-answer-too-long = ردّ خادم الذكاء الاصطناعي أطول بكثير من المعقول
reason-ai-server-error = أبلغ خادم الذكاء الاصطناعي عن خطأ
reason-ai-no-connection = تعذّر الاتصال بخادم الذكاء الاصطناعي { $host } (هل أنت غير متصل بالإنترنت، أم أن الخادم لا يعمل؟)
reason-ai-connection-problem = فشل الطلب إلى خادم الذكاء الاصطناعي { $host } (مشكلة في الاتصال)
reason-ai-no-attempt = لم تُجرَ أي محاولة
reason-ai-cancelled = أُلغي الطلب
reason-ai-timeout = لم يُجب خادم الذكاء الاصطناعي { $host } خلال { $seconds } ث
reason-ai-request-not-started = تعذّر بدء الطلب
reason-ai-request-failed = فشل الطلب إلى خادم الذكاء الاصطناعي { $host }
reason-ai-key-refused = رفض خادم الذكاء الاصطناعي { $host } مفتاح API ‏(HTTP { $status })؛ تحقّق من المفتاح في الإعدادات
reason-ai-no-credit = لم يبقَ رصيد في حساب الذكاء الاصطناعي لدى { $host } ‏(HTTP { $status })
reason-ai-unknown-model = لا يعرف خادم الذكاء الاصطناعي { $host } النموذج «{ $model }»، أو أن العنوان خاطئ (HTTP { $status })
reason-ai-rate-limited = يحدّ خادم الذكاء الاصطناعي { $host } من عدد الطلبات (HTTP { $status })؛ حاول بعد دقيقة
reason-ai-server-problem = واجه خادم الذكاء الاصطناعي { $host } مشكلة (HTTP { $status })؛ حاول لاحقًا
reason-ai-rejected = رفض خادم الذكاء الاصطناعي { $host } الطلب (HTTP { $status })
reason-ai-answer-not-json = لم يكن ردّ خادم الذكاء الاصطناعي بصيغة JSON المتوقعة
reason-ai-no-choices = لم يتضمن ردّ خادم الذكاء الاصطناعي أي خيارات
reason-ai-answer-invalid-json = لم يكن ردّ الذكاء الاصطناعي JSON صالحًا
reason-ai-answer-no-fields = لم يتضمن ردّ الذكاء الاصطناعي أيًّا من حقول السيرة الذاتية المتوقعة
reason-ai-no-text = لا يحتوي المستند على نص لإرساله
reason-ai-answer-no-text = لم يتضمن ردّ الذكاء الاصطناعي النص المتوقع
reason-ai-answer-far-too-long = ردّ الذكاء الاصطناعي أطول بكثير من أن يُستخدم
reason-ai-nothing-to-rewrite = لا يوجد ما يُعاد صياغته
reason-ai-nothing-to-summarise = لا تحتوي السيرة الذاتية بعدُ على خبرات أو تعليم أو مهارات لتلخيصها
reason-ai-address-not-usable = عنوان خادم الذكاء الاصطناعي غير صالح للاستخدام: { $why }

## The keychain (crates/ai keys)
reason-keychain = { $action ->
    [open] تعذّر فتح سلسلة المفاتيح
    [open-entry] تعذّر فتح مدخل سلسلة المفاتيح
    [save-api-key] تعذّر حفظ مفتاح API
    [read-api-key] تعذّرت قراءة مفتاح API
    [delete-api-key] تعذّر حذف مفتاح API
    [save-sync-key] تعذّر حفظ مفتاح المزامنة
    [read-sync-key] تعذّرت قراءة مفتاح المزامنة
    [delete-sync-key] تعذّر حذف مفتاح المزامنة
   *[other] تعذّر استخدام سلسلة المفاتيح
}: { $why ->
    [locked] سلسلة المفاتيح مقفلة أو رُفض الوصول إليها
    [unavailable] خدمة سلسلة المفاتيح غير متاحة
    [no-entry] لا يوجد مفتاح محفوظ
    [damaged] المفتاح المحفوظ تالف؛ احفظه من جديد
    [too-long] القيمة أطول مما تتسع له سلسلة المفاتيح
    [ambiguous] تحتوي سلسلة المفاتيح على عدة مفاتيح لهذا الملف الشخصي
   *[other] رفضت سلسلة المفاتيح العملية
}
reason-keychain-profile-name = { PLURAL($count) ->
    [zero] يجب أن يتكون اسم الملف الشخصي من حرف واحد إلى { $count } حرف
    [one] يجب أن يتكون اسم الملف الشخصي من حرف واحد
    [two] يجب أن يتكون اسم الملف الشخصي من حرف أو حرفين
    [few] يجب أن يتكون اسم الملف الشخصي من حرف واحد إلى { $count } أحرف
    [many] يجب أن يتكون اسم الملف الشخصي من حرف واحد إلى { $count } حرفًا
   *[other] يجب أن يتكون اسم الملف الشخصي من حرف واحد إلى { $count } حرف
}
reason-api-key-empty = مفتاح API فارغ
reason-api-key-too-long = مفتاح API طويل جدًا
reason-api-key-spaces = يحتوي مفتاح API على مسافات أو فواصل أسطر؛ الصقه من جديد
reason-keys-poisoned = مخزن المفاتيح غير قابل للاستخدام بعد عطل سابق

## Server addresses (crates/core net)
reason-url-empty = لم يُضبط عنوان للخادم
reason-url-spaces = يحتوي العنوان على مسافات أو محارف تحكّم
reason-url-backslash = يحتوي العنوان على شرطة مائلة عكسية
reason-url-invalid = العنوان ليس رابطًا صالحًا ({ $detail })
reason-url-user-info = يجب ألا يحتوي العنوان على اسم مستخدم أو كلمة مرور أو «@»
reason-url-query = يجب ألا يحتوي العنوان على «?» أو «#»
reason-url-scheme = «{ $scheme }» ليس http ولا https
reason-url-no-host = لا يحتوي العنوان على اسم خادم

## Sync (crates/sync)
reason-sync-unauthorized = لم يقبل الخادم مفتاح المزامنة (401): أدخل مفتاحًا جديدًا
reason-sync-too-large = رفض الخادم الطلب لأنه كبير جدًا (413)
reason-sync-busy = { $after ->
    [none] الخادم مشغول (429)
   *[other] الخادم مشغول (429)؛ أعد المحاولة بعد { $after } ث
}
reason-sync-server-failed = { $after ->
    [none] تعطّل الخادم ({ $status })
   *[other] تعطّل الخادم ({ $status })؛ أعد المحاولة بعد { $after } ث
}
reason-sync-refused = رفض الخادم الطلب ({ $status })
reason-sync-unreachable = تعذّر الوصول إلى الخادم
reason-sync-timeout = لم يُجب الخادم في الوقت المحدد
reason-sync-protocol = يتحدث الخادم بروتوكول المزامنة { $server }، وهذا التطبيق يتحدث { $ours }
reason-sync-insecure = يجب الوصول إلى «{ $host }» عبر https
reason-sync-bad-url = عنوان الخادم غير صالح للاستخدام: { $why }

## Export (crates/export)
reason-export-is-folder = ‏{ $path } مجلد
reason-export-no-folder = المجلد { $path } غير موجود
reason-export-no-file-name = لا يحتوي { $path } على اسم ملف
reason-export-cannot-write = تتعذّر الكتابة في { $path }
reason-export-unknown-format = «{ $format }» ليست صيغة يكتبها Job Gate (استخدم docx أو pdf أو txt)
reason-template-faulty = القالب «{ $name }» معيب
reason-export-font-unknown = يذكر القالب خطًّا غير موجود في Job Gate
reason-export-font-load = تعذّر تحميل أحد الخطوط
reason-export-font-subset = تعذّر تقليص أحد الخطوط إلى الحروف المستخدمة
reason-export-pdf-write = تعذّرت كتابة ملف PDF
reason-export-docx-pack = تعذّر تجميع ملف DOCX

## Reading files (crates/extract)
reason-file-empty = الملف فارغ
reason-text-too-many-lines = يحتوي على أكثر من { $max } سطر من النص، وهذا أكثر بكثير من أي سيرة ذاتية
reason-text-too-many-chars = يحتوي على أكثر من { $max } حرف من النص، وهذا أكثر بكثير من أي سيرة ذاتية
reason-pdf-structure = تعذّرت قراءة بنية ملف PDF
reason-pdf-damaged = ملف PDF تالف
reason-pdf-unsafe = بُني ملف PDF بطريقة لا تُبنى بها أي سيرة ذاتية، وقد يُرهق ذلك البرامج: { $why }
reason-docx-damaged = مستند Word تالف أو مبني بطريقة لا تُبنى بها أي سيرة ذاتية
reason-image-unreadable = تعذّرت قراءة الصورة
reason-ocr-not-found = لم يُعثر على برنامج tesseract
reason-ocr-did-not-run = لم يعمل برنامج tesseract
reason-ocr-no-english = لا يحتوي tesseract على نموذج اللغة الإنجليزية (tesseract-ocr-eng)
reason-ocr-image-unreadable = تعذّر على التعرّف الضوئي على النص قراءة هذه الصورة

## The desktop app (src-tauri)
reason-rank-choose-cvs = اختر سيرة ذاتية واحدة على الأقل لترتيبها
reason-rank-stopped = توقّف الترتيب
reason-rank-first = رتّب بعض السير الذاتية أولًا
reason-guest-nothing-to-protect = ليس للضيف ملف شخصي ليحميه؛ أنشئ ملفًا أولًا
reason-not-a-guest-export = ‏{ $path } ليس من الملفات التي صدّرها الضيف
reason-not-offered-for-deletion = ‏{ $path } ليس من الملفات المصدَّرة المعروضة للحذف
reason-policy-ai-off = تعطّل سياسة هذا الحاسوب الذكاء الاصطناعي
reason-ai-off-in-settings = الذكاء الاصطناعي معطَّل في الإعدادات
reason-ai-no-consent = لم توافق بعدُ في الإعدادات على إرسال نص السيرة الذاتية إلى خادم الذكاء الاصطناعي هذا
reason-file-not-removed = تعذّر حذف { $path }
reason-file-not-picked = لم يُختر هذا الملف من نافذة حوار ولم يُسحب إلى النافذة؛ اختره من جديد
reason-sync-guest = الضيف لا يحفظ شيئًا، فلا شيء للمزامنة: افتح ملفًا شخصيًا أو أنشئ واحدًا
reason-sync-turn-on = فعّل المزامنة أولًا
reason-sync-enter-url = أدخل عنوان خادم المؤسسة أولًا
reason-sync-save-key = احفظ مفتاح المزامنة أولًا
reason-sync-signed-out = خرج صاحب الملف، فتوقفت المزامنة
reason-show-in-folder = تعذّر إظهار الملف في مجلده
reason-guest-nothing-to-save = ليس للضيف ملف شخصي ليحفظه: أنشئ ملفًا أولًا
reason-file-passcode-needed = اكتب رمز المرور الذي حُفظ به الملف
reason-not-json-resume = ملف JSON هذا ليس سيرة ذاتية بصيغة JSON Resume
reason-json-resume-empty = لا يحتوي ملف JSON Resume على سيرة ذاتية
reason-sync-consent-first = وافق أولًا على إرسال سجلك إلى { $origin }
reason-no-message = لا توجد رسالة { $id }
reason-unknown-language = «{ $code }» ليست لغة مدعومة (en و ar)
reason-ai-consent-first = وافق أولًا على إرسال نص السيرة الذاتية إلى { $origin }
reason-ai-model-too-long = اسم النموذج طويل جدًا
reason-work-stopped = توقّف العمل قبل أن يكتمل
reason-import-not-saved = لم يُحفظ الاستيراد
reason-no-achievements = لا توجد إنجازات لإعادة صياغتها بعد
reason-no-such-job = لا توجد وظيفة كهذه في السيرة الذاتية
reason-job-no-achievements = لا توجد في هذه الوظيفة إنجازات لإعادة صياغتها بعد

## Reading Word documents (crates/extract docx)
reason-docx-bomb = تتضخم أجزاؤه عند فك ضغطها إلى أكثر من { $mb } ميغابايت، وهذا أكثر بكثير من أي سيرة ذاتية
reason-docx-no-body = لا يحتوي مستند Word على متنه الأساسي
reason-docx-too-many-paragraphs = يحتوي أحد أجزائه على أكثر من { $max } فقرة، وهذا أكثر بكثير من أي سيرة ذاتية

## Sync protocol answers (crates/sync)
reason-sync-no-https = تعذّر إعداد اتصال آمن (HTTPS)
reason-sync-unexpected-body = أجاب الخادم بالرمز { $status } بمحتوى ليس ردًّا من بروتوكول المزامنة
reason-sync-unhealthy = يقول الخادم إن حالته «{ $status }»
reason-sync-push-not-written = تعذّرت كتابة التغييرات المراد إرسالها
reason-sync-answer-broke-off = انقطع ردّ الخادم
reason-sync-answer-too-large = ردّ الخادم أكبر من { $mb } ميغابايت
reason-sync-push-unanswered = لم يقبل ردّ الخادم أيًّا من التغييرات المرسلة ولم يرفضه
reason-sync-pull-stuck = يقول الخادم إن هناك تغييرات أخرى لجلبها لكنه لا يرسل شيئًا

## Checking PDFs before reading them (crates/extract pdf_scan)
reason-pdf-decoded-too-large = يتجاوز محتواه بعد فك الترميز { $mb } ميغابايت (مقطع مكرر أو متضخم بلا نهاية)
reason-pdf-nested = تتداخل كائناته بأكثر من { $max } مستوى
reason-pdf-unknown-filter = يستخدم أحد مقاطع الكائنات ضغطًا لا يمكن فحصه
reason-pdf-saves-deep = يحفظ حالة الرسم بعمق يتجاوز { $max } مستوى
reason-pdf-page-pieces = تحتوي إحدى صفحاته على أكثر من { $max } قطعة نصية
reason-pdf-page-text = تحتوي إحدى صفحاته على أكثر من { $kb } كيلوبايت من النص
reason-pdf-many-forms = ترسم إحدى صفحاته أكثر من { $max } نموذج
reason-pdf-tree-entries = تحتوي شجرة صفحاته على أكثر من { $max } مدخل
reason-pdf-tree-deep = تتداخل شجرة صفحاته بأكثر من { $max } مستوى
reason-pdf-tree-repeats = تذكر شجرة صفحاته الصفحة نفسها أكثر من مرة
reason-pdf-tree-loop = تعيد شجرة صفحاته ذكر عُقدها (حلقة تتضاعف)
reason-pdf-many-pieces = يحتوي على أكثر من { $max } قطعة نصية

## The bounded reader (crates/engine bounded)
reason-reader-deadline = كانت قراءة الملف لا تزال جارية بعد { $seconds } ث
reason-reader-ocr-deadline = كانت الصفحة { $page } لا تزال تُقرأ بالتعرّف الضوئي على النص (OCR) بعد { $seconds } ث
reason-reader-garbled = كان ردّ قارئ الملفات مشوّهًا
reason-reader-out-of-stack = استنفد قارئ الملفات مكدّسه البالغ { $mb } ميغابايت
reason-reader-out-of-memory = استنفد قارئ الملفات ذاكرته البالغة { $mb } ميغابايت
reason-reader-ended = توقّف قارئ الملفات قبل أن يُجيب

## Updates (src-tauri updater)
reason-policy-updates-off = تعطّل سياسة هذا الحاسوب التحديثات
reason-update-not-set-up = بُنيت هذه النسخة دون خادم تحديثات ومفتاح
reason-update-no-updater = لا يوجد محدِّث في هذا التطبيق
reason-update-nothing-found = لم يجد البحث أي تحديث
reason-update-older = عرض الخادم الإصدار { $offered }، والمثبَّت هو { $installed }

## Text recognition (crates/extract ocr)
reason-ocr-no-start = تعذّر تشغيل برنامج التعرّف الضوئي على النص { $program }
reason-ocr-no-pipes = تعذّر تسليم الصفحة إلى برنامج التعرّف الضوئي على النص (tesseract)
reason-ocr-page-timeout = استغرق التعرّف الضوئي على النص (tesseract) أكثر من { $seconds } ث في صفحة واحدة
reason-ocr-lost = تعذّرت متابعة التعرّف الضوئي على النص (tesseract) حتى نهايته
