"""A paginator whose count stops at a cap, so a page costs the same at any table size.

Counting every matching row is the one step of the queue whose cost grows with the table;
past the cap the queue says "1,000+" and a clinician narrows it with the filters.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 1_000


class CappedPaginator(Paginator):
    @cached_property
    def count(self):
        """Matching rows, counted up to COUNT_CAP + 1 (a bounded subquery)."""
        return self.object_list[: COUNT_CAP + 1].count()

    @property
    def capped(self):
        return self.count > COUNT_CAP

    @property
    def count_label(self):
        """The count as shown: exact, or "10,000+" past the cap."""
        return f"{COUNT_CAP:,}+" if self.capped else f"{self.count:,}"
