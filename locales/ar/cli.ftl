# مخرجات سطر الأوامر (jobgate).
cli-files-analyzed = { PLURAL($count) ->
    [zero] لم يُحلَّل أي ملف
    [one] حُلِّل ملف واحد
    [two] حُلِّل ملفان
    [few] حُلِّلت { $count } ملفات
    [many] حُلِّل { $count } ملفًا
   *[other] حُلِّل { $count } ملف
}
cli-files-failed = { PLURAL($count) ->
    [zero] لم يفشل أي ملف
    [one] فشل ملف واحد
    [two] فشل ملفان
    [few] فشلت { $count } ملفات
    [many] فشل { $count } ملفًا
   *[other] فشل { $count } ملف
}
cli-report-title = { $file }: نتيجة التوافق مع أنظمة التوظيف الآلية { $score }/100 ({ $language })
cli-language-en = الإنجليزية
cli-language-ar = العربية
cli-language-mixed = العربية والإنجليزية
cli-checklist = قائمة الفحص
cli-found = ما وجدناه في السيرة
cli-field-name = الاسم
cli-field-email = البريد الإلكتروني
cli-field-phone = الهاتف
cli-field-location = الموقع
cli-count-experience = { PLURAL($count) ->
    [zero] لا وظائف
    [one] وظيفة واحدة
    [two] وظيفتان
    [few] { $count } وظائف
    [many] { $count } وظيفة
   *[other] { $count } وظيفة
}
cli-count-education = { PLURAL($count) ->
    [zero] لا مؤهلات دراسية
    [one] مؤهل دراسي واحد
    [two] مؤهلان دراسيان
    [few] { $count } مؤهلات دراسية
    [many] { $count } مؤهلًا دراسيًا
   *[other] { $count } مؤهل دراسي
}
cli-count-skills = { PLURAL($count) ->
    [zero] لا مهارات
    [one] مهارة واحدة
    [two] مهارتان
    [few] { $count } مهارات
    [many] { $count } مهارة
   *[other] { $count } مهارة
}
cli-count-languages = { PLURAL($count) ->
    [zero] لا لغات
    [one] لغة واحدة
    [two] لغتان
    [few] { $count } لغات
    [many] { $count } لغة
   *[other] { $count } لغة
}
cli-count-certifications = { PLURAL($count) ->
    [zero] لا شهادات
    [one] شهادة واحدة
    [two] شهادتان
    [few] { $count } شهادات
    [many] { $count } شهادة
   *[other] { $count } شهادة
}
cli-count-projects = { PLURAL($count) ->
    [zero] لا مشاريع
    [one] مشروع واحد
    [two] مشروعان
    [few] { $count } مشاريع
    [many] { $count } مشروعًا
   *[other] { $count } مشروع
}
cli-years-experience = سنوات الخبرة: { $years }
cli-fix-first = ابدأ بإصلاح
cli-warnings = تنبيهات
cli-history-not-saved = لم يُحفظ في السجل: { $reason }
cli-profile-none = لا توجد ملفات شخصية على هذا الحاسوب بعد. أنشئ واحدًا بالأمر: jobgate profile create NAME
cli-profile-created = أُنشئ الملف الشخصي «{ $profile }».
cli-profile-locked = أصبح الملف الشخصي «{ $profile }» محميًا برمز مروره؛ بياناته مشفرة الآن.
cli-profile-not-locked = الملف الشخصي «{ $profile }» بلا رمز مرور.
cli-profile-lock-removed = أُزيل رمز مرور الملف الشخصي «{ $profile }»؛ لم تعد بياناته مشفرة.
cli-profile-passcode-ok = رمز مرور «{ $profile }» صحيح.
cli-profile-wiped = حُذف الملف الشخصي «{ $profile }» وكل ما فيه.
cli-ai-off-by-policy = الذكاء الاصطناعي معطّل على هذا الحاسوب من قِبل مسؤوله: تُستخدم القواعد.
cli-profile-exported = كُتب الملف الشخصي «{ $profile }» في { $path }، مشفرًا برمز مرور الملف.
cli-profile-imported = أصبح الملف الشخصي «{ $profile }» على هذا الحاسوب، مقفلًا برمز مرور الملف.
cli-sync-status = بانتظار الإرسال: { $pending }. رفضها الخادم: { $rejected }. آخر مزامنة: { $last }.
cli-sync-last-error = آخر خطأ: { $error }
cli-sync-done = تمت المزامنة مع { $server }: أُرسل { $pushed }، ووصل { $pulled }، وما زال { $pending } بالانتظار.
cli-ocr-page = جارٍ قراءة الصفحة { $page } من { $pages } بالتعرّف الضوئي على النص (OCR)…
# مطالبات وملاحظات في الطرفية (crates/cli person).
cli-passcode-prompt = رمز المرور للملف الشخصي «{ $profile }»:
cli-new-passcode-prompt = رمز مرور جديد للملف الشخصي «{ $profile }»:
cli-passcode-again-prompt = اكتبه مرة أخرى:
cli-file-passcode-prompt = رمز مرور ملف الملف الشخصي:
cli-policy-problem = لا يمكن استخدام ملف سياسة هذا الحاسوب، لذا تُطبَّق الإعدادات الأكثر أمانًا ({ $problem })
