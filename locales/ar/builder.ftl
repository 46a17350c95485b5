# builder messages (ar). سؤال واحد لكل حالة (أسماء الحالات في DESIGN §8)؛ وإعادة السؤال تشرح الخطأ.

builder-welcome = أهلًا! لنكتب سيرتك الذاتية معًا، سؤالًا بعد سؤال. اكتب /تخطي لتخطي سؤال، و/رجوع للرجوع، و/تعديل مع اسم القسم لتعديله، و/مراجعة لمراجعة سيرتك، و/انتهاء للإنهاء.
builder-welcome-improve = لنحسّن سيرتك الذاتية. سأسأل فقط عمّا ينقصها أو يضعفها.
# A line of the review made only of the CV's own words or of other messages (a list).
builder-as-written = { $text }
builder-resumed = أهلًا بعودتك! لنكمل من حيث توقفت.

builder-q-name = ما اسمك الكامل؟
builder-q-email = ما بريدك الإلكتروني؟
builder-q-phone = ما رقم هاتفك (مع رمز الدولة، مثل ‎+966 50 123 4567‎)؟
builder-q-location = أين تقيم (المدينة والدولة)؟
builder-q-headline = ما مسماك المهني (مثل «محاسب أول» أو «مهندس برمجيات»)؟
builder-q-summary = اكتب جملتين أو ثلاثًا عن نفسك: خبرتك ونقاط قوتك وما تبحث عنه.
builder-q-experience-title = ما المسمى الوظيفي في آخر وظيفة لك؟ (اكتب /تخطي إن لم تكن لديك خبرة عملية بعد)
builder-q-experience-title-next = ما المسمى الوظيفي في تلك الوظيفة؟
builder-q-experience-company = في أي شركة أو جهة عملت ({ $title })؟
builder-q-experience-period = متى عملت هناك (مثل «مارس 2021 - حتى الآن» أو «2018 - 2020»)؟
builder-q-experience-achievements = ماذا أنجزت بصفتك { $title }؟ اذكر إنجازًا واحدًا، مع رقم إن أمكن.
builder-q-experience-more-achievements = إنجاز آخر؟ اكتبه، أو اكتب «لا» للمتابعة.
builder-q-experience-improve = وظيفتك { $title } في { $company } ليس فيها إنجاز برقم. أضف إنجازًا (مثل «خفضت وقت التسليم بنسبة 20%»)، أو اكتب «لا» لإبقائها كما هي.
builder-q-more-experience = هل تريد إضافة وظيفة أخرى؟ (نعم/لا)
builder-q-education-degree = ما أعلى مؤهل دراسي لديك (مثل «بكالوريوس علوم الحاسب»)؟ (اكتب /تخطي إن لم يوجد)
builder-q-education-degree-next = ما المؤهل الدراسي؟
builder-q-education-school = في أي جامعة أو مدرسة؟
builder-q-education-period = متى درست هناك (مثل «2015 - 2019»، أو سنة التخرج فقط)؟
builder-q-more-education = هل تريد إضافة مؤهل آخر؟ (نعم/لا)
builder-q-skills = اذكر مهاراتك الأساسية مفصولة بفواصل (مثل «Excel، المحاسبة، Python»).
builder-q-languages = ما اللغات التي تتحدثها، وما مستواك فيها (مثل «العربية (اللغة الأم)، الإنجليزية (ممتاز)»)؟
builder-q-certifications = هل لديك شهادات أو دورات؟ افصل بينها بفواصل، أو اكتب «لا يوجد».
builder-q-projects = هل لديك مشروع تعرضه؟ اكتب اسمه، أو اكتب «لا يوجد».
builder-q-projects-next = ما اسم المشروع؟
builder-q-project-description = صف المشروع في جملة أو جملتين (ما الذي فعلته وما النتيجة). يمكنك إضافة رابط.
builder-q-more-projects = هل تريد إضافة مشروع آخر؟ (نعم/لا)
builder-q-review = هذه سيرتك حتى الآن. اكتب /انتهاء لحفظها، أو /تعديل مع اسم القسم لتعديله، أو /رجوع للرجوع.
builder-q-finalized = حُفظت سيرتك الذاتية. يمكنك تصديرها الآن، أو كتابة /تعديل مع اسم القسم لتعديلها وحفظ نسخة جديدة.

