# رسائل الأخطاء (DESIGN §2). لكل رمز رسالة وإجراء مقترح ("-action").
error-file-too-large = الملف كبير جدًا
error-file-too-large-action = اضغط الملف أو ارفع نسخة أصغر (الحد الأقصى { $max_size }، وحجم ملفك { $your_size })
error-unsupported-file-type = لا ندعم إلا ملفات PDF و DOCX والصور (PNG و JPEG و TIFF)
error-unsupported-file-type-action = احفظ سيرتك الذاتية بصيغة PDF أو مستند Word ‏(.docx) ثم حاول مرة أخرى
error-corrupted-file = الملف تالف ولا يمكن قراءته
error-corrupted-file-action = افتحه في Word أو في عارض PDF، واحفظه من جديد بصيغة PDF أو DOCX، ثم حاول مرة أخرى
error-over-limit = { $limit ->
    [time] استغرقت قراءة الملف وقتًا أطول بكثير مما تحتاجه أي سيرة ذاتية، فأُوقفت
    [memory] احتاج الملف ذاكرة أكبر بكثير مما تحتاجه أي سيرة ذاتية، فأُوقفت قراءته
    [stack] بنية الملف متداخلة أعمق بكثير من أي سيرة ذاتية، فأُوقفت قراءته
   *[other] أوقف الملف برنامج القراءة، فتعذرت قراءته
}
error-over-limit-action = الملف على الأرجح تالف أو مصنوع لإرهاق البرامج. افتحه في Word أو في عارض PDF، واحفظه من جديد بصيغة PDF أو DOCX، ثم حاول مرة أخرى. الملفات الأخرى لم تتأثر.
error-encrypted-file = الملف محمي بكلمة مرور
error-encrypted-file-action = أزل كلمة المرور (احفظ نسخة غير محمية) ثم حاول مرة أخرى
error-no-text-found = لم نجد نصًا، ولا حتى بالتعرّف الضوئي على النص (OCR): تبدو الصفحات فارغة أو غير مقروءة
error-no-text-found-action = تأكّد من اختيار الملف الصحيح؛ وللصورة أو المسح الضوئي استخدم صورة واضحة ومضاءة جيدًا ومستقيمة للصفحة (أو صدّر سيرتك من Word أو Google Docs كملف PDF نصي أو DOCX، وهو ما تقرؤه أنظمة التوظيف الآلية على أفضل وجه)
error-file-not-found = الملف غير موجود: { $path }
error-file-not-found-action = تحقق من اسم الملف والمجلد ثم حاول مرة أخرى
error-file-exists = يوجد ملف بهذا الاسم مسبقًا: { $path }
error-file-exists-action = اختر اسمًا آخر، أو اسمح بالكتابة فوقه (‎--force)
error-invalid-input = المدخلات غير صالحة
error-invalid-input-action = تحقق من { $field } ثم حاول مرة أخرى
error-ai-unavailable = خدمة الذكاء الاصطناعي غير متاحة؛ استُخدم المحلل المعتمد على القواعد
error-ai-unavailable-action = تحقق من اتصالك بالإنترنت ومن مفتاح OpenRouter في الإعدادات، أو تابع دون ذكاء اصطناعي
error-session-not-found = لم نجد جلسة إنشاء السيرة هذه
error-session-not-found-action = ابدأ جلسة جديدة، أو اختر جلسة من السجل
error-export-failed = تعذر إنشاء المستند
error-export-failed-action = جرّب قالبًا أو صيغة أخرى؛ وإن تكرر الخطأ فأبلغ عنه مع هذه الرسالة
error-template-not-found = القالب غير موجود: { $template }
error-template-not-found-action = اختر واحدًا من: { $available }
error-storage-error = تعذر حفظ بياناتك أو قراءتها
error-storage-error-action = تحقق من أن مجلد البيانات قابل للكتابة وأن القرص غير ممتلئ؛ لم يتغير شيء مما حُفظ سابقًا
error-sync-failed = فشلت المزامنة مع الخادم؛ تغييراتك محفوظة على هذا الجهاز
error-sync-failed-action = تحقق من عنوان الخادم والمفتاح والاتصال؛ سيعيد Job Gate المحاولة تلقائيًا
error-profile-locked = الملف الشخصي «{ $profile }» مقفل
error-profile-locked-action = أدخل رمز مرور الملف الشخصي لفتحه؛ لا يعرفه إلا من وضعه
error-wrong-passcode = { $must_wait ->
    [yes] رمز المرور غير صحيح عدة مرات متتالية. حفاظًا على أمانك، تصبح المحاولة التالية ممكنة بعد مدة انتظار بالثواني: { $wait_seconds }
   *[no] رمز المرور غير صحيح
}
error-wrong-passcode-action = تحقق من لغة لوحة المفاتيح ومن زر الأحرف الكبيرة ثم حاول مرة أخرى. لا يمكن استعادة رمز مرور منسي: السبيل الوحيد هو مسح الملف الشخصي والبدء من جديد
error-profile-not-found = لا يوجد ملف شخصي باسم «{ $profile }» على هذا الحاسوب
error-profile-not-found-action = اختر اسمًا من قائمة الملفات الشخصية، أو أنشئ ملفًا شخصيًا جديدًا
error-update-failed = { $kind ->
    [signature] رُفض التحديث: توقيعه لا يطابق المفتاح المدمج في Job Gate، فقد يكون مُعدَّلًا أو صادرًا عن جهة أخرى. لم يُثبَّت شيء
    [downgrade] رُفض التحديث: الإصدار { $version } ليس أحدث من الإصدار المثبَّت، وJob Gate لا يعود أبدًا إلى إصدار أقدم
    [unreachable] تعذّر الوصول إلى خادم التحديثات
    [invalid] ردّ خادم التحديثات ليس تحديثًا لـ Job Gate
    [install] نُزِّل التحديث وتم التحقق منه لكن تعذّر تثبيته
    [policy] البحث عن التحديثات معطَّل على هذا الحاسوب من قِبل مسؤوله
    [off] بُنيت هذه النسخة من Job Gate دون خادم تحديثات، لذا لا تبحث عن تحديثات
    [nothing] لا يوجد تحديث لتثبيته؛ ابحث عن التحديثات أولًا
   *[other] تعذّر إكمال التحديث
}
error-update-failed-action = { $kind ->
    [signature] تابع استخدام هذا الإصدار وأبلغ فريق تقنية المعلومات في مؤسستك: ربما تم العبث بخادم التحديثات
    [downgrade] تابع استخدام هذا الإصدار؛ وإن كنت تنتظر تحديثًا فأبلغ فريق تقنية المعلومات في مؤسستك
    [unreachable] تحقّق من اتصالك بالإنترنت وحاول لاحقًا؛ يعيد Job Gate المحاولة تلقائيًا عند تفعيل البحث التلقائي
    [invalid] حاول لاحقًا؛ وإن تكرر فأبلغ فريق تقنية المعلومات في مؤسستك
    [install] حاول مرة أخرى، أو ثبّت الإصدار الجديد يدويًا من صفحة التنزيل في مؤسستك
    [policy] اسأل مسؤول هذا الحاسوب عن التحديثات
    [off] اطلب من مؤسستك نسخة من Job Gate مهيّأة للتحديثات، أو ثبّت الإصدارات الجديدة يدويًا
    [nothing] اختر «ابحث الآن» أولًا
   *[other] حاول لاحقًا
}
error-internal-error = حدث خطأ داخلي في Job Gate
error-internal-error-action = حاول مرة أخرى؛ وإن تكرر فأبلغ عن المشكلة مع هذه الرسالة

