"""The dashboard in a real headless Chromium (Debian's), driven by Playwright.

Screenshots go to artifacts/ (git-ignored). Skips when Playwright or Chromium is
missing: `pip install playwright` (no `playwright install`: we drive /usr/bin/chromium)
and `apt-get install -y chromium`.
"""
from __future__ import annotations

import os

import pytest

from browser_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, LiveServer, build_corpus_db

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    note = build_corpus_db(db)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "browser-db.txt").write_text(note + "\n", encoding="utf-8")
    with LiveServer(str(db)) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (Python package)")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's Chromium is not installed: apt-get install -y chromium")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.goto(server.url)
    page.wait_for_selector("[data-testid=event-row]")
    yield page
    assert page.errors == []
    context.close()


def shot(page, name: str, full: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_dashboard_loads_every_panel(page):
    assert "events" in page.inner_text("[data-testid=stats]")
    page.wait_for_selector("[data-testid=timeline] svg rect")
    assert page.locator("[data-testid=map] svg path").count() > 100  # country outlines
    assert page.locator("[data-testid=place]").count() >= 1
    assert page.locator("[data-testid=node]").count() >= 2
    shot(page, "dashboard-desktop", full=True)


def test_clicking_a_dyad_selects_it_everywhere(page):
    chips = page.locator("#top-dyads .chip")
    assert chips.count() >= 2
    chip = chips.nth(1)
    a, b = chip.get_attribute("data-a"), chip.get_attribute("data-b")
    with page.expect_response(lambda r: "/api/events" in r.url):
        chip.click()
    page.wait_for_function("([a, b]) => document.querySelector('#dyad-a').value === a && "
                           "document.querySelector('#dyad-b').value === b", arg=[a, b])
    assert "on" in chip.get_attribute("class")
    page.wait_for_timeout(300)
    rows = page.locator("[data-testid=event-row] td.dy").all_inner_texts()
    assert rows and all(a in row and b in row for row in rows)
    page.wait_for_selector("[data-testid=timeline] svg rect")
    shot(page, "dyad-selected")


def test_type_filter_narrows_the_table(page):
    page.select_option("#dyad-a", "")
    page.select_option("#dyad-b", "")
    page.wait_for_timeout(300)
    before = page.inner_text("[data-testid=event-count]")
    options = page.locator("#f-type option").all_inner_texts()[1:]
    counts = {}
    for option in options:
        response = page.request.get(page.url + f"api/events?type={option}&aux=real&limit=1")
        counts[option] = response.json()["total"]
    wanted = max(counts, key=counts.get)
    with page.expect_response(lambda r: "/api/events" in r.url and f"type={wanted}" in r.url):
        page.select_option("[data-testid=f-type]", wanted)
    page.wait_for_timeout(200)
    badges = page.locator("[data-testid=event-row] .badge").all_inner_texts()
    assert badges and set(badges) == {wanted}
    assert page.inner_text("[data-testid=event-count]") != before
    assert page.inner_text("[data-testid=event-count]").startswith(f"{counts[wanted]:,}")
    shot(page, "filtered-by-type")


def test_opening_an_event_highlights_its_sentence(page):
    page.locator("[data-testid=event-row]").first.click()
    dialog = page.locator("[data-testid=detail]")
    dialog.wait_for(state="visible")
    sentence = page.inner_text("[data-testid=detail-sentence]")
    marks = page.locator("[data-testid=detail-sentence] mark")
    assert marks.count() >= 1
    roles = {m.get_attribute("class") for m in marks.all()}
    assert roles & {"actor", "trigger", "recipient"}
    trigger = page.locator("[data-testid=hl-trigger]")
    if trigger.count():
        assert trigger.first.inner_text().split("\n")[0] in sentence
    shot(page, "event-detail")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")


def test_alert_marks_and_list(page):
    page.wait_for_selector("#alerts li")  # the list is filled once /api/alerts answers
    alerts = page.locator("[data-testid=alert]")
    if alerts.count() == 0:
        pytest.skip("no escalation alerts in this corpus")
    alerts.first.click()
    page.wait_for_selector("[data-testid=alert-mark]")
    assert page.locator("[data-testid=alert-mark]").count() >= 1
    assert page.input_value("#f-start") != ""
    shot(page, "alert-selected")


def test_phone_layout_has_no_sideways_scroll(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url)
    page.wait_for_selector("[data-testid=event-row]")
    page.wait_for_selector("[data-testid=timeline] svg")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392
    page.screenshot(path=str(ARTIFACTS / "dashboard-phone.png"), full_page=True)
    page.locator("[data-testid=event-row]").first.click()
    page.wait_for_selector("[data-testid=detail-sentence]")
    page.screenshot(path=str(ARTIFACTS / "event-detail-phone.png"))
    context.close()
