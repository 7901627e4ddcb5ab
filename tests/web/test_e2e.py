"""End to end in headless Chromium: `wirewatch serve` over the sample corpus and a hostile
article, driven by Playwright with Debian's /usr/bin/chromium (no browser download).

Skipped without a browser, unless WIREWATCH_REQUIRE_SERVICES=1 (CI), where it fails.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path(os.environ.get("WIREWATCH_CHROMIUM", "/usr/bin/chromium"))
WIREWATCH = Path(sys.executable).with_name("wirewatch")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serving(db: str, log: Path) -> Iterator[str]:
    """`wirewatch serve` on a free loopback port over the store ``db``; its base URL."""
    port = _free_port()
    with log.open("w") as out:
        proc = subprocess.Popen([str(WIREWATCH), "serve", "--db", db, "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"wirewatch serve did not start: {log.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def server(sample_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`wirewatch serve` on a free loopback port over the sample store; its base URL."""
    db = sample_store(str(tmp_path_factory.mktemp("e2e") / "sample.db"))
    _watch_a_failing_source(db)
    with _serving(db, tmp_path_factory.mktemp("e2e-log") / "serve.log") as base:
        yield base


FAILING_FEED = "https://feeds.example.org/frontline.xml"


def _watch_a_failing_source(db: str) -> None:
    """A source `wirewatch watch` failed on, as the sources page must show it."""
    from datetime import datetime

    from wirewatch.store import Store

    with Store(db) as store:
        store.save_watch_state({
            "url": FAILING_FEED, "kind": "feed", "etag": None, "last_modified": None,
            "last_success": datetime(2025, 11, 20, 6, 0), "last_error": "HTTP 503 (timed out)",
            "last_error_at": datetime(2025, 11, 20, 7, 0), "failures": 2,
            "next_poll": datetime(2025, 11, 20, 7, 40), "items_seen": 12, "stored": 9,
            "seen": []})


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system (Debian package `chromium`)."""
    if not CHROMIUM.exists():
        why = f"no browser at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("WIREWATCH_REQUIRE_SERVICES") == "1":
            pytest.fail(why)
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; fails the test on any script error of the page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(20_000)
    yield pg
    context.close()
    assert not errors, errors


def api(server: str, path: str, **params: Any) -> Any:
    r = httpx.get(server + path, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def marker_count(page: Any) -> int:
    """Events drawn on the map: single markers plus the numbers on the clusters."""
    clustered = sum(int(t) for t in page.locator(".leaflet-marker-pane .cluster-pie span")
                    .all_inner_texts())
    return int(clustered + page.locator(".leaflet-marker-pane .mk-hit").count())


def in_ukraine_view(fc: dict[str, Any]) -> int:
    """Features inside the box the map opens on (the clusters outside the view are not
    drawn; the view is at least this box)."""
    return sum(1 for f in fc["features"] if 44.2 <= f["geometry"]["coordinates"][1] <= 52.5
               and 22.0 <= f["geometry"]["coordinates"][0] <= 40.3)


def test_the_map_shows_the_events_that_have_a_place(server: str, page: Any) -> None:
    fc = api(server, "/api/map")
    page.goto(server + "/")
    page.wait_for_selector(".event-item")
    page.wait_for_selector(".cluster-pie")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-regions-pane path')"
                           ".length > 20")
    total = api(server, "/api/events", limit=1)["total"]
    assert page.locator("#list-total").inner_text() == f"{total} events"
    assert page.locator(".event-item").count() == min(50, total)
    assert in_ukraine_view(fc) <= marker_count(page) <= fc["total"]
    assert in_ukraine_view(fc) > 30
    assert page.locator(".leaflet-marker-pane .cluster-pie").count() >= 3


def test_filtering_by_type_updates_the_link_the_list_and_the_map(server: str,
                                                                 page: Any) -> None:
    page.goto(server + "/")
    page.wait_for_selector(".event-item")
    page.check('input[name="type"][value="strike"]')
    page.wait_for_url(re.compile(r"[?&]type=strike\b"))
    strikes = api(server, "/api/events", type="strike", limit=500)
    page.wait_for_function(
        f"() => document.getElementById('list-total').textContent === "
        f"'{strikes['total']} events'")
    chips = page.locator(".event-item .type-chip").all_inner_texts()
    assert chips and set(chips) == {"strike"}
    fc = api(server, "/api/map", type="strike")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-pane .cluster-pie')"
                           ".length + document.querySelectorAll('.mk-hit').length > 0")
    assert in_ukraine_view(fc) <= marker_count(page) <= fc["total"]
    # the link keeps the view: reload it and the same filter is on
    page.reload()
    page.wait_for_selector(".event-item")
    assert page.is_checked('input[name="type"][value="strike"]')
    assert not page.is_checked('input[name="type"][value="casualties"]')
    assert page.locator("#list-total").inner_text() == f"{strikes['total']} events"
    assert set(page.locator(".event-item .type-chip").all_inner_texts()) == {"strike"}


def test_an_event_shows_its_evidence_highlighted(server: str, page: Any) -> None:
    lyman = api(server, "/api/events", place="704204", type="territory.captured")["items"][0]
    event = api(server, f"/api/events/{lyman['id']}")
    page.goto(server + "/")
    page.wait_for_selector(".event-item")
    page.goto(server + f"/event.html?id={event['id']}")
    page.wait_for_selector("#mentions .mention")
    cards = page.locator("#mentions .mention")
    assert cards.count() == len(event["mentions"]) > 3
    # the first mentions open in their article: the highlight is exactly the evidence
    page.wait_for_function("() => document.querySelectorAll('#mentions .cut').length > 0 || "
                           "document.querySelectorAll('#mentions mark.evidence').length > 0")
    page.wait_for_function("() => [...document.querySelectorAll('#mentions .mention button')]"
                           ".every((b) => !b.disabled)")
    marks = page.locator("#mentions mark.evidence").all_inner_texts()
    assert sorted(marks) == sorted(m["evidence"]["text"] for m in event["mentions"])
    assert page.locator("#conflicts .conflict").count() == len(event["conflicts"]) > 0
    assert "Lyman" in page.title()


def test_a_hostile_article_runs_nothing_and_is_shown_as_written(server: str, page: Any,
                                                                hostile: Any) -> None:
    articles = api(server, "/api/articles", limit=500)["items"]
    aid = next(a["id"] for a in articles if a["doc"] == "hostile-report")
    page.goto(server + f"/article.html?id={aid}")
    page.wait_for_selector("#article-text a.place")
    text = page.locator("#article-text")
    assert text.inner_text().strip() == hostile.text
    # markup in the report is text: no element of it, nothing ran, the title is the page's
    assert text.locator("img, script, b").count() == 0
    assert page.evaluate("() => document.body.dataset.pwned") is None
    assert page.title() == f"wirewatch · {hostile.title}"
    assert page.locator("#article-meta a").count() == 0  # javascript: URL not linked
    assert page.locator("#article-meta").inner_text().startswith("Outlet <b>X</b>")
    # the place after the emoji is highlighted on exactly its word
    assert page.locator("#article-text a.place").first.inner_text() == "Pokrovsk"
    assert page.locator("#article-text .trigger").first.inner_text() == "struck"

    strike = next(e for e in api(server, f"/api/articles/{aid}")["events"]
                  if e["type"] == "strike")
    page.goto(server + f"/event.html?id={strike['canonical_id']}")
    page.wait_for_selector("#mentions mark.evidence")
    page.wait_for_function("() => [...document.querySelectorAll('#mentions .mention button')]"
                           ".every((b) => !b.disabled)")
    marks = page.locator("#mentions mark.evidence").all_inner_texts()
    assert strike["evidence"]["text"] in marks
    assert page.locator("#mentions img, #mentions script").count() == 0
    assert page.evaluate("() => document.body.dataset.pwned") is None


# ------------------------------------------------------------------ claims and denials

CLAIM_LOOK = ("claim", "weak")  # a look that says something is claimed to have happened


def denial_only(server: str) -> dict[str, Any]:
    items = api(server, "/api/events", modality="denied", limit=50)["items"]
    return next(e for e in items if e["place"] and e["denied_by"])


def test_a_denial_only_event_is_never_drawn_as_a_claim(server: str, page: Any) -> None:
    denied = denial_only(server)
    place = denied["place"]
    # zoomed in on its place, with only the denied events: the marker is drawn on its own
    page.goto(server + f"/?modality=denied#map=13/{place['lat']}/{place['lon']}")
    marker = page.locator(f".mk-hit[data-id='{denied['id']}'] .mk")
    marker.wait_for()
    assert marker.get_attribute("data-look") == "denied"
    style = marker.evaluate("(n) => { const s = getComputedStyle(n); return "
                            "[s.backgroundColor, s.borderTopWidth]; }")
    assert style[0] == "rgb(255, 255, 255)" and float(style[1].rstrip("px")) >= 2
    # the look of every marker and list item agrees with its event's modality
    for item in page.locator(".event-item").all():
        look = item.locator(".mk").first.get_attribute("data-look")
        assert (look == "denied") == (item.get_attribute("data-modality") == "denied")
    item = page.locator(f".event-item[data-id='{denied['id']}']")
    assert item.locator(".mk").get_attribute("data-look") not in CLAIM_LOOK
    # the legend names the hollow ring
    assert "denied only" in page.locator("#legend").inner_text()
    # its popup says who denies, and claims nothing
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    popup.locator(".denied-by").wait_for()
    assert popup.locator(".denied-by").inner_text() == "denied by " + "; ".join(
        denied["denied_by"])
    assert popup.locator(".claimed-by").count() == 0


def test_denied_by_names_the_denier_in_the_list_and_on_the_event_page(server: str,
                                                                      page: Any) -> None:
    contested = next(e for e in api(server, "/api/events", modality="contested",
                                    limit=50)["items"] if e["denied_by"])
    denier = contested["denied_by"][0]
    page.goto(server + f"/?modality=contested&place={contested['place']['geonameid']}")
    item = page.locator(f".event-item[data-id='{contested['id']}']")
    item.wait_for()
    assert denier in item.locator(".denied-by").inner_text()
    assert denier not in item.locator(".claimed-by").inner_text()
    page.goto(server + f"/event.html?id={contested['id']}")
    page.wait_for_selector("#denied-by")
    assert denier in page.locator("#denied-by").inner_text()
    assert denier not in page.locator("#claimed-by").inner_text()
    assert denier in page.locator("#modality-says").inner_text()
    # each evidence sentence is on the page once (in its mention), not again in the
    # conflicts above it
    page.wait_for_selector("#conflicts .conflict")
    assert page.locator("#conflicts blockquote, #conflicts mark").count() == 0
    event = api(server, f"/api/events/{contested['id']}")
    page.wait_for_function("() => [...document.querySelectorAll('#mentions .mention button')]"
                           ".every((b) => !b.disabled)")
    marks = page.locator("#mentions mark.evidence").all_inner_texts()
    texts = [m["evidence"]["text"] for m in event["mentions"]]
    assert sorted(marks) == sorted(texts)  # highlighted once per mention, nowhere else
    conflicts = page.locator("#conflicts").inner_text()
    assert not any(t in conflicts for t in texts)


# ------------------------------------------------------------------ a map you can read


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A 390 px wide touch screen (an iPhone 12-14 in portrait)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(20_000)
    yield pg
    context.close()
    assert not errors, errors


def test_on_a_phone_nothing_scrolls_sideways_and_every_control_is_reachable(
        server: str, phone: Any) -> None:
    phone.goto(server + "/")
    phone.wait_for_selector(".event-item")
    phone.wait_for_selector(".leaflet-marker-pane .cluster-pie, .mk-hit")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    controls = phone.locator("input, select, button, a[href], summary")
    assert controls.count() > 30
    for i in range(controls.count()):
        c = controls.nth(i)
        if not c.is_visible():
            continue
        c.scroll_into_view_if_needed()
        box = c.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 391, (
            c.evaluate("(n) => n.outerHTML.slice(0, 120)"))
    # the map is the width of the screen and tall enough to use
    box = phone.locator("#map").bounding_box()
    assert box["width"] >= 380 and box["height"] >= 300
    # a filter works by touch: tapping a type box filters the list
    phone.locator('input[name="type"][value="strike"]').tap()
    phone.wait_for_url(re.compile(r"[?&]type=strike\b"))
    phone.wait_for_function("() => [...document.querySelectorAll('.event-item .type-chip')]"
                            ".every((c) => c.textContent === 'strike')")
    # a marker can be tapped: its target is finger-sized and opens its popup
    if phone.locator(".mk-hit").count() == 0:  # every strike in a cluster: open one
        phone.locator(".leaflet-marker-pane .cluster-pie").first.tap()
    hit = phone.locator(".mk-hit").first
    hit.wait_for()
    hb = hit.bounding_box()
    assert hb["width"] >= 44 and hb["height"] >= 44
    hit.tap()
    phone.wait_for_selector(".leaflet-popup-content .popup")
    # the legend opens and closes
    phone.locator("#legend summary").tap()
    assert phone.locator("#legend").evaluate("(d) => d.open")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_selected_event_is_the_same_in_the_map_the_list_and_the_link(server: str,
                                                                          page: Any) -> None:
    page.goto(server + "/?type=strike")
    first = page.locator(".event-item:has(.ev-show)").first
    first.wait_for()
    eid = int(first.get_attribute("data-id"))
    first.locator(".ev-show").click()
    page.wait_for_url(re.compile(rf"sel={eid}\b"))
    page.wait_for_selector(f".mk-hit.selected[data-id='{eid}']")
    assert "selected" in first.get_attribute("class")
    page.wait_for_selector(".leaflet-popup-content .popup")
    # the link brings the same selection back
    page.reload()
    page.wait_for_selector(f".event-item.selected[data-id='{eid}']")
    page.wait_for_selector(f".mk-hit.selected[data-id='{eid}']")
    # closing the popup clears it everywhere
    page.locator(".leaflet-popup-close-button").click()
    page.wait_for_function("() => !location.hash.includes('sel=')")
    assert page.locator(".event-item.selected").count() == 0


def test_place_claimant_outlet_and_modality_filters_are_in_the_link(server: str,
                                                                    page: Any) -> None:
    page.goto(server + "/")
    page.wait_for_selector(".event-item")
    page.fill("#f-denied-by", "Lytvyn")
    page.wait_for_url(re.compile(r"denied_by=Lytvyn"))
    expected = api(server, "/api/events", denied_by="Lytvyn")["total"]
    page.wait_for_function(f"() => document.getElementById('list-total').textContent === "
                           f"'{expected} event{'' if expected == 1 else 's'}'")
    page.check('input[name="modality"][value="denied"]')
    page.wait_for_url(re.compile(r"modality=denied"))
    only = api(server, "/api/events", denied_by="Lytvyn", modality="denied")
    page.wait_for_function(f"() => document.querySelectorAll('.event-item').length === "
                           f"{len(only['items'])}")
    # the download links export what the filters select
    href = page.locator("#dl-csv").get_attribute("href")
    assert "denied_by=Lytvyn" in href and "modality=denied" in href
    # town labels come from the events' places, region labels from the basemap
    page.goto(server + "/?place=Kupyansk#map=9/49.7/37.6")
    page.wait_for_selector(".label-town")
    assert "Kupyansk" in page.locator(".label-town").all_inner_texts()
    page.goto(server + "/#map=6.5/48.5/33")
    page.wait_for_selector(".label-region")
    assert "Donetsk Oblast" in page.locator(".label-region").all_inner_texts()


def test_the_timeline_opens_where_the_events_are_and_zooms(server: str, page: Any) -> None:
    page.goto(server + "/")
    page.wait_for_selector(".tl-bars rect")
    note = page.locator("#tl-note").inner_text()
    # the few old dates are not squeezing the rest ("10 earlier events outside", or "10
    # earlier, 1 later events outside" when a period also runs past the window)
    assert re.search(r"\d+ earlier(?:, \d+ later)? events outside", note), note
    start = note.split(" – ")[0]
    page.click("#tl-all")
    page.wait_for_function(f"() => !document.getElementById('tl-note').textContent"
                           f".startsWith('{start}')")
    assert "outside" not in page.locator("#tl-note").inner_text()
    page.click("#tl-fit")
    page.wait_for_function(f"() => document.getElementById('tl-note').textContent"
                           f".startsWith('{start}')")
    page.click("#tl-zoom-in")
    page.wait_for_function(f"() => !document.getElementById('tl-note').textContent"
                           f".startsWith('{start}')")


def test_the_map_page_weighs_less_than_250_kb_gzipped(server: str) -> None:
    import gzip

    page = httpx.get(server + "/").text
    refs = re.findall(r'(?:src|href)="([^"#][^"]*)"', page)
    files = ["/", *["/" + r for r in refs if not r.startswith(("data:", "http"))],
             "/js/common.js", "/js/timeline.js", "/basemap/countries.geojson",
             "/basemap/admin1.geojson"]
    total = sum(len(gzip.compress(httpx.get(server + f).content)) for f in set(files))
    assert total < 250_000, total


# --- review (docs/review.md): an analyst reviews from the keyboard ------------------------


@pytest.fixture(scope="module")
def review_server(sample_store: Any, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[str, str]]:
    """`wirewatch serve` over a copy of the sample store with an analyst's account; its base
    URL and the analyst's token."""
    db = sample_store(str(tmp_path_factory.mktemp("e2e-review") / "sample.db"))
    token = subprocess.run([str(WIREWATCH), "users", "add", "kate", "--role", "analyst",
                            "--db", db], check=True, capture_output=True, text=True
                           ).stdout.strip()
    with _serving(db, tmp_path_factory.mktemp("e2e-review-log") / "serve.log") as base:
        yield base, token


