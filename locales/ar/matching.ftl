# matching messages (ar): `jobgate match`, the Match screen and the job-match line of an analysis.

## Reasons, one per score component.
match-required-all = { PLURAL($count) ->
    [one] لديه المهارة المطلوبة
    [two] لديه المهارتان المطلوبتان
   *[other] لديه جميع المهارات المطلوبة ({ $count })
  }: { $skills }.
match-required-some = لديه { $matched } من { PLURAL($count) ->
    [one] مهارة مطلوبة واحدة
    [two] مهارتين مطلوبتين
    [few] { $count } مهارات مطلوبة
    [many] { $count } مهارة مطلوبة
   *[other] { $count } مهارة مطلوبة
  }؛ ينقصه: { $missing }.
match-required-none = ليس لديه أيٌّ من { PLURAL($count) ->
    [one] المهارة المطلوبة
    [two] المهارتين المطلوبتين
    [few] { $count } مهارات مطلوبة
    [many] { $count } مهارة مطلوبة
   *[other] { $count } مهارة مطلوبة
  }؛ ينقصه: { $missing }.
match-preferred-some = لديه { $matched } من { PLURAL($count) ->
    [one] مهارة مفضلة واحدة
    [two] مهارتين مفضلتين
    [few] { $count } مهارات مفضلة
    [many] { $count } مهارة مفضلة
   *[other] { $count } مهارة مفضلة
  }: { $skills }.
match-preferred-none = ليس لديه أيٌّ من { PLURAL($count) ->
    [one] المهارة المفضلة
    [two] المهارتين المفضلتين
    [few] المهارات المفضلة الـ{ $count }
    [many] المهارات المفضلة الـ{ $count }
   *[other] المهارات المفضلة
  } ({ $missing }).
match-years-enough = خبرة { $years } سنة؛ والوظيفة تطلب { PLURAL($count) ->
    [one] سنة واحدة
    [two] سنتين
    [few] { $asked } سنوات
    [many] { $asked } سنة
   *[other] { $asked } سنة
  } على الأقل.
match-years-short = خبرة { $years } سنة فقط؛ والوظيفة تطلب { PLURAL($count) ->
    [one] سنة واحدة
    [two] سنتين
    [few] { $asked } سنوات
    [many] { $asked } سنة
   *[other] { $asked } سنة
  } على الأقل.
match-years-unknown = لم نجد خبرة عمل مؤرخة؛ والوظيفة تطلب { PLURAL($count) ->
    [one] سنة واحدة
    [two] سنتين
    [few] { $asked } سنوات
    [many] { $asked } سنة
   *[other] { $asked } سنة
  } على الأقل.
match-education-ok = المؤهل: { $level }؛ والوظيفة تطلب { $asked }.
match-education-short = المؤهل: { $level }، وهو أدنى من { $asked } الذي تطلبه الوظيفة.
match-education-unknown = مستوى المؤهل في السيرة غير واضح؛ والوظيفة تطلب { $asked }.
match-education-none = لم نجد مؤهلًا دراسيًا؛ والوظيفة تطلب { $asked }.
match-languages-all = يتحدث { $languages } كما تطلب الوظيفة.
match-languages-missing = { PLURAL($count) ->
    [one] لغة تطلبها الوظيفة ولا تظهر في السيرة
    [two] لغتان تطلبهما الوظيفة ولا تظهران في السيرة
   *[other] لغات تطلبها الوظيفة ولا تظهر في السيرة
  }: { $missing }.
match-title-fit = المسمى «{ $cv_title }» يوافق مسمى الوظيفة «{ $job_title }» بنسبة { $percent }٪.
match-title-none = لا يوجد في السيرة مسمى قريب من «{ $job_title }».
match-ats = درجة السيرة نفسها في أنظمة تتبع المتقدمين { $score } من 100.

## Education levels and languages, as shown in reasons.
match-level-high-school = الثانوية العامة
match-level-diploma = الدبلوم
match-level-bachelor = البكالوريوس
match-level-master = الماجستير
match-level-phd = الدكتوراه
match-language-english = الإنجليزية
match-language-arabic = العربية
match-language-french = الفرنسية
match-language-german = الألمانية
match-language-spanish = الإسبانية

## The job-match line of a single CV's analysis (check id `job_match`).
match-check-all = سيرتك فيها { PLURAL($count) ->
    [one] الكلمة المفتاحية الوحيدة
    [two] الكلمتان المفتاحيتان
    [few] الكلمات المفتاحية الـ{ $count } كلها
    [many] الكلمات المفتاحية الـ{ $count } كلها
   *[other] الكلمات المفتاحية كلها
  } لهذه الوظيفة.
match-check-some = سيرتك فيها { $matched } من { PLURAL($count) ->
    [one] كلمة مفتاحية واحدة
    [two] كلمتين مفتاحيتين
    [few] { $count } كلمات مفتاحية
    [many] { $count } كلمة مفتاحية
   *[other] { $count } كلمة مفتاحية
  } لهذه الوظيفة.
match-check-nothing = لا يذكر وصف هذه الوظيفة مهارات يعرفها Job Gate.
match-check-suggestion = أضف هذه الكلمات المفتاحية حيث تنطبق عليك فعلًا: { $missing }.

## `jobgate match` output.
match-progress = تم تحليل { $done } من { PLURAL($count) ->
    [one] سيرة ذاتية واحدة
    [two] سيرتين ذاتيتين
    [few] { $count } سير ذاتية
    [many] { $count } سيرة ذاتية
   *[other] { $count } سيرة ذاتية
  }
match-job = الوظيفة: { $title }
match-job-required = المهارات المطلوبة: { $skills }
match-job-preferred = المهارات المفضلة: { $skills }
match-job-years = خبرة { PLURAL($count) ->
    [one] سنة واحدة
    [two] سنتين
    [few] { $years } سنوات
    [many] { $years } سنة
   *[other] { $years } سنة
  } على الأقل
match-job-education = المؤهل: { $level }
match-job-languages = اللغات: { $languages }
match-job-untitled = (لم نجد مسمى للوظيفة)
match-ranked = { PLURAL($count) ->
    [zero] لم تُرتَّب أي سيرة ذاتية
    [one] رُتِّبت سيرة ذاتية واحدة
    [two] رُتِّبت سيرتان ذاتيتان
    [few] رُتِّبت { $count } سير ذاتية
    [many] رُتِّبت { $count } سيرة ذاتية
   *[other] رُتِّبت { $count } سيرة ذاتية
  }
match-failed = { PLURAL($count) ->
    [one] تعذّر تحليل سيرة ذاتية واحدة
    [two] تعذّر تحليل سيرتين ذاتيتين
    [few] تعذّر تحليل { $count } سير ذاتية
    [many] تعذّر تحليل { $count } سيرة ذاتية
   *[other] تعذّر تحليل { $count } سيرة ذاتية
  }:
match-csv-written = كُتب الترتيب في { $path }
match-col-rank = الترتيب
match-col-file = الملف
match-col-name = الاسم
match-col-score = الدرجة
match-col-matched = المهارات المطلوبة الموجودة
match-col-missing = المهارات المطلوبة الناقصة
match-col-preferred = المهارات المفضلة الموجودة
match-col-years = سنوات الخبرة
match-col-education = المؤهل
match-col-languages = اللغات الناقصة
match-col-title = أقرب مسمى
match-col-ats = درجة ATS
match-col-reasons = الأسباب

# A requirement that offers a choice of skills ("Tableau أو Power BI"); $skills are all but the last.
match-skills-either = { $skills } أو { $last }
