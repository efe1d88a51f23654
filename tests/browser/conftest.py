"""Drive Debian's Chromium through Playwright against a live server, with an axe check."""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kb.site_setup import ensure_site
from tests.conftest import skip_or_fail

# Playwright's sync API runs an event loop; Django must still let tests touch the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# A page the single-threaded test server builds while the machine is busy can take longer
# than Playwright's default five seconds; waiting longer costs nothing when it is quick.
expect.set_options(timeout=15_000)

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-results"
PHONE, DESKTOP = 360, 1280
BLOCKING_IMPACTS = {"serious", "critical"}
SETTLE_ANIMATIONS = (
    "*, *::before, *::after { animation: none !important; transition: none !important; }"
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        skip_or_fail("Chromium findes ikke (apt-get install chromium); browsertests springes over")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def base_url():
    """None: tests go to their live server's own URL. Defined here because pytest-playwright's
    fallback for it is an instance-method fixture, which pytest warns is deprecated."""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "da-DK",
        "viewport": {"width": DESKTOP, "height": 900},
    }


@pytest.fixture
def live_site(live_server):
    """A running site with its page tree; tests add the content they need."""
    ensure_site()
    return live_server


def screenshot(page, name: str, width: int) -> Path:
    """Resize to ``width`` and save a full-page screenshot under test-results/."""
    page.set_viewport_size({"width": width, "height": 900})
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_accessible(page, within: str | None = None) -> None:
    """Fail on serious or critical axe-core violations, listing each with its nodes; with
    ``within`` (a CSS selector), in that part of the page only.

    Animations are settled first: axe measures colours as they are at that instant, and a
    message still fading in would count as low contrast."""
    page.add_style_tag(content=SETTLE_ANIMATIONS)
    results = Axe().run(page, context=within)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"{v['impact']}: {v['id']} – {v['help']} @ {[n['target'] for n in v['nodes']]}"
        for v in blocking
    )
    assert not blocking, f"axe fandt problemer på {page.url}:\n{report}"


def log_in(page, live_site, user) -> None:
    """Log in to the admin as ``user``, whose password is "password" (as pytest-django's
    ``admin_user`` has)."""
    page.goto(f"{live_site.url}/admin/login/")
    page.get_by_label("Brugernavn").fill(user.username)
    page.get_by_label("Adgangskode").fill("password")
    page.get_by_role("button", name="Log ind").click()


def inside(inner: dict, outer: dict) -> bool:
    return (
        inner["x"] >= outer["x"]
        and inner["y"] >= outer["y"]
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"]
    )


def assert_title_is_uncovered(page, width: int, name: str = "Sager") -> None:
    """The header's title (its last breadcrumb) is on the screen, neither end under a button."""
    title = page.locator("[data-w-breadcrumbs] li:last-child a")
    expect(title).to_have_text(name)
    box = title.bounding_box()
    assert inside(box, {"x": 0, "y": 0, "width": width, "height": 900}), box
    middle = box["y"] + box["height"] / 2
    for x in (box["x"] + 2, box["x"] + box["width"] - 2):  # both ends of the word
        on_top = f"document.elementFromPoint({x}, {middle}).closest('li:last-child a')"
        assert page.evaluate(f"!!{on_top}"), f"Titlen er dækket ved x={x}"


def assert_readable_on_a_phone(page, name) -> None:
    """A list's ``name`` link takes at most two lines (squeezed by too many columns, names stood
    a few letters a line: "Bofæ / lless / kabet / …"), and the page is no wider than the phone."""
    assert name.evaluate("link => link.getClientRects().length") <= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert_accessible(page)