builder-current-value = الحالي: «{ $value }». اكتب إجابة جديدة، أو /تخطي لإبقائه.
builder-saved = حُفظ.
builder-accepted = تم: استخدمت الصياغة المقترحة.
builder-nothing-to-accept = لا توجد صياغة مقترحة بانتظار القبول.
builder-kept-own = أبقيت صياغتك أنت.
builder-rewrite-offer = صياغة مقترحة: «{ $rewrite }». اكتب /قبول لاستخدامها، أو تابع لإبقاء صياغتك.
builder-ask-number = أضف رقمًا إن أمكن: بكم؟ كم شخصًا؟ كم من المال أو الوقت؟
builder-ask-result = اذكر ما الذي تغيّر بفضله (النتيجة).
builder-cannot-go-back = هذا هو السؤال الأول: لا يوجد ما قبله.
builder-went-back = عدنا إلى السؤال السابق.
builder-skipped = تم التخطي.
builder-already-finalized = هذه السيرة محفوظة بالفعل. اكتب /تعديل مع اسم القسم لتعديلها، أو ابدأ جلسة جديدة.
builder-review-hint = اكتب /انتهاء لحفظ سيرتك، أو /تعديل مع اسم القسم لتعديله، أو /رجوع للرجوع.
builder-finalized-now = حُفظت سيرتك الذاتية كنسخة جديدة.
builder-unknown-command = لا أعرف الأمر «{ $command }». الأوامر: /رجوع و/تخطي و/تعديل و/مراجعة و/انتهاء و/قبول.
builder-unknown-section = لا أعرف القسم «{ $section }». الأقسام: { $sections }.

builder-invalid-empty = من فضلك اكتب إجابة (أو /تخطي).
builder-invalid-name = لا يبدو هذا اسمًا. من فضلك اكتب اسمك الكامل بالحروف فقط.
builder-invalid-email = «{ $value }» ليس بريدًا إلكترونيًا صحيحًا. من فضلك تحقق منه (مثل name@example.com).
builder-invalid-phone = «{ $value }» ليس رقم هاتف صحيحًا. استخدم من 7 إلى 15 رقمًا، ويمكن أن يبدأ بـ + ورمز الدولة.
builder-invalid-period = لم أستطع قراءة التواريخ في «{ $value }». اكتبها مثل «مارس 2021 - حتى الآن» أو «2018 - 2020».
builder-invalid-period-order = البداية ({ $start }) بعد النهاية ({ $end }). من فضلك تحقق من التواريخ.
builder-invalid-yes-no = من فضلك أجب بنعم أو لا.
builder-invalid-too-long = الإجابة طويلة جدًا ({ $count } حرفًا). من فضلك اجعلها أقل من { $max }.

builder-section-name = الاسم
builder-section-email = البريد الإلكتروني
builder-section-phone = الهاتف
builder-section-location = الموقع
builder-section-headline = المسمى المهني
builder-section-summary = الملخص
builder-section-experience = الخبرة العملية
builder-section-education = التعليم
builder-section-skills = المهارات
builder-section-languages = اللغات
builder-section-certifications = الشهادات
builder-section-projects = المشاريع