# سبب الخطأ (رسالة reason-* أو تفصيل تقني) بعد الرسالة.
error-with-reason = { $message } ({ $reason })
# نص الخطأ كما كتبه برنامج آخر (نظام التشغيل أو مكتبة)، يبقى كما هو لفريق الدعم.
error-technical-detail = تفصيل تقني: { $detail }
error-reason-and-detail = { $reason }؛ تفصيل تقني: { $detail }

# A file size (error-file-too-large-action).
size-megabytes = { $n } ميغابايت
size-kilobytes = { $n } كيلوبايت

## Warnings: the result is usable, but something could not be done (see crates/core/src/warning.rs).
warning-partial-text = تعذّرت قراءة جزء من الملف: { $cause }
warning-partial-text-pages = { PLURAL($count) ->
    [one] تعذّرت قراءة الصفحة { $pages }
   *[other] تعذّرت قراءة الصفحات { $pages }
}
warning-partial-text-cut-short = ينتهي الملف قبل علامة نهايته (فهو مبتور)
warning-partial-text-damaged-archive = المستند تالف، ولم يُقرأ منه إلا ما قبل موضع التلف
warning-partial-text-damaged-text = نص المستند تالف بعد موضع ما
warning-partial-text-part-too-large = في المستند ترويسة أو تذييل أو حاشية أكبر بكثير مما في أي سيرة ذاتية، فتُركت
warning-partial-text-part-damaged = في المستند ترويسة أو تذييل أو حاشية تالفة، فتُركت
warning-partial-text-unknown = جزء منه تالف
warning-partial-text-ocr-unavailable = بعض الصفحات ممسوحة ضوئيًا، وبرنامج التعرّف الضوئي على النص (OCR) غير مثبّت
warning-no-section-headings = لم يُتعرَّف على عناوين الأقسام؛ فاستُخرجت الخبرات والمؤهلات من تواريخها.
error-ocr-unavailable = هذا الملف صورة أو مستند ممسوح ضوئيًا، وبرنامج التعرّف على النص (OCR) اللازم لقراءته غير مثبّت
error-ocr-unavailable-action = ثبّت Tesseract OCR مع اللغتين الإنجليزية والعربية (على Debian/Ubuntu: sudo apt install tesseract-ocr tesseract-ocr-eng tesseract-ocr-ara؛ على Windows: مثبّت UB Mannheim؛ على macOS: brew install tesseract tesseract-lang) ثم أعد المحاولة، أو احفظ سيرتك الذاتية بصيغة PDF نصية أو DOCX
error-cancelled = أُوقف الاستيراد قبل أن يكتمل، ولم يُحفظ شيء
error-cancelled-action = افتح الملف مرة أخرى عندما تريد تحليله
# Warnings about text read by OCR (codes OCR_TEXT, OCR_LOW_CONFIDENCE, OCR_PAGES_SKIPPED; jobgate-extract's ocr::warnings decides which).
warning-ocr-text = { PLURAL($pages) ->
    [one] هذه السيرة الذاتية صورة أو مسح ضوئي: قُرئ نصها بالتعرّف الضوئي على النص (OCR) الذي قد يخطئ في بعض الحروف والأرقام
    [two] صفحتان من هذه السيرة الذاتية صورتان أو مسح ضوئي: قُرئ نصهما بالتعرّف الضوئي على النص (OCR) الذي قد يخطئ في بعض الحروف والأرقام
    [few] { $pages } صفحات من هذه السيرة الذاتية صور أو مسح ضوئي: قُرئ نصها بالتعرّف الضوئي على النص (OCR) الذي قد يخطئ في بعض الحروف والأرقام
   *[other] { $pages } صفحة من هذه السيرة الذاتية صور أو مسح ضوئي: قُرئ نصها بالتعرّف الضوئي على النص (OCR) الذي قد يخطئ في بعض الحروف والأرقام
}
warning-ocr-low-confidence = { $detail }
warning-ocr-low-confidence-fields = لم يكن التعرّف الضوئي على النص متأكدًا من بعض الكلمات: راجع { $fields } وقارنها بسيرتك الذاتية
warning-ocr-low-confidence-words = لم يكن التعرّف الضوئي على النص متأكدًا من بعض الكلمات، مثل { $words }: راجعها وقارنها بسيرتك الذاتية
warning-ocr-pages-skipped = { PLURAL($skipped) ->
    [one] لم تُقرأ صفحة ممسوحة أخرى: تُقرأ أول { $read } صفحات ممسوحة فقط
    [two] لم تُقرأ صفحتان ممسوحتان أخريان: تُقرأ أول { $read } صفحات ممسوحة فقط
    [few] لم تُقرأ { $skipped } صفحات ممسوحة أخرى: تُقرأ أول { $read } صفحات ممسوحة فقط
   *[other] لم تُقرأ { $skipped } صفحة ممسوحة أخرى: تُقرأ أول { $read } صفحات ممسوحة فقط
}
warning-ocr-field-name = اسمك
warning-ocr-field-email = بريدك الإلكتروني
warning-ocr-field-phone = رقم هاتفك
warning-ocr-field-dates = تواريخ وظائفك ودراستك
warning-ocr-field-work = خبراتك العملية
warning-ocr-field-education = تعليمك
warning-ocr-field-skills = مهاراتك

# موضوع خطأ INVALID_INPUT ‏(details.field)، وهو $field في error-invalid-input-action.
field-achievement = الإنجاز
field-achievements = الإنجازات
field-ai-base-url = عنوان خادم الذكاء الاصطناعي
field-ai-model = اسم نموذج الذكاء الاصطناعي
field-analysis = رقم التحليل
field-api-key = مفتاح API
field-consent = موافقتك
field-cv = رقم السيرة الذاتية
field-cvs = السير الذاتية المختارة
field-entry = الوظيفة المختارة
field-file = الملف
field-file-passcode = رمز مرور الملف
field-format = الصيغة
field-id = رقم الرسالة
field-input = المدخلات
field-job = وصف الوظيفة
field-lang = اللغة
field-passcode = رمز المرور
field-paths = الملفات المختارة
field-profile = الملف الشخصي
field-ranking = الترتيب
field-stdin = المدخلات
field-sync = إعدادات المزامنة
field-sync-key = مفتاح المزامنة
field-sync-url = عنوان الخادم
field-version = نسخة السيرة الذاتية
field-yes = التأكيد (‎--yes)
