"""The worker's reusable page (tests/page_pool.py): what one test leaves on it never reaches the next."""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE
from page_pool import PagePool

pytestmark = pytest.mark.browser


def test_a_reused_page_is_wiped_and_a_spoiled_one_replaced(browser, site_server):
    pool = PagePool(browser)
    try:
        listened = []
        page = pool.take(DESKTOP, lambda p: (listened.append(p), setattr(p, "problems", [])))
        assert pool.take(DESKTOP, listened.append) is None, "a page lent twice at once"
        page.goto(site_server.url(""))
        page.evaluate("localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1')")
        page.context.clear_cookies()
        page.evaluate("document.cookie = 'left=1; path=/'")
        page.problems.append("from the first test")
        pool.give_back()
        again = pool.take(PHONE, listened.append)
        assert again is page and listened == [page], "the clean page was not reused"
        again.goto(site_server.url(""))
        left = again.evaluate("[localStorage.getItem('left'), sessionStorage.getItem('left'), document.cookie, innerWidth]")
        assert left == [None, None, "", PHONE["width"]] and again.problems == [], (left, again.problems)
        # an init script outlives navigations: the page is not lent again
        again.add_init_script("window.__left = 1")
        pool.give_back()
        third = pool.take(DESKTOP, lambda p: (listened.append(p), setattr(p, "problems", [])))
        assert third is not page and page.is_closed() and listened[-1] is third
        third.goto(site_server.url(""))
        assert third.evaluate("window.__left") is None
        # context options have pages of their own, kept side by side
        pool.give_back()
        dark = pool.take(DESKTOP, lambda p: setattr(p, "problems", []), color_scheme="dark")
        dark.goto(site_server.url(""))
        assert dark is not third and dark.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        pool.give_back()
        assert pool.take(DESKTOP, listened.append) is third
    finally:
        pool.close()
