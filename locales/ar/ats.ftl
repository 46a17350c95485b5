# نتيجة التوافق مع أنظمة التوظيف الآلية (ATS): أسماء الفحوص، وما وجده كل فحص، وما يجب فعله.
# الأعداد تُختار صيغتها بـ PLURAL($count). الاقتباس من السيرة يمر عبر ats-quote.

ats-check-contact = معلومات التواصل
ats-check-experience = الخبرة العملية
ats-check-education = التعليم
ats-check-skills = المهارات
ats-check-achievements = إنجازات بنتائج
ats-check-formatting = التنسيق والبنية
ats-check-job-match = المطابقة مع الوظيفة
ats-check-other = هذا الفحص
# An analysis stored before its messages were kept as codes, shown in the other language.
ats-check-stored = { $check }: { $points } من { $max } نقطة. حُفظت التفاصيل بلغة ذلك التحليل.
ats-check-stored-fix = حلّل الملف من جديد لتقرأ ما ينبغي فعله بهذه اللغة.

# Two messages one after the other (a fix, then a hint).
ats-two-sentences = { $first } { $second }
ats-quote = «{ $text }»
ats-entry-at = { $title } في { $company }

## معلومات التواصل
ats-field-name = الاسم
ats-field-email = البريد الإلكتروني
ats-field-phone = الهاتف
ats-field-location = الموقع
ats-contact-item = { $field } ({ $value })
ats-contact-complete = معلومات التواصل كاملة: { $found }.
ats-contact-partial = وُجد: { $found }؛ وينقص: { $missing }.
ats-contact-none = لا توجد معلومات تواصل: لا اسم ولا بريد إلكتروني ولا هاتف ولا موقع.
ats-fix-contact-name = اكتب اسمك الكامل وحده في السطر الأول من السيرة.
ats-fix-contact-email = أضف بريدًا إلكترونيًا مهنيًا تحت اسمك، مثل firstname.lastname@gmail.com.
ats-fix-contact-email-invalid = تحقق من بريدك الإلكتروني: { $email } غير مكتمل (يجب أن يكون مثل name@domain.com).
ats-fix-contact-phone = أضف رقم هاتف مع رمز الدولة، مثل ‎+966 50 123 4567.
ats-fix-contact-phone-invalid = تحقق من رقم هاتفك: { $phone } { PLURAL($count) ->
    [zero] لا يحوي أي رقم
    [one] فيه رقم واحد فقط
    [two] فيه رقمان فقط
    [few] فيه { $count } أرقام فقط
    [many] فيه { $count } رقمًا فقط
   *[other] فيه { $count } رقم فقط
}؛ اكتبه كاملًا مع رمز الدولة.
ats-fix-contact-location = أضف مدينتك وبلدك (مثل الرياض، السعودية): كثيرًا ما يُصفّي مسؤولو التوظيف المرشحين حسب الموقع.

