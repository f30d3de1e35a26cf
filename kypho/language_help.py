"""The notice of free language help, one line in each language a clinic may show.

US clinics that take federal money must tell patients, on their website, that free
language help is available, in the top 15 languages of the states they serve (Section
1557 of the Affordable Care Act, 45 CFR 92.11, 2024). Each line below says "Free language
help is available. Call {phone}." in its own language and script, so a reader who knows no
English can still find the number. `LANGUAGE_HELP_LANGUAGES` picks the lines and their
order; `DEFAULT_LANGUAGES` is a US-wide top 15, Spanish first. A clinic serving other
states picks its own (kypho/checks.py refuses a code with no line here).

Pure data and helpers: no request, no database.
"""

from dataclasses import dataclass

PHONE = "{phone}"
# Written right to left; every other line here is left to right.
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ps", "ur", "yi"})


@dataclass(frozen=True)
class Tagline:
    """One language's line: its code (BCP 47), its own name for itself, the sentence."""

    code: str
    name: str
    text: str

    @property
    def direction(self):
        """ "rtl" or "ltr", for the line's `dir` attribute."""
        return "rtl" if self.code in RIGHT_TO_LEFT else "ltr"

    @property
    def anchor(self):
        """The id of this language's line on the page (`#lang-vi`)."""
        return f"lang-{self.code}"

    @property
    def before_phone(self):
        """The words before the phone number (the page puts a link to it in between)."""
        return self.text.partition(PHONE)[0]

    @property
    def after_phone(self):
        """The words (or full stop) after the phone number."""
        return self.text.partition(PHONE)[2]


