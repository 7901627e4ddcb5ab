"""Writing through the API: off without a token, then only with it; size limits; errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from wirewatch.api import create_app

TOKEN = "s3cret-token-for-tests-0123456789"
ARTICLE = {"id": "api-1", "outlet": "Test Wire", "published": "2025-11-20",
           "title": "Strike on Kramatorsk",
           "text": "Russian forces struck Kramatorsk with missiles on November 19, 2025, "
                   "the city's mayor said. Three people were wounded."}


@pytest.fixture
def writable(store_url: str) -> Iterator[TestClient]:
    """A client of an app with a token over a fresh, empty store (both backends)."""
    with TestClient(create_app(store_url, TOKEN, max_body_bytes=20_000)) as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_writing_is_off_without_a_token(client: TestClient) -> None:
    r = client.post("/api/articles", json={"articles": [ARTICLE]}, headers=bearer(TOKEN))
    assert r.status_code == 403 and "--token" in r.json()["detail"]
    assert client.post("/api/articles/1/extract").status_code == 403
    assert client.get("/api/health").json()["writes"] is False


def test_wrong_or_missing_token_is_401(writable: TestClient) -> None:
    for headers in ({}, bearer("wrong-token-wrong-token"), bearer(TOKEN + "x"),
                    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}):
        r = writable.post("/api/articles", json={"articles": [ARTICLE]}, headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/events").json()["total"] == 0


def test_posted_articles_are_extracted_stored_and_fused_once(writable: TestClient) -> None:
    r = writable.post("/api/articles", json={"articles": [ARTICLE]}, headers=bearer(TOKEN))
    assert r.status_code == 200, r.text
    res = r.json()
    assert res["stored"] == 1 and res["skipped"] == 0 and res["canonical_touched"] >= 1
    [aid] = res["article_ids"]
    article = writable.get(f"/api/articles/{aid}").json()
    assert article["doc"] == "api-1" and article["outlet"] == "Test Wire"
    strikes = writable.get("/api/events", params={"type": "strike"}).json()["items"]
    assert [e["place"]["name"] for e in strikes] == ["Kramatorsk"]
    assert strikes[0]["date"]["value"] == "2025-11-19"
    # the same text again adds nothing
    again = writable.post("/api/articles", json={"articles": [ARTICLE]},
                          headers=bearer(TOKEN)).json()
    assert again["stored"] == 0 and again["skipped"] == 1
    assert writable.get("/api/events").json()["total"] == len(
        writable.get("/api/events").json()["items"])


def test_reextraction_replaces_an_articles_mentions(writable: TestClient) -> None:
    res = writable.post("/api/articles", json={"articles": [ARTICLE]},
                        headers=bearer(TOKEN)).json()
    [aid] = res["article_ids"]
    before = writable.get(f"/api/articles/{aid}").json()
    events_before = writable.get("/api/events").json()
    r = writable.post(f"/api/articles/{aid}/extract", headers=bearer(TOKEN))
    assert r.status_code == 200, r.text
    assert r.json()["stored"] == 1 and r.json()["article_ids"] == [aid]
    after = writable.get(f"/api/articles/{aid}").json()
    # same extraction, same spans; the old mentions were replaced, not doubled
    def spans(a: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(e["start"], e["end"], e["type"], e["evidence"]["text"]) for e in a["events"]]

    assert spans(after) == spans(before) and after["places"] == before["places"]
    assert writable.get("/api/health").json()["counts"]["event_mentions"] == len(
        after["events"])
    events_after = writable.get("/api/events").json()

    def summary(page: dict[str, Any]) -> list[tuple[Any, ...]]:
        return sorted((e["type"], e["place"] and e["place"]["geonameid"], e["date"]["value"],
                       e["n_mentions"]) for e in page["items"])

    assert events_after["total"] == events_before["total"]
    assert summary(events_after) == summary(events_before)
    # a mention with a place fuses back into its canonical event, which keeps its id
    placed = {e["id"] for e in events_before["items"] if e["place"]}
    assert placed and placed == {e["id"] for e in events_after["items"] if e["place"]}
    assert writable.post("/api/articles/987654/extract",
                         headers=bearer(TOKEN)).status_code == 404


def test_bad_bodies_are_4xx_with_a_reason(writable: TestClient) -> None:
    h = bearer(TOKEN)
    cases: list[tuple[Any, int]] = [
        ({"articles": []}, 422),
        ({"articles": [{"text": ""}]}, 422),
        ({"articles": [{"title": "no text"}]}, 422),
        ({"articles": [{**ARTICLE, "published": "someday"}]}, 422),
        ({"articles": [{**ARTICLE, "colour": "red"}]}, 422),
        ({"articles": [{"text": "a"}] * 101}, 422),
    ]
    for body, status in cases:
        r = writable.post("/api/articles", json=body, headers=h)
        assert r.status_code == status, (body, r.text)
        assert isinstance(r.json()["detail"], str) and r.json()["detail"].startswith("articles")
    for blank, at in ((" \n\t ", 0), ("\u0000\u0001", 1)):  # 1: after a good article
        r = writable.post("/api/articles", json={"articles": [ARTICLE, {"text": blank}][-1 - at:]},
                          headers=h)
        assert r.status_code == 422
        assert r.json()["detail"] == (f"articles.{at}.text: Value error, empty text (only "
                                      "white space)")
    assert writable.get("/api/articles").json()["total"] == 0
    r = writable.post("/api/articles", content=b"{not json", headers={
        **h, "Content-Type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["detail"]


def test_request_bodies_over_the_limit_are_413(writable: TestClient) -> None:
    big = {"articles": [{**ARTICLE, "text": "word " * 5000}]}
    r = writable.post("/api/articles", json=big, headers=bearer(TOKEN))
    assert r.status_code == 413 and "20000" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams in
        yield b'{"articles": [{"text": "'
        for _ in range(50):
            yield b"x" * 1000
        yield b'"}]}'

    r = writable.post("/api/articles", content=chunks(), headers={
        **bearer(TOKEN), "Content-Type": "application/json"})
    assert r.status_code == 413
    assert writable.get("/api/articles").json()["total"] == 0


SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy",
                    "x-frame-options")


def test_server_errors_show_no_internals_and_carry_the_security_headers(tmp_path: Any) -> None:
    db = tmp_path / "broken.db"
    app = create_app(str(db))
    app.state.store.engine.dispose()
    with app.state.store.engine.begin() as con:  # the store breaks under the server
        con.execute(text("DROP TABLE canonical_members"))
        con.execute(text("DROP TABLE canonical_events"))
    # the server under the app sees no exception (it would close the connection)
    with TestClient(app, raise_server_exceptions=True) as c:
        r = c.get("/api/events")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal server error (see the server's log)"}
    assert "canonical_events" not in r.text and "Traceback" not in r.text
    assert all(h in r.headers for h in SECURITY_HEADERS), r.headers


def test_the_token_is_checked_before_the_body_is_read(writable: TestClient,
                                                      store_url: str) -> None:
    json_header = {"Content-Type": "application/json"}
    with TestClient(create_app(store_url)) as read_only:
        for body in (b"{not json", b'{"articles": []}', b"x" * 30_000):  # 30 kB: over the limit
            r = writable.post("/api/articles", content=body, headers=json_header)
            assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer", body[:9]
            assert r.json() == {"detail": "missing or wrong bearer token"}
            assert all(h in r.headers for h in SECURITY_HEADERS)
            r = read_only.post("/api/articles", content=body, headers=json_header)
            assert r.status_code == 403 and "--token" in r.json()["detail"]
    r = writable.post("/api/articles/1/extract", headers=bearer("wrong-token-wrong-token"))
    assert r.status_code == 401


def test_a_nul_in_a_posted_article_is_dropped_and_the_article_stored(
        writable: TestClient) -> None:
    odd = {**ARTICLE, "id": "api-nul", "title": "Strike\u0000 on Kramatorsk",
           "text": ARTICLE["text"].replace("struck", "struck\u0000")}
    r = writable.post("/api/articles", json={"articles": [odd]}, headers=bearer(TOKEN))
    assert r.status_code == 200, r.text
    [aid] = r.json()["article_ids"]
    article = writable.get(f"/api/articles/{aid}").json()
    assert article["text"] == ARTICLE["text"] and article["title"] == "Strike on Kramatorsk"


def test_an_article_over_a_million_characters_is_refused_with_the_limit(tmp_path: Any) -> None:
    app = create_app(str(tmp_path / "s.db"), TOKEN, max_body_bytes=3_000_000)
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"articles": [{"text": "Kyiv. " * 166_667}]},
                   headers=bearer(TOKEN))
        assert r.status_code == 422
        assert r.json()["detail"] == ("articles.0.text: String should have at most 1000000 "
                                      "characters")
        assert c.get("/api/articles").json()["total"] == 0