## الخبرة العملية
ats-experience-none = لم نجد أي خبرة عملية.
ats-experience-none-projects = لم نجد خبرة عملية؛ لكن في السيرة { PLURAL($count) ->
    [zero] لا مشاريع
    [one] مشروعًا واحدًا
    [two] مشروعين
    [few] { $count } مشاريع
    [many] { $count } مشروعًا
   *[other] { $count } مشروع
} بدلًا منها.
ats-experience-complete = { PLURAL($count) ->
    [zero] لا وظائف.
    [one] وظيفة واحدة بمسماها وجهتها وتاريخها: { $first }.
    [two] وظيفتان، كلتاهما بالمسمى والجهة والتاريخ (الأحدث: { $first }).
    [few] { $count } وظائف، جميعها بالمسمى والجهة والتاريخ (الأحدث: { $first }).
    [many] { $count } وظيفةً، جميعها بالمسمى والجهة والتاريخ (الأحدث: { $first }).
   *[other] { $count } وظيفة، جميعها بالمسمى والجهة والتاريخ (الأحدث: { $first }).
}
ats-experience-partial = { PLURAL($count) ->
    [zero] لا وظائف.
    [one] وظيفة واحدة، لكن ينقصها المسمى أو الجهة أو التاريخ.
    [two] وظيفتان، { $complete } منهما فقط بالمسمى والجهة والتاريخ.
    [few] { $count } وظائف، { $complete } منها فقط بالمسمى والجهة والتاريخ.
    [many] { $count } وظيفةً، { $complete } منها فقط بالمسمى والجهة والتاريخ.
   *[other] { $count } وظيفة، { $complete } منها فقط بالمسمى والجهة والتاريخ.
}
ats-fix-experience-none = أضف قسم «الخبرات العملية»: لكل وظيفة المسمى والجهة والتاريخ (مثل مارس 2021 – حتى الآن) ومن 2 إلى 4 نتائج. التدريب والتطوع والعمل الحر تُحسب أيضًا.
ats-fix-experience-title = أضف المسمى الوظيفي إلى { PLURAL($count) ->
    [one] هذه الوظيفة
    [two] هاتين الوظيفتين
    [few] هذه الوظائف الـ{ $count }
    [many] هذه الوظائف الـ{ $count }
   *[other] هذه الوظائف
}: { $entries }.
ats-fix-experience-company = أضف اسم الجهة أو الشركة إلى { PLURAL($count) ->
    [one] هذه الوظيفة
    [two] هاتين الوظيفتين
    [few] هذه الوظائف الـ{ $count }
    [many] هذه الوظائف الـ{ $count }
   *[other] هذه الوظائف
}: { $entries }.
ats-fix-experience-dates = أضف تاريخ البداية والنهاية (الشهر والسنة، مثل مارس 2021 – حتى الآن) إلى { PLURAL($count) ->
    [one] هذه الوظيفة
    [two] هاتين الوظيفتين
    [few] هذه الوظائف الـ{ $count }
    [many] هذه الوظائف الـ{ $count }
   *[other] هذه الوظائف
}: { $entries }.

## التعليم
ats-education-none = لم نجد أي مؤهل تعليمي.
ats-education-none-certs = لا يوجد قسم للتعليم؛ لكن في السيرة { PLURAL($count) ->
    [zero] لا شهادات
    [one] شهادة واحدة
    [two] شهادتين
    [few] { $count } شهادات
    [many] { $count } شهادةً
   *[other] { $count } شهادة
}.
ats-education-complete = { PLURAL($count) ->
    [zero] لا مؤهلات.
    [one] مؤهل واحد بالدرجة والجامعة والسنوات: { $first }.
    [two] مؤهلان، كلاهما بالدرجة والجامعة والسنوات (الأول: { $first }).
    [few] { $count } مؤهلات، جميعها بالدرجة والجامعة والسنوات (الأول: { $first }).
    [many] { $count } مؤهلًا، جميعها بالدرجة والجامعة والسنوات (الأول: { $first }).
   *[other] { $count } مؤهل، جميعها بالدرجة والجامعة والسنوات (الأول: { $first }).
}
ats-education-partial = { PLURAL($count) ->
    [zero] لا مؤهلات.
    [one] مؤهل واحد، لكن تنقصه الدرجة أو الجامعة أو السنوات.
    [two] مؤهلان، { $complete } منهما فقط بالدرجة والجامعة والسنوات.
    [few] { $count } مؤهلات، { $complete } منها فقط بالدرجة والجامعة والسنوات.
    [many] { $count } مؤهلًا، { $complete } منها فقط بالدرجة والجامعة والسنوات.
   *[other] { $count } مؤهل، { $complete } منها فقط بالدرجة والجامعة والسنوات.
}
ats-fix-education-none = أضف قسم «التعليم» بالدرجة العلمية والجامعة والسنوات، مثل بكالوريوس علوم الحاسب، جامعة الملك سعود، 2015 – 2019.
ats-fix-education-degree = اذكر الدرجة العلمية أو التخصص في { PLURAL($count) ->
    [one] هذا المؤهل
    [two] هذين المؤهلين
    [few] هذه المؤهلات الـ{ $count }
    [many] هذه المؤهلات الـ{ $count }
   *[other] هذه المؤهلات
}: { $entries }.
ats-fix-education-school = أضف اسم الجامعة أو المدرسة إلى { PLURAL($count) ->
    [one] هذا المؤهل
    [two] هذين المؤهلين
    [few] هذه المؤهلات الـ{ $count }
    [many] هذه المؤهلات الـ{ $count }
   *[other] هذه المؤهلات
}: { $entries }.
ats-fix-education-dates = أضف سنوات الدراسة (مثل 2015 – 2019) إلى { PLURAL($count) ->
    [one] هذا المؤهل
    [two] هذين المؤهلين
    [few] هذه المؤهلات الـ{ $count }
    [many] هذه المؤهلات الـ{ $count }
   *[other] هذه المؤهلات
}: { $entries }.

