//! The reader's interface text in every language the UI speaks.
//!
//! Each language is one [`Ui`] value, so a missing string is a compile error,
//! not a blank on screen. Dataset text never comes through here.

/// Every string the interface shows, in one language.
pub struct Ui {
    /// BCP 47 tag, also used as the locale for Intl formatting.
    pub lang: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub skip_to_content: &'static str,
    pub archive: &'static str,
    pub error_network: &'static str,
    pub error_status: &'static str,
    pub error_not_json: &'static str,
    pub error_malformed: &'static str,
    pub error_hint: &'static str,
    pub not_found_title: &'static str,
    pub not_found_entry: &'static str,
    pub not_found_page: &'static str,
    pub unknown_language: &'static str,
    pub back_to_archive: &'static str,
    pub sources: &'static str,
    pub accessed: &'static str,
    pub ibid: &'static str,
    /// Quotation marks around a source title, by the page's typographic convention.
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    pub back_to_text: &'static str,
    pub note: &'static str,
    pub about_author: &'static str,
    pub by: &'static str,
    pub not_in_language: &'static str,
    /// Label of the language switcher's navigation landmark.
    pub language_nav: &'static str,
    pub unavailable_in: &'static str,
    pub also_available: &'static str,
    /// "Translated from {from} by {by}": the parts around the two names.
    pub translated_from: [&'static str; 3],
    pub original_text: &'static str,
    /// "This entry is not available in {lang}; it is shown in {fallback}."
    pub fallback_notice: [&'static str; 3],
    pub read_original: &'static str,
    /// "The address asked for the language "{code}", which this site does not have."
    pub unknown_language_notice: [&'static str; 2],
    /// "{n} min read", by CLDR plural category: one, few, many, other.
    pub minutes_read: Plural,
    /// "{n} sources"
    pub sources_count: Plural,
    pub similar: &'static str,
    pub also_about: &'static str,
    pub dark_theme: &'static str,
    /// The parallel view control: "Side by side with" and its "off" choice.
    pub parallel: &'static str,
    pub parallel_off: &'static str,
    pub contents: &'static str,
    pub reading_progress: &'static str,
    pub crash_title: &'static str,
    pub crash_body: &'static str,
    pub reload: &'static str,
}

/// Forms of a counted phrase by CLDR plural category; `{n}` is the number.
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The phrase for `n`, given its CLDR category ("one", "few", "many", "other").
    pub fn format(&self, category: &str, n: impl std::fmt::Display) -> String {
        let form = match category {
            "one" => self.one,
            "few" => self.few,
            "many" => self.many,
            _ => self.other,
        };
        form.replace("{n}", &n.to_string())
    }
}

pub const EN: Ui = Ui {
    lang: "en",
    loading: "Loading…",
    retry: "Try again",
    skip_to_content: "Skip to content",
    archive: "All entries",
    error_network: "The articles could not be loaded: the server did not answer. Check your connection.",
    error_status: "The articles could not be loaded: the server answered with an error",
    error_not_json: "The articles could not be loaded: the server sent a web page instead of the data.",
    error_malformed: "The articles could not be loaded: the data is damaged or in a format this reader does not understand.",
    error_hint: "Details are in the browser console.",
    not_found_title: "Not found",
    not_found_entry: "There is no entry at this address.",
    not_found_page: "There is no page at this address.",
    unknown_language: "This site is not available in the language in the address.",
    back_to_archive: "Back to all entries",
    sources: "Sources",
    accessed: "accessed",
    ibid: "Ibid.",
    quote_open: "“",
    quote_close: "”",
    back_to_text: "Back to the text",
    note: "Note",
    about_author: "About the author",
    by: "By",
    not_in_language: "This entry is not available in this language yet. Read it in:",
    language_nav: "Language",
    unavailable_in: "not available in this language",
    also_available: "This post is also available in:",
    translated_from: ["Translated from ", " by ", "."],
    original_text: "Original text.",
    fallback_notice: ["This entry is not available in ", "; it is shown in ", "."],
    read_original: "Read the original",
    unknown_language_notice: ["The address asked for the language “", "”, which this site does not have. Showing the default language."],
    minutes_read: Plural { one: "{n} min read", few: "{n} min read", many: "{n} min read", other: "{n} min read" },
    sources_count: Plural { one: "{n} source", few: "{n} sources", many: "{n} sources", other: "{n} sources" },
    similar: "Similar entries",
    also_about: "Also about:",
    dark_theme: "Dark theme",
    parallel: "Side by side with",
    parallel_off: "none",
    contents: "Contents",
    reading_progress: "Reading progress",
    crash_title: "Something went wrong",
    crash_body: "The reader stopped because of an error. Reloading the page usually helps.",
    reload: "Reload the page",
};

pub const TR: Ui = Ui {
    lang: "tr",
    loading: "Yükleniyor…",
    retry: "Yeniden dene",
    skip_to_content: "İçeriğe geç",
    archive: "Tüm yazılar",
    error_network: "Yazılar yüklenemedi: sunucu yanıt vermedi. Bağlantınızı kontrol edin.",
    error_status: "Yazılar yüklenemedi: sunucu bir hatayla yanıt verdi",
    error_not_json: "Yazılar yüklenemedi: sunucu veri yerine bir web sayfası gönderdi.",
    error_malformed: "Yazılar yüklenemedi: veri bozuk ya da bu okuyucunun anlamadığı bir biçimde.",
    error_hint: "Ayrıntılar tarayıcı konsolunda.",
    not_found_title: "Bulunamadı",
    not_found_entry: "Bu adreste bir yazı yok.",
    not_found_page: "Bu adreste bir sayfa yok.",
    unknown_language: "Bu site, adresteki dilde mevcut değil.",
    back_to_archive: "Tüm yazılara dön",
    sources: "Kaynaklar",
    accessed: "erişim",
    ibid: "A.g.e.",
    quote_open: "“",
    quote_close: "”",
    back_to_text: "Metne dön",
    note: "Not",
    about_author: "Yazar hakkında",
    by: "Yazar:",
    not_in_language: "Bu yazı henüz bu dilde mevcut değil. Şu dillerde okuyun:",
    language_nav: "Dil",
    unavailable_in: "bu dilde mevcut değil",
    also_available: "Bu yazı şu dillerde de mevcut:",
    translated_from: ["", " aslından çeviren: ", "."],
    original_text: "Özgün metin.",
    fallback_notice: ["Bu yazının ", " sürümü yok; ", " sürümü gösteriliyor."],
    read_original: "Özgün metni okuyun",
    unknown_language_notice: [
        "Adresteki “",
        "” dili bu sitede yok. Varsayılan dil gösteriliyor.",
    ],
    minutes_read: Plural {
        one: "{n} dakikalık okuma",
        few: "{n} dakikalık okuma",
        many: "{n} dakikalık okuma",
        other: "{n} dakikalık okuma",
    },
    sources_count: Plural {
        one: "{n} kaynak",
        few: "{n} kaynak",
        many: "{n} kaynak",
        other: "{n} kaynak",
    },
    similar: "Benzer yazılar",
    also_about: "Ortak konular:",
    dark_theme: "Koyu tema",
    parallel: "Yan yana göster:",
    parallel_off: "kapalı",
    contents: "İçindekiler",
    reading_progress: "Okuma ilerlemesi",
    crash_title: "Bir şeyler ters gitti",
    crash_body: "Okuyucu bir hata nedeniyle durdu. Sayfayı yeniden yüklemek genellikle işe yarar.",
    reload: "Sayfayı yeniden yükle",
};

pub const RU: Ui = Ui {
    lang: "ru",
    loading: "Загрузка…",
    retry: "Повторить",
    skip_to_content: "Перейти к содержанию",
    archive: "Все материалы",
    error_network: "Не удалось загрузить материалы: сервер не ответил. Проверьте подключение.",
    error_status: "Не удалось загрузить материалы: сервер ответил ошибкой",
    error_not_json: "Не удалось загрузить материалы: вместо данных сервер прислал веб-страницу.",
    error_malformed: "Не удалось загрузить материалы: данные повреждены или в формате, который эта программа не понимает.",
    error_hint: "Подробности — в консоли браузера.",
    not_found_title: "Не найдено",
    not_found_entry: "По этому адресу материала нет.",
    not_found_page: "По этому адресу страницы нет.",
    unknown_language: "Сайт недоступен на языке, указанном в адресе.",
    back_to_archive: "Ко всем материалам",
    sources: "Источники",
    accessed: "дата обращения",
    ibid: "Там же.",
    quote_open: "«",
    quote_close: "»",
    back_to_text: "Вернуться к тексту",
    note: "Примечание",
    about_author: "Об авторе",
    by: "Автор:",
    not_in_language: "Этот материал пока недоступен на этом языке. Читать на:",
    language_nav: "Язык",
    unavailable_in: "недоступно на этом языке",
    also_available: "Эта запись также доступна на языках:",
    translated_from: ["Язык оригинала: ", ". Перевод: ", "."],
    original_text: "Оригинальный текст.",
    fallback_notice: ["Этого материала нет на языке «", "»; он показан на языке «", "»."],
    read_original: "Читать оригинал",
    unknown_language_notice: ["В адресе указан язык «", "», которого на сайте нет. Показан язык по умолчанию."],
    minutes_read: Plural { one: "{n} минута чтения", few: "{n} минуты чтения", many: "{n} минут чтения", other: "{n} минуты чтения" },
    sources_count: Plural { one: "{n} источник", few: "{n} источника", many: "{n} источников", other: "{n} источника" },
    similar: "Похожие материалы",
    also_about: "Также о:",
    dark_theme: "Тёмная тема",
    parallel: "Параллельный текст:",
    parallel_off: "нет",
    contents: "Содержание",
    reading_progress: "Прогресс чтения",
    crash_title: "Что-то пошло не так",
    crash_body: "Программа остановилась из-за ошибки. Обычно помогает перезагрузка страницы.",
    reload: "Перезагрузить страницу",
};

/// The interface text for a language tag, English when the UI lacks it.
///
/// Matches on the primary subtag, so `tr-TR` gets Turkish.
pub fn ui(lang: &str) -> &'static Ui {
    let primary = lang.split('-').next().unwrap_or_default();
    match primary.to_ascii_lowercase().as_str() {
        "tr" => &TR,
        "ru" => &RU,
        _ => &EN,
    }
}
