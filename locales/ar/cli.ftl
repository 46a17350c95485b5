# مخرجات سطر الأوامر (jobgate).
cli-files-analyzed = { PLURAL($count) ->
    [zero] لم يُحلَّل أي ملف
    [one] حُلِّل ملف واحد
    [two] حُلِّل ملفان
    [few] حُلِّلت { $count } ملفات
    [many] حُلِّل { $count } ملفًا
   *[other] حُلِّل { $count } ملف
}