def _done(page: Any, text: str) -> None:
    """Wait until the page says ``text`` (it says what it did, or why it could not)."""
    try:
        page.wait_for_function(
            "t => document.getElementById('status').textContent.includes(t)", arg=text,
            timeout=10_000)
    except Exception:
        pytest.fail(f"waited for {text!r}; the page says "
                    f"{page.locator('#status').inner_text()!r}")


def test_an_analyst_reviews_five_events_from_the_keyboard_alone(
        review_server: tuple[str, str], page: Any) -> None:
    server, token = review_server
    before = api(server, "/api/review/queue", limit=10)
    ids = [e["id"] for e in before["items"]]
    page.goto(server + "/review.html")
    page.wait_for_selector(".queue-item.selected")
    assert page.locator("#whoami").inner_text() == "not signed in: reading only"
    page.keyboard.type(token)  # the token field has the focus until one is given
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('whoami').textContent"
                           ".startsWith('signed in as kate')")
    selected = "document.querySelector('.queue-item.selected').dataset.id"
    assert page.evaluate(selected) == str(ids[0])
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.evaluate(selected) == str(ids[1])
    page.keyboard.press("k")
    page.keyboard.press("c")                       # 1: confirm
    _done(page, f"#{ids[0]} confirmed")
    page.keyboard.press("r")                       # 2: reject
    _done(page, f"#{ids[1]} rejected")
    page.keyboard.press("e")                       # 3: correct the count, with a note
    page.wait_for_selector(".edit-form")
    for _ in range(3):                             # type -> place -> date -> count
        page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    for _ in range(4):                             # -> modality -> claimant -> extent -> note
        page.keyboard.press("Tab")
    page.keyboard.type("recounted from the footage")
    page.keyboard.press("Enter")
    _done(page, f"#{ids[2]} corrected")
    page.keyboard.press("e")                       # an edit cancelled changes nothing
    page.wait_for_selector(".edit-form")
    page.keyboard.press("Escape")
    page.wait_for_selector(".edit-form", state="detached")
    page.keyboard.press("j")                       # skip one
    page.keyboard.press("c")                       # 4
    _done(page, f"#{ids[4]} confirmed")
    page.keyboard.press("k")
    page.keyboard.press("c")                       # 5
    _done(page, f"#{ids[3]} confirmed")
    after = api(server, "/api/review/queue", limit=10)
    assert after["total"] == before["total"] - 5
    expected = {ids[0]: "confirmed", ids[1]: "rejected", ids[2]: "corrected",
                ids[3]: "confirmed", ids[4]: "confirmed"}
    for eid, status in expected.items():
        event = api(server, f"/api/events/{eid}")
        assert event["review_status"] == status and event["reviewed_by"] == "kate"
    corrected = api(server, f"/api/events/{ids[2]}")
    assert corrected["count"] == 7 and corrected["reviewed"] == {"count": 7}
    [entry] = api(server, f"/api/events/{ids[2]}/history")
    assert entry["note"] == "recounted from the footage" and entry["actor"] == "kate"
    # the event page shows the correction beside the machine's value, and the history
    page.goto(server + f"/event.html?id={ids[2]}")
    page.wait_for_selector("#history li strong")
    assert page.locator("#history li").first.inner_text().startswith("correct by kate")
    assert "count (corrected)" in page.locator("#review").inner_text()
    assert page.locator("#review .machine").first.inner_text() == str(
        corrected["machine"]["count"] if corrected["machine"]["count"] is not None else "none")


