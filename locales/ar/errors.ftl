# رسائل الأخطاء (DESIGN §2). لكل رمز رسالة وإجراء مقترح ("-action").
error-file-too-large = الملف كبير جدًا
error-file-too-large-action = اضغط الملف أو ارفع نسخة أصغر (الحد الأقصى { $max_size }، وحجم ملفك { $your_size })
error-unsupported-file-type = لا ندعم إلا ملفات PDF و DOCX
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
error-no-text-found = لم نجد نصًا: تبدو الصفحات صورًا، كسيرة ذاتية ممسوحة ضوئيًا
error-no-text-found-action = صدّر سيرتك من Word أو Google Docs كملف PDF نصي أو DOCX؛ فأنظمة التوظيف الآلية لا تقرأ السير الممسوحة ضوئيًا أيضًا
error-file-not-found = الملف غير موجود: { $path }
error-file-not-found-action = تحقق من اسم الملف والمجلد ثم حاول مرة أخرى
error-file-exists = يوجد ملف بهذا الاسم مسبقًا: { $path }
error-file-exists-action = اختر اسمًا آخر، أو اسمح بالكتابة فوقه (‎--force)
error-invalid-input = المدخلات غير صالحة
error-invalid-input-action = تحقق من قيمة { $field } ثم حاول مرة أخرى
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
error-internal-error = حدث خطأ داخلي في Job Gate
error-internal-error-action = حاول مرة أخرى؛ وإن تكرر فأبلغ عن المشكلة مع هذه الرسالة
