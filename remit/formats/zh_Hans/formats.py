"""Chinese number grouping as business documents write it: 4,760,000 元.

Django's zh_Hans formats group by nothing (an empty separator); financial reports
and budgets in mainland China group by thousands with a comma. Dates stay Django's
(2026年10月8日).
"""

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
