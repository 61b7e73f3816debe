"""Pages a worker's tests take in turn (``open_page(path)``: one per set of context options).

Opening the article in a fresh browser context costs Chromium about 1.3 s of CPU on these machines; navigating
a page it already has costs about 0.4 s (the tab, its renderer and the assets' cache are kept). The suite opens
the article some 250 times on two busy cores, so a test that only loads a page and looks at it takes the
worker's page for its context options (the viewport is set on the page), wiped of what a test leaves behind:
local and session storage, cookies, a button or modifier key left pressed, the pointer's place (moved to a
corner of a blank page) and the problems collected. A test that changes the page in a way a navigation does
not undo (an init script, a route, a listener, emulated media, a CDP session, permissions, a page or context
closed) marks it used up: the next test gets a new context and a new page. A test that instruments a load
(``open_page(None)``, ``wait=False``) or asks for a cold page (``fresh=True``) gets a context of its own, as
before, so what is measured while a page loads is measured on a cold page.
"""

from __future__ import annotations

# methods whose effect outlives a navigation (Playwright's Page and BrowserContext)
SPOILING_PAGE = ("add_init_script", "route", "route_from_har", "unroute", "unroute_all", "expose_function",
                 "expose_binding", "emulate_media", "set_extra_http_headers", "on", "once", "add_locator_handler",
                 "set_default_timeout", "set_default_navigation_timeout", "go_back", "go_forward", "close")
SPOILING_CONTEXT = ("add_init_script", "route", "unroute", "new_cdp_session", "grant_permissions", "clear_permissions",
                    "set_offline", "add_cookies", "set_geolocation", "expose_binding", "expose_function",
                    "set_extra_http_headers", "new_page", "set_default_timeout", "close")


class PagePool:
    """``take(viewport, listen, **context options)`` -> the worker's page for those options (``listen(page)``
    attaches the problem listeners to a new one), or None while a test holds one; ``give_back()`` when the test
    ends; ``close()`` at the session's end. At most ``KEPT`` pages are kept, one per set of context options
    (a phone's touch screen, the dark scheme, no JavaScript...), the least recently used closed first."""

    KEPT = 3

    def __init__(self, browser):
        self.browser = browser
        self.pages: dict[str, object] = {}  # (by context options, the least recently used first)
        self.lent = False

    def take(self, viewport: dict, listen, **options):
        if self.lent:
            return None  # (a test opening two pages at once: the second gets a context of its own)
        key = repr(sorted(options.items()))
        page = self.pages.pop(key, None)
        if page is not None and not self._wiped(page):
            _close(page)
            page = None
        if page is None:
            while len(self.pages) >= self.KEPT:
                _close(self.pages.pop(next(iter(self.pages))))
            page = self.browser.new_context(viewport=viewport, **options).new_page()
            listen(page)
            page.spoiled = False
            _spoil_on_use(page, SPOILING_PAGE, page)
            _spoil_on_use(page.context, SPOILING_CONTEXT, page)
        self.pages[key] = page
        page.set_viewport_size(viewport)
        page.problems.clear()
        self.lent = True
        return page

    def give_back(self) -> None:
        self.lent = False

    def close(self) -> None:
        for page in self.pages.values():
            _close(page)
        self.pages.clear()

    def _wiped(self, page) -> bool:
        """Wipe what a test leaves on ``page``; False when it cannot be reused."""
        if page.spoiled or page.is_closed():
            return False
        try:
            page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
            page.goto("about:blank")
            page.context.clear_cookies()
            page.mouse.up()  # (a test that failed in the middle of a drag, or of a chord, leaves nothing pressed)
            for key in ("Shift", "Control", "Alt", "Meta"):
                page.keyboard.up(key)
            page.mouse.move(0, 0)
        except Exception:  # (a page left on a crashed or closed target)
            return False
        return True


def _close(page) -> None:
    try:
        page.context.close()
    except Exception:  # (already closed by its test)
        pass


def _spoil_on_use(target, names: tuple[str, ...], page) -> None:
    """Wrap ``target``'s methods ``names`` so that calling one marks ``page`` spoiled (not to be reused)."""
    for name in names:
        original = getattr(target, name, None)
        if original is None:
            continue

        def spoiling(*args, _original=original, **kwargs):
            page.spoiled = True
            return _original(*args, **kwargs)
        setattr(target, name, spoiling)