builder-review-missing = ما زال ينقصها: { $sections }.
builder-review-complete = كل الأقسام مكتملة.
builder-count-jobs = { PLURAL($count) ->
    [zero] لا وظائف
    [one] وظيفة واحدة
    [two] وظيفتان
    [few] { $count } وظائف
    [many] { $count } وظيفة
   *[other] { $count } وظيفة
}
builder-count-degrees = { PLURAL($count) ->
    [zero] لا مؤهلات
    [one] مؤهل واحد
    [two] مؤهلان
    [few] { $count } مؤهلات
    [many] { $count } مؤهلًا
   *[other] { $count } مؤهل
}
builder-count-skills = { PLURAL($count) ->
    [zero] لا مهارات
    [one] مهارة واحدة
    [two] مهارتان
    [few] { $count } مهارات
    [many] { $count } مهارة
   *[other] { $count } مهارة
}
builder-count-achievements = { PLURAL($count) ->
    [zero] لا إنجازات
    [one] إنجاز واحد
    [two] إنجازان
    [few] { $count } إنجازات
    [many] { $count } إنجازًا
   *[other] { $count } إنجاز
}
builder-count-projects = { PLURAL($count) ->
    [zero] لا مشاريع
    [one] مشروع واحد
    [two] مشروعان
    [few] { $count } مشاريع
    [many] { $count } مشروعًا
   *[other] { $count } مشروع
}
builder-count-languages = { PLURAL($count) ->
    [zero] لا لغات
    [one] لغة واحدة
    [two] لغتان
    [few] { $count } لغات
    [many] { $count } لغة
   *[other] { $count } لغة
}
builder-minutes-left = { PLURAL($count) ->
    [zero] بقي أقل من دقيقة
    [one] بقيت دقيقة واحدة تقريبًا
    [two] بقيت دقيقتان تقريبًا
    [few] بقيت { $count } دقائق تقريبًا
    [many] بقيت { $count } دقيقة تقريبًا
   *[other] بقيت { $count } دقيقة تقريبًا
}
builder-questions-left = { PLURAL($count) ->
    [zero] لا أسئلة متبقية
    [one] بقي سؤال واحد
    [two] بقي سؤالان
    [few] بقيت { $count } أسئلة
    [many] بقي { $count } سؤالًا
   *[other] بقي { $count } سؤال
}
builder-progress = أُنجز { $count }%

builder-suggest-more-skills = { PLURAL($count) ->
    [zero] لم تذكر أي مهارة: معظم إعلانات الوظائف تطلب 5 مهارات على الأقل. أضفها بالأمر /تعديل المهارات.
    [one] ذكرت مهارة واحدة: معظم إعلانات الوظائف تطلب 5 مهارات على الأقل. أضف المزيد بالأمر /تعديل المهارات.
    [two] ذكرت مهارتين: معظم إعلانات الوظائف تطلب 5 مهارات على الأقل. أضف المزيد بالأمر /تعديل المهارات.
    [few] ذكرت { $count } مهارات: معظم إعلانات الوظائف تطلب 5 مهارات على الأقل. أضف المزيد بالأمر /تعديل المهارات.
    [many] ذكرت { $count } مهارة: معظم إعلانات الوظائف تطلب 5 مهارات على الأقل. أضف المزيد بالأمر /تعديل المهارات.
   *[other] ذكرت { $count } مهارة: معظم إعلانات الوظائف تطلب 5 مهارات على الأقل. أضف المزيد بالأمر /تعديل المهارات.
}
builder-suggest-numbers = لا يحتوي أي من إنجازاتك على رقم بعد: مسؤولو التوظيف وأنظمة التوظيف الآلية يبحثون عن نتائج قابلة للقياس (نسبة، مال، أشخاص، وقت).
builder-suggest-summary = ملخصك قصير: جملتان أو ثلاث أفضل.
builder-suggest-add-experience = أضف وظيفة واحدة على الأقل، أو تدريبًا أو عملًا تطوعيًا، بالأمر /تعديل الخبرة.

builder-session-id = الجلسة { $id } (للمتابعة لاحقًا: jobgate build --session { $id })
builder-history-cvs = السير الذاتية
builder-history-analyses = التحليلات
builder-history-sessions = جلسات الإنشاء
builder-history-exports = الملفات المصدّرة
builder-history-empty = لا يوجد شيء محفوظ بعد.
builder-versions-title = نسخ السيرة الذاتية { $id }
builder-version-count = { PLURAL($count) ->
    [zero] لا نسخ
    [one] نسخة واحدة
    [two] نسختان
    [few] { $count } نسخ
    [many] { $count } نسخة
   *[other] { $count } نسخة
}
