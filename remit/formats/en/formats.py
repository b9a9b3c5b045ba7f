"""English date formats: day before month, unambiguous wherever the reader lives.

Django's "en" formats are American ("Oct. 8, 2026", "10/08/2026"); Remit's English
reads "8 Oct 2026" for everyone. Chinese keeps Django's own (2026年10月8日).
"""

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
