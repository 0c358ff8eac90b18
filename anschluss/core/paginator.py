"""A paginator for queries that return a page and the total in one statement."""

from collections.abc import Callable, Sequence

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

# fetch(offset, limit) -> (total, rows); the total may be 0 when offset is past the last row.
Fetch = Callable[[int, int], tuple[int, Sequence]]


class OneQueryPaginator(Paginator):
    """Django's Paginator over a `fetch(offset, limit)` that also returns the total (e.g. `COUNT(*) OVER ()`).

    A search that sorts by relevance or distance has to find and rank every match anyway; counting them in the
    same pass saves running the whole search a second time for the count. Only a page number past the end
    costs a second statement (to find the last page). Orphans are not supported."""

    def __init__(self, fetch: Fetch, per_page: int, allow_empty_first_page: bool = True):
        super().__init__([], per_page, orphans=0, allow_empty_first_page=allow_empty_first_page)
        self.fetch = fetch
        self._total: int | None = None

    @property
    def count(self) -> int:
        if self._total is None:
            self._total = self.fetch(0, 1)[0]
        return self._total

    def validate_number(self, number) -> int:
        """Only the form of the number; whether the page exists is found out by fetching it."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number) -> Page:
        number = self.validate_number(number)
        total, rows = self.fetch((number - 1) * self.per_page, self.per_page)
        if rows:
            self._total = total
        elif number == 1:
            self._total = 0
            if not self.allow_empty_first_page:
                raise EmptyPage(self.error_messages["no_results"])
        else:
            raise EmptyPage(self.error_messages["no_results"])
        return Page(list(rows), number, self)

    def get_page(self, number) -> Page:
        """Like Paginator.get_page: a page that is not a number is the first, one past the end is the last."""
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages)