## المهارات
ats-skills-none = لا توجد قائمة مهارات.
ats-skills-found = { PLURAL($count) ->
    [zero] لا مهارات.
    [one] مهارة واحدة مذكورة: { $examples }.
    [two] مهارتان مذكورتان: { $examples }.
    [few] { $count } مهارات مذكورة، منها { $examples }.
    [many] { $count } مهارةً مذكورة، منها { $examples }.
   *[other] { $count } مهارة مذكورة، منها { $examples }.
}
ats-fix-skills-none = أضف قسم «المهارات» فيه من 8 إلى 15 أداة وطريقة عمل بكلمات قصيرة، مثل Excel، إدارة المشاريع، SQL.
ats-fix-skills-more = اذكر { $target } مهارات على الأقل؛ لديك { PLURAL($count) ->
    [zero] لا شيء
    [one] مهارة واحدة فقط
    [two] مهارتان فقط
    [few] { $count } مهارات فقط
    [many] { $count } مهارةً فقط
   *[other] { $count } مهارة فقط
}. أضف الأدوات والبرامج وطرق العمل التي تستخدمها في عملك.
ats-fix-skills-from-text = خبراتك تذكر بعضها ولم تضعها في القائمة: { $skills }.
ats-fix-skills-long = اكتب المهارات كلمات مفتاحية قصيرة (من كلمة إلى ثلاث): { PLURAL($count) ->
    [one] بند واحد يبدو
    [two] بندان يبدوان
    [few] { $count } بنود تبدو
    [many] { $count } بندًا تبدو
   *[other] { $count } بند تبدو
} كجملة، مثل { $example }.

## الإنجازات
ats-achievements-none = { PLURAL($count) ->
    [zero] لا توجد نقاط إنجاز.
    [one] لا توجد نقاط إنجاز تحت وظيفتك.
    [two] لا توجد نقاط إنجاز تحت وظيفتيك.
   *[other] لا توجد نقاط إنجاز تحت وظائفك الـ{ $count }.
}
ats-achievements-found = في السيرة { PLURAL($count) ->
    [zero] لا نقاط إنجاز
    [one] نقطة إنجاز واحدة
    [two] نقطتا إنجاز
    [few] { $count } نقاط إنجاز
    [many] { $count } نقطةَ إنجاز
   *[other] { $count } نقطة إنجاز
}، منها { $quantified } بأرقام أو نتائج قابلة للقياس.
ats-fix-achievements-none = تحت كل وظيفة، أضف من 2 إلى 4 نقاط تبدأ بفعل وتنتهي بنتيجة، مثل «خفّضت مدة التسليم بنسبة 20%».
ats-fix-achievements-more = أضف مزيدًا من نقاط الإنجاز: لديك { $count }؛ اجعلها { $target } على الأقل، من 2 إلى 4 لكل وظيفة.
ats-fix-achievements-jobs = أضف من 2 إلى 4 نقاط بالنتائج تحت { PLURAL($count) ->
    [one] هذه الوظيفة
    [two] هاتين الوظيفتين
   *[other] هذه الوظائف
}: { $entries }.
ats-fix-achievements-quantify = نقاطك التي بلا أرقام: { $plain } من أصل { $total }. أضف رقمًا (نسبة مئوية، مبلغًا، حجم فريق، وقتًا موفَّرًا) إلى { PLURAL($count) ->
    [one] نقطة واحدة منها على الأقل
    [two] نقطتين منها على الأقل
    [few] { $count } نقاط منها على الأقل
    [many] { $count } نقطةً منها على الأقل
   *[other] { $count } نقطة منها على الأقل
}، مثل «خفّضت التكاليف بنسبة 15%»؛ وابدأ بـ{ $example }.

