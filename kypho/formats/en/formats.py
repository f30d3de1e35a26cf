"""Dates and times as the US writes them: "March 27, 2026", "Mar 27, 2026, 2:05 PM".

Django's own US formats abbreviate months with a period ("Mar. 27") and write times as
"2:05 p.m."; these are the forms US patients and clinicians see on forms and letters.
Templates use the names (`|date`, `|date:"SHORT_DATETIME_FORMAT"`), never a pattern.
"""

DATE_FORMAT = "F j, Y"
SHORT_DATE_FORMAT = "M j, Y"
DATETIME_FORMAT = "F j, Y, g:i A"
SHORT_DATETIME_FORMAT = "M j, Y, g:i A"
MONTH_DAY_FORMAT = "F j"
TIME_FORMAT = "g:i A"
