# export messages (ar).
# عناوين أقسام السيرة المصدَّرة (صياغة قياسية تتعرف عليها أنظمة تتبع المتقدمين).
export-heading-summary = الملخص
export-heading-experience = الخبرة العملية
export-heading-education = التعليم
export-heading-skills = المهارات
export-heading-languages = اللغات
export-heading-certifications = الشهادات
export-heading-projects = المشاريع
export-heading-achievements = الإنجازات
# التواريخ.
export-present = حتى الآن
export-month-1 = يناير
export-month-2 = فبراير
export-month-3 = مارس
export-month-4 = أبريل
export-month-5 = مايو
export-month-6 = يونيو
export-month-7 = يوليو
export-month-8 = أغسطس
export-month-9 = سبتمبر
export-month-10 = أكتوبر
export-month-11 = نوفمبر
export-month-12 = ديسمبر
export-degree-field = { $degree }، { $field }
export-list-separator = ،
# سطر الأوامر.
export-written = تمت كتابة { $path }
export-template-line = { $name }: { $description }
