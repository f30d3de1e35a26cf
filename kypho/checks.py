"""Start-up checks on the words the clinic configures for patients.

- Every code in `LANGUAGE_HELP_LANGUAGES` must have a line in kypho/language_help.py:
  an unknown code (a typo, a language with no line yet) would drop a language the clinic
  must show, so the app refuses to start, naming the code and the known ones.
- A clinic that rewrote `CLINIC_EMERGENCY_MESSAGE` or `CLINIC_RESPONSE_TIME_TEXT` but set
  no Spanish twin shows its English on the Spanish pages: a warning names the twin to set.
- `CLINIC_LANGUAGE` must be one of `LANGUAGES`: the clinician pages have no other words.
- A translation catalogue that is not compiled, or compiled before its last edit, would
  show patients English (or yesterday's Spanish) on Spanish pages: a warning says to run
  `compilemessages`.
"""

from pathlib import Path

from django.conf import settings
from django.core import checks

from kypho import clinic_words, language_help


@checks.register("kypho")
def check_language_help_languages(app_configs=None, **kwargs):
    """An error for each code in LANGUAGE_HELP_LANGUAGES with no language-help line."""
    known = ", ".join(sorted(language_help.TAGLINES))
    return [
        checks.Error(
            f"LANGUAGE_HELP_LANGUAGES lists {code!r}, a language with no language-help line.",
            hint=f"Use codes from this list, separated by commas: {known}.",
            obj="LANGUAGE_HELP_LANGUAGES",
            id="kypho.E002",
        )
        for code in language_help.unknown_codes(settings.LANGUAGE_HELP_LANGUAGES)
    ]


@checks.register("kypho")
def check_clinic_language(app_configs=None, **kwargs):
    """An error when CLINIC_LANGUAGE is not one of LANGUAGES."""
    codes = [code for code, _name in settings.LANGUAGES]
    if settings.CLINIC_LANGUAGE in codes:
        return []
    return [
        checks.Error(
            f"CLINIC_LANGUAGE is {settings.CLINIC_LANGUAGE!r}, not one of the site's languages.",
            hint=f"Use one of: {', '.join(codes)}.",
            obj="CLINIC_LANGUAGE",
            id="kypho.E003",
        )
    ]


@checks.register("kypho")
def check_spanish_twins(app_configs=None, **kwargs):
    """A warning for each clinic text changed in English but not in Spanish."""
    return [
        checks.Warning(
            f"{setting} is changed but {twin} is not set: the Spanish pages would show "
            "it in English.",
            hint=f"Set {twin} to the Spanish of your {setting}.",
            obj=twin,
            id="kypho.W001",
        )
        for setting, twin in clinic_words.untranslated(settings)
    ]


def stale_catalogues(locale_paths=None):
    """The .po files under the locale folders with no .mo beside them, or an older one."""
    stale = []
    for folder in locale_paths if locale_paths is not None else settings.LOCALE_PATHS:
        for source in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
            compiled = source.with_suffix(".mo")
            if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
                stale.append(source)
    return stale


@checks.register("kypho")
def check_compiled_translations(app_configs=None, **kwargs):
    """A warning for each translation catalogue not compiled since it last changed."""
    return [
        checks.Warning(
            f"{source} is not compiled, or changed since it was: its pages would show "
            "English or old wording.",
            hint="Run: python manage.py compilemessages",
            obj=str(source),
            id="kypho.W002",
        )
        for source in stale_catalogues()
    ]
