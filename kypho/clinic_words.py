"""The clinic's own words, in each language a patient reads.

A clinic writes its emergency advice and its answer time in `CLINIC_EMERGENCY_MESSAGE`
and `CLINIC_RESPONSE_TIME_TEXT`, in English; each has a Spanish twin (`..._ES`) shown on
the Spanish pages. Both ship with the same default, in each language. A clinic that
rewrites the English and sets no Spanish gets its English on the Spanish pages too (never
the shipped Spanish, which would say something else), and a warning at start-up
(kypho/checks.py).

Pure data: settings.py reads its defaults here.
"""

# setting -> {language: shipped default}
DEFAULTS = {
    "CLINIC_EMERGENCY_MESSAGE": {
        "en": "If this is an emergency, call your local emergency number now (911 in the US) "
        "or go to the nearest emergency department.",
        "es": "Si es una emergencia, llame ahora al número de emergencias de su zona (911 en "
        "Estados Unidos). O vaya a la sala de emergencias más cercana.",
    },
    "CLINIC_RESPONSE_TIME_TEXT": {
        "en": "within 2 business days",
        "es": "en un plazo de 2 días hábiles",
    },
}
LANGUAGES = ("en", "es")
# The name each setting has in templates.
CONTEXT_NAMES = {
    "CLINIC_EMERGENCY_MESSAGE": "clinic_emergency_message",
    "CLINIC_RESPONSE_TIME_TEXT": "clinic_response_time_text",
}


def setting_name(setting, language):
    """The setting that holds `setting` in `language` (English's has no suffix)."""
    return setting if language == "en" else f"{setting}_{language.upper()}"


def twin_default(setting, language, english):
    """The default of `setting`'s twin in `language`, given the clinic's English.

    The shipped translation while the English is the shipped default; once the clinic
    rewrites the English, the English itself: a stale translation could give the wrong
    number of days, where English at least says what the clinic wrote.
    """
    shipped = DEFAULTS[setting]
    return shipped[language] if english == shipped["en"] else english


def words_in(settings, language):
    """{context name: the clinic's words in `language`} (English for a language without)."""
    language = language if language in LANGUAGES else "en"
    return {
        name: getattr(settings, setting_name(setting, language))
        for setting, name in CONTEXT_NAMES.items()
    }


def untranslated(settings):
    """[(English setting, twin)] whose English was rewritten and whose twin shows it as is."""
    return [
        (setting, setting_name(setting, language))
        for setting, shipped in DEFAULTS.items()
        for language in LANGUAGES
        if language != "en"
        and getattr(settings, setting) != shipped["en"]
        and getattr(settings, setting_name(setting, language)) == getattr(settings, setting)
    ]
