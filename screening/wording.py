"""Lengths of time in the plain words patients read (`6 hours`, `2 years`).

Settings hold seconds and days; pages say them the way a person would, so the words
follow the setting and are never written twice, in the patient's language.
"""

from django.utils.translation import ngettext

DAYS_PER_MONTH = 365.25 / 12
UNITS = {
    "minute": lambda n: ngettext("%(count)d minute", "%(count)d minutes", n),
    "hour": lambda n: ngettext("%(count)d hour", "%(count)d hours", n),
    "day": lambda n: ngettext("%(count)d day", "%(count)d days", n),
    "month": lambda n: ngettext("%(count)d month", "%(count)d months", n),
    "year": lambda n: ngettext("%(count)d year", "%(count)d years", n),
}


def counted(number, unit):
    """`1 hour`, `6 hours` (`1 hora`, `6 horas`)."""
    return UNITS[unit](number) % {"count": number}


def plain_hours(seconds):
    """A session's idle limit: whole hours when it is a whole number of them, else minutes."""
    if seconds >= 3600 and seconds % 3600 == 0:
        return counted(seconds // 3600, "hour")
    return counted(max(1, round(seconds / 60)), "minute")


def plain_period(days):
    """A retention period: years when whole, else months, else days (730 is `2 years`)."""
    months = round(days / DAYS_PER_MONTH)
    if months >= 12 and months % 12 == 0:
        return counted(months // 12, "year")
    if months >= 1:
        return counted(months, "month")
    return counted(days, "day")
