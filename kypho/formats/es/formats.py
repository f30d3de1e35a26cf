"""Dates and times as Spanish writes them: "27 de marzo de 2026", "27/03/2026, 2:05 PM".

Day before month, as Spanish-speaking patients read dates. Numbers as Spanish is written
in the US and Mexico (1,000 and 100.4), as the clinic's Spanish pages write temperatures.
Templates use the names (`|date`, `|date:"SHORT_DATE_FORMAT"`), never a pattern.
"""

DATE_FORMAT = r"j \d\e F \d\e Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i A"
SHORT_DATETIME_FORMAT = "d/m/Y, g:i A"
MONTH_DAY_FORMAT = r"j \d\e F"
TIME_FORMAT = "g:i A"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