## التنسيق والبنية
ats-format-summary = { $headings }؛ { $length }؛ { $dates }؛ { $text }؛ { $contact }.
ats-format-headings-none = لا توجد عناوين أقسام واضحة
ats-format-headings = { PLURAL($count) ->
    [zero] لا عناوين أقسام
    [one] عنوان قسم واحد ({ $list })
    [two] عنوانا قسمين ({ $list })
    [few] { $count } عناوين أقسام ({ $list })
    [many] { $count } عنوانًا للأقسام ({ $list })
   *[other] { $count } عنوان قسم ({ $list })
}
ats-pages = { PLURAL($count) ->
    [zero] صفر صفحات
    [one] صفحة واحدة
    [two] صفحتين
    [few] { $count } صفحات
    [many] { $count } صفحةً
   *[other] { $count } صفحة
}
ats-format-length = { PLURAL($count) ->
    [zero] لا كلمات
    [one] كلمة واحدة في { $pages }
    [two] كلمتان في { $pages }
    [few] { $count } كلمات في { $pages }
    [many] { $count } كلمةً في { $pages }
   *[other] { $count } كلمة في { $pages }
}
ats-format-dates-consistent = التواريخ مكتوبة بطريقة واحدة
ats-format-dates-mixed = { PLURAL($count) ->
    [two] التواريخ مكتوبة بطريقتين مختلفتين
    [few] التواريخ مكتوبة بـ{ $count } طرق مختلفة
   *[other] التواريخ مكتوبة بطرق مختلفة
}
ats-format-dates-none = لا تواريخ
ats-format-text-ok = النص كله مقروء
ats-format-text-none = لا يوجد نص مقروء
ats-format-text-problems = { PLURAL($count) ->
    [one] تعذّرت قراءة جزء واحد كنص
    [two] تعذّرت قراءة جزأين كنص
    [few] تعذّرت قراءة { $count } أجزاء كنص
    [many] تعذّرت قراءة { $count } جزءًا كنص
   *[other] تعذّرت قراءة { $count } جزء كنص
}
ats-format-contact-body = البريد والهاتف في متن الصفحة
ats-format-contact-hidden = البريد والهاتف ليسا في متن الصفحة (ربما في الترويسة أو التذييل أو صورة)
ats-format-contact-none = لا بريد ولا هاتف في النص
ats-date-style-month-name = أسماء الأشهر (مارس 2021)
ats-date-style-numeric = الأرقام (03/2021)
ats-date-style-year = السنوات فقط (2021)
ats-fix-format-headings = ضع لكل قسم عنوانًا معياريًا في سطر مستقل — الملخص، الخبرات، التعليم، المهارات — حتى يميّز نظام التوظيف الآلي بين الأقسام.
ats-fix-format-headings-rename = استخدم عناوين أقسام معيارية تعرفها أنظمة التوظيف الآلية: غيّر { PLURAL($count) ->
    [one] العنوان
    [two] العنوانين
   *[other] العناوين
} { $headings } إلى أحد هذه: الملخص، الخبرات، التعليم، المهارات، الشهادات، اللغات، المشاريع.
ats-fix-format-dates = اكتب التواريخ كلها بطريقة واحدة، مثل «مارس 2021 – حتى الآن» في كل مكان؛ أنت الآن تخلط بين { $styles }.
ats-fix-format-no-dates = أضف تواريخ لوظائفك ودراستك، كلها بصيغة واحدة، مثل مارس 2021 – حتى الآن.
ats-fix-format-no-text = احفظ سيرتك من Word أو Google Docs بصيغة PDF نصية أو DOCX: لم نتمكن من قراءة أي نص منها.
ats-fix-format-text = اجعل كل المحتوى نصًا حقيقيًا قابلًا للتحديد، لا صورًا ولا مربعات نص ({ $problems }).
ats-fix-format-short = سيرتك فيها { PLURAL($count) ->
    [zero] صفر كلمات
    [one] كلمة واحدة فقط
    [two] كلمتان فقط
    [few] { $count } كلمات فقط
    [many] { $count } كلمةً فقط
   *[other] { $count } كلمة فقط
}: صِف كل وظيفة بنتيجتين إلى أربع نتائج وأضف ملخصًا قصيرًا؛ اجعلها بين 300 و800 كلمة.
ats-fix-format-long = اختصر سيرتك إلى صفحة أو صفحتين: فيها { $count } كلمة في { PLURAL($pages) ->
    [one] صفحة واحدة
    [two] صفحتين
    [few] { $pages } صفحات
    [many] { $pages } صفحةً
   *[other] { $pages } صفحة
}. احتفظ بآخر عشر سنوات وبالنتائج المهمة للوظيفة التي تريدها.
ats-fix-format-contact = اكتب بريدك وهاتفك نصًا عاديًا أعلى متن الصفحة، لا في الترويسة أو التذييل أو صورة فقط: كثير من الأنظمة تتجاهلها.