TAGLINES = {
    line.code: line
    for line in (
        Tagline("en", "English", "Free language help is available. Call {phone}."),
        Tagline("es", "Español", "Hay ayuda gratis con el idioma. Llame al {phone}."),
        Tagline("zh-Hant", "繁體中文", "我們免費提供語言協助。請致電 {phone}。"),
        Tagline("zh-Hans", "简体中文", "我们免费提供语言协助。请致电 {phone}。"),
        Tagline(
            "vi", "Tiếng Việt", "Có dịch vụ hỗ trợ ngôn ngữ miễn phí. Vui lòng gọi số {phone}."
        ),
        Tagline("tl", "Tagalog", "May libreng tulong sa wika. Tumawag sa {phone}."),
        Tagline(
            "ko", "한국어", "무료 언어 지원을 받으실 수 있습니다. {phone} 번으로 전화하십시오."
        ),
        Tagline(
            "ru", "Русский", "Доступна бесплатная языковая помощь. Позвоните по номеру {phone}."
        ),
        Tagline("ar", "العربية", "تتوفر مساعدة لغوية مجانية. اتصل بالرقم {phone}."),
        Tagline("ht", "Kreyòl ayisyen", "Ou ka jwenn èd gratis nan lang ou. Rele {phone}."),
        Tagline(
            "fr", "Français", "Une aide linguistique gratuite est disponible. Appelez le {phone}."
        ),
        Tagline("pt", "Português", "Há ajuda gratuita com o idioma. Ligue para {phone}."),
        Tagline(
            "pl",
            "Polski",
            "Dostępna jest bezpłatna pomoc językowa. Prosimy dzwonić pod numer {phone}.",
        ),
        Tagline("hi", "हिन्दी", "मुफ़्त भाषा सहायता उपलब्ध है। {phone} पर कॉल करें।"),
        Tagline("ja", "日本語", "無料の言語支援をご利用いただけます。{phone} までお電話ください。"),
        Tagline("fa", "فارسی", "کمک زبانی رایگان در دسترس است. با شماره {phone} تماس بگیرید."),
        Tagline("de", "Deutsch", "Kostenlose Sprachhilfe ist verfügbar. Rufen Sie {phone} an."),
        Tagline("ur", "اردو", "مفت زبان کی مدد دستیاب ہے۔ {phone} پر کال کریں۔"),
        Tagline("bn", "বাংলা", "বিনামূল্যে ভাষা সহায়তা পাওয়া যায়। {phone} নম্বরে কল করুন।"),
        Tagline("gu", "ગુજરાતી", "મફત ભાષા સહાય ઉપલબ્ધ છે. {phone} પર કૉલ કરો."),
        Tagline("pa", "ਪੰਜਾਬੀ", "ਮੁਫ਼ਤ ਭਾਸ਼ਾ ਸਹਾਇਤਾ ਉਪਲਬਧ ਹੈ। {phone} 'ਤੇ ਕਾਲ ਕਰੋ।"),
        Tagline(
            "it",
            "Italiano",
            "È disponibile un aiuto linguistico gratuito. Chiami il numero {phone}.",
        ),
        Tagline(
            "hy", "Հայերեն", "Անվճար լեզվական օգնություն հասանելի է։ Զանգահարեք {phone} համարով։"
        ),
        Tagline("km", "ភាសាខ្មែរ", "មានជំនួយភាសាដោយឥតគិតថ្លៃ។ សូមទូរស័ព្ទទៅលេខ {phone}។"),
        Tagline("lo", "ພາສາລາວ", "ມີການຊ່ວຍເຫຼືອດ້ານພາສາໂດຍບໍ່ເສຍຄ່າ. ໂທຫາ {phone}."),
        Tagline(
            "so", "Soomaali", "Caawimaad luqadeed oo bilaash ah ayaa la heli karaa. Wac {phone}."
        ),
        Tagline("am", "አማርኛ", "ነፃ የቋንቋ እርዳታ ይገኛል። ወደ {phone} ይደውሉ።"),
        Tagline(
            "uk",
            "Українська",
            "Доступна безкоштовна мовна допомога. Телефонуйте за номером {phone}.",
        ),
        Tagline("yi", "ייִדיש", "אומזיסטע הילף מיט דער שפּראַך איז פֿאַראַן. רופֿט {phone}."),
        Tagline("he", "עברית", "עזרה בשפה ניתנת ללא תשלום. התקשרו למספר {phone}."),
        Tagline("el", "Ελληνικά", "Διατίθεται δωρεάν γλωσσική βοήθεια. Καλέστε στο {phone}."),
        Tagline("th", "ไทย", "มีบริการช่วยเหลือด้านภาษาฟรี โทร {phone}"),
        Tagline("ne", "नेपाली", "निःशुल्क भाषा सहायता उपलब्ध छ। {phone} मा फोन गर्नुहोस्।"),
        Tagline("ps", "پښتو", "وړیا ژبنۍ مرسته شته. {phone} ته زنګ ووهئ."),
        Tagline("hmn", "Hmoob", "Muaj kev pab txhais lus dawb. Hu rau {phone}."),
        Tagline("te", "తెలుగు", "ఉచిత భాషా సహాయం అందుబాటులో ఉంది. {phone} కు కాల్ చేయండి."),
        Tagline("ta", "தமிழ்", "இலவச மொழி உதவி கிடைக்கும். {phone} என்ற எண்ணை அழைக்கவும்."),
        Tagline("sw", "Kiswahili", "Msaada wa lugha bila malipo unapatikana. Piga simu {phone}."),
        Tagline("ro", "Română", "Este disponibil ajutor lingvistic gratuit. Sunați la {phone}."),
    )
}

# A US-wide top 15 (Census language data), Spanish first.
DEFAULT_LANGUAGES = (
    "es", "zh-Hant", "vi", "tl", "ko", "ru", "ar", "ht", "fr", "pt", "pl", "hi", "ja", "fa", "de",
)  # fmt: skip
# How many languages the footer of every page names (the page lists them all).
FOOTER_COUNT = 4


def unknown_codes(codes):
    """The codes in `codes` that have no line here, in their order."""
    return [code for code in codes if code not in TAGLINES]


def taglines(codes):
    """The lines for `codes`, in that order; codes with no line are left out."""
    return [TAGLINES[code] for code in codes if code in TAGLINES]


def footer_taglines(codes, reading):
    """The first FOOTER_COUNT lines for `codes`, without the language the page is in."""
    return [line for line in taglines(codes) if line.code != reading][:FOOTER_COUNT]