def test_without_a_token_the_review_page_says_so_and_changes_nothing(
        review_server: tuple[str, str], page: Any) -> None:
    server, _ = review_server
    total = api(server, "/api/review/queue", limit=1)["total"]
    page.goto(server + "/review.html")
    page.wait_for_selector(".queue-item.selected")
    page.keyboard.press("Escape")
    page.locator("#page-title").click()  # out of the token field
    page.keyboard.press("c")
    _done(page, "sign in with an analyst's token first")
    assert api(server, "/api/review/queue", limit=1)["total"] == total


def test_the_sources_page_shows_each_watched_source_and_why_it_fails(
        server: str, page: Any) -> None:
    page.goto(server + "/sources.html")
    row = page.locator("tr.source-failing")
    row.wait_for()
    text = row.inner_text()
    assert FAILING_FEED in text and "HTTP 503 (timed out)" in text and "failing" in text
    assert page.locator("#page-title").inner_text() == "Watched sources (1)"
    assert page.locator("#downloads a", has_text="CSV").get_attribute("href").endswith(
        "/api/export/sources.csv")


def test_an_analyst_merges_from_the_queue_and_splits_on_the_event_page(
        review_server: tuple[str, str], page: Any) -> None:
    server, token = review_server
    items = api(server, "/api/review/queue", limit=50)["items"]
    a, b = items[5]["id"], items[6]["id"]
    b_mentions = [mm["mention"] for mm in api(server, f"/api/events/{b}")["mentions"]]
    page.goto(server + "/review.html")
    page.wait_for_selector(".queue-item.selected")
    page.keyboard.type(token)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('whoami').textContent"
                           ".startsWith('signed in as kate')")
    for _ in range(5):
        page.keyboard.press("j")
    selected = "document.querySelector('.queue-item.selected').dataset.id"
    assert page.evaluate(selected) == str(a)
    page.keyboard.press("m")                       # merge b into a, from the keyboard
    page.wait_for_selector(".edit-form input[name=other]")
    page.keyboard.type(str(b))
    page.keyboard.press("Enter")
    _done(page, f"#{a} absorbed #{b}")
    merged = api(server, f"/api/events/{a}")
    assert set(b_mentions) <= {mm["mention"] for mm in merged["mentions"]}
    assert [d["action"] for d in api(server, f"/api/events/{b}/history")] == ["merged-into"]
    # the event page: tick b's mentions and move them out again
    page.goto(server + f"/event.html?id={a}")
    page.wait_for_selector("#split-button")
    for mid in b_mentions:
        page.locator(f"input[name=split][value='{mid}']").check()
    page.locator("#split-button").click()
    _done(page, "moved out to #")
    after = api(server, f"/api/events/{a}")
    assert not set(b_mentions) & {mm["mention"] for mm in after["mentions"]}
    assert [d["action"] for d in api(server, f"/api/events/{a}/history")][-2:] == [
        "merge", "split"]


@pytest.fixture(scope="module")
def family_server(sample_store: Any, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[tuple[str, str]]:
    """`wirewatch serve` over its own copy of the sample store (the families change) with
    an analyst's account; its base URL and the analyst's token."""
    db = sample_store(str(tmp_path_factory.mktemp("e2e-family") / "sample.db"))
    token = subprocess.run([str(WIREWATCH), "users", "add", "kate", "--role", "analyst",
                            "--db", db], check=True, capture_output=True, text=True
                           ).stdout.strip()
    with _serving(db, tmp_path_factory.mktemp("e2e-family-log") / "serve.log") as base:
        yield base, token


def test_an_analyst_splits_an_article_out_of_a_family_and_puts_it_back(
        family_server: tuple[str, str], page: Any) -> None:
    server, token = family_server
    fam = max(api(server, "/api/families", limit=100)["items"], key=lambda f: f["size"])
    assert fam["size"] >= 3 and fam["version"] == 0
    first, chosen = fam["members"][0]["article"], fam["members"][-1]["article"]
    page.goto(server + "/review.html")  # sign in: the token is kept for the other pages
    page.wait_for_selector(".queue-item.selected")
    page.keyboard.type(token)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('whoami').textContent"
                           ".startsWith('signed in as kate')")
    # the stories page leads to the family's page
    page.goto(server + "/stories.html")
    page.locator(f"a[href$='family.html?id={fam['family']}']").click()
    page.wait_for_selector(f"button.split-article[data-article='{chosen}']")
    assert page.locator("#members tbody tr").count() == fam["size"]

    # meanwhile someone else splits the first article out: the page's version is stale
    r = httpx.post(f"{server}/api/families/{fam['family']}/split",
                   json={"article": first, "version": 0},
                   headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 200, r.text
    page.locator(f"button.split-article[data-article='{chosen}']").focus()
    page.keyboard.press("Enter")
    _done(page, "changed by someone else meanwhile")
    assert chosen in [mm["article"] for mm in
                      api(server, f"/api/families/{fam['family']}")["members"]]

    page.reload()
    page.wait_for_selector(f"button.split-article[data-article='{chosen}']")
    page.locator(f"button.split-article[data-article='{chosen}']").focus()
    page.keyboard.press("Enter")                     # from the keyboard
    _done(page, f"article {chosen} split out of family {fam['family']}")
    assert api(server, f"/api/articles/{chosen}")["family"] is None
    assert api(server, f"/api/articles/{chosen}")["family_alone"] is True
    assert [d["action"] for d in api(server, f"/api/articles/{chosen}/history")] == [
        "family.split"]
    page.wait_for_selector(f"button.rejoin-article[data-article='{chosen}']")

    # undo: put it back, from the keyboard
    page.locator(f"button.rejoin-article[data-article='{chosen}']").focus()
    page.keyboard.press("Enter")
    _done(page, f"article {chosen} is back in family")
    back = api(server, f"/api/articles/{chosen}")
    assert back["family"] is not None and back["family_alone"] is False
    assert [d["action"] for d in api(server, f"/api/articles/{chosen}/history")] == [
        "family.split", "family.rejoin"]
    page.wait_for_function("id => !document.querySelector("
                           "`button.rejoin-article[data-article='${id}']`)", arg=chosen)
