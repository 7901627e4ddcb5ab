"""API latency at 100,000 canonical events, and the page weight of the web interface.

Usage: python benchmarks/bench_api.py [--events 100000] [--db PATH_OR_URL] [--rebuild]
                                       [--runs 100] [--backends sqlite,postgresql]

1. **The store** is built by bulk-inserting rows consistent with the store's models (not
   through ``Store.write_batch``, which at ~300 articles/s would take a quarter of an hour
   for the ~170,000 articles needed): the articles and their extraction come from
   ``synthetic.corpus`` (benchmarks/synthetic.py: stories told by 1-6 articles over two years in
   ~400 Ukrainian towns; here at most two articles per story are kept), each story becomes one
   canonical event whose summary (date, modality, count, outlets, claimants, source
   groups, independent sources, conflicts) is computed by the store's own
   ``wirewatch.fuse.events.summarise`` over its members, exactly as the write path does.
   Rewrite families and LSH keys are not built (no read endpoint measured here uses them).
   The SQLite store is kept in the cache folder and reused when it already holds the
   requested number of events.
2. **Latency**: ``wirewatch serve`` is started on a free port of 127.0.0.1 and each
   request below is sent ``--runs`` times over HTTP (httpx, one connection, after two
   warm-up requests); p50 and p99 of the wall time of a full response are reported.
3. **Page weight**: the bytes of every file the map page loads (HTML, scripts, styles,
   basemap) and of its three first API calls, uncompressed and as the server sends them
   to a browser (gzip).
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select
from synthetic import corpus

from wirewatch.fuse.events import Member, summarise, window
from wirewatch.fuse.text import content_hash
from wirewatch.store import Extracted, Store
from wirewatch.store import models as m
from wirewatch.store.canonical import sort_day

PG = "postgresql://postgres@127.0.0.1:5432/test"
CHUNK = 5000


# ---------------------------------------------------------------------- building the store


def _stories(n_events: int, per_story: int = 2) -> Iterator[list[Extracted]]:
    """Yield the first ``per_story`` articles of each of ``n_events`` synthetic stories.

    The corpus comes in publication order, so the articles of a story are interleaved
    with others; a story is complete once the corpus is a week past its first article."""
    open_: dict[str, list[Extracted]] = {}  # in order of first article
    made = 0
    today = date.min
    for x in corpus(int(n_events * 3), seed=7, start=date(2024, 1, 1), days=730):
        sid = x.doc.id.split("-")[0]
        open_.setdefault(sid, [])
        if len(open_[sid]) < per_story:
            open_[sid].append(x)
        day = x.doc.published or date.min
        if day == today:
            continue
        today = day
        while open_:
            first = next(iter(open_))
            if (open_[first][0].doc.published or date.min) >= day - timedelta(days=7):
                break
            yield open_.pop(first)
            made += 1
            if made >= n_events:
                return
    for rest in open_.values():
        if made >= n_events:
            return
        yield rest
        made += 1


def build_store(url: str, n_events: int) -> float:
    """Fill an empty store with ``n_events`` canonical events; return the seconds taken."""
    from wirewatch.places import default_gazetteer

    gaz = default_gazetteer()
    admin1: dict[int, str | None] = {}

    def region(gid: int) -> str | None:
        if gid not in admin1:
            e = gaz.entry(gid)
            admin1[gid] = (e.admin1 or None) if e else None
        return admin1[gid]

    t0 = time.perf_counter()
    now = datetime.now()
    ids = {"article": 0, "mention": 0, "place": 0, "event": 0, "conflict": 0}
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "articles", "places", "mentions", "events", "members", "conflicts")}
    with Store(url) as store:
        with store.engine.begin() as con:
            if con.scalar(select(m.CanonicalEvent.id).limit(1)) is not None:
                raise SystemExit(f"{url} is not empty")

        def flush() -> None:
            with store.engine.begin() as con:
                for table, key in ((m.Article, "articles"), (m.PlaceMention, "places"),
                                   (m.EventMention, "mentions"), (m.CanonicalEvent, "events"),
                                   (m.CanonicalMember, "members"), (m.Conflict, "conflicts")):
                    if rows[key]:
                        con.execute(insert(table), rows[key])
                        rows[key].clear()

        for story in _stories(n_events):
            ids["event"] += 1
            cid = ids["event"]
            members: list[Member] = []
            lo: date | None = None
            hi: date | None = None
            for x in story:
                ids["article"] += 1
                aid = ids["article"]
                d = x.doc
                rows["articles"].append(dict(
                    id=aid, content_hash=content_hash(d.text), doc_id=d.id, source="bench",
                    url=d.url, title=d.title, outlet=d.outlet, author=None, site_name=None,
                    published=d.published, extra={}, text=d.text, ingested_at=now,
                    family_id=None, minhash=b"", features={}))
                for p in x.places:
                    ids["place"] += 1
                    rows["places"].append(dict(
                        id=ids["place"], article_id=aid, surface=p["surface"], start=p["start"],
                        end=p["end"], geonameid=p["geonameid"], name=p["name"], lat=p["lat"],
                        lon=p["lon"], country=p["country"], admin1=region(p["geonameid"]),
                        confidence=p["confidence"], method=p["method"],
                        explanation=p["explanation"]))
                for e in x.events:
                    if members and cid % 3 == 0:
                        # a third of the retellings name no claimant: the outlet's own
                        # account, an independent second source
                        e = {**e, "claimant": None, "modality": "asserted"}
                    ids["mention"] += 1
                    mid = ids["mention"]
                    e = {**e, "place": {**e["place"], "admin1": region(e["place"]["geonameid"])}}
                    ev = e["evidence"]
                    rows["mentions"].append(dict(
                        id=mid, article_id=aid, type=e["type"], subtype=e["subtype"],
                        geonameid=e["place"]["geonameid"], place_name=e["place"]["name"],
                        date_value=e["date"]["value"], date_precision=e["date"]["precision"],
                        date_basis=e["date"]["basis"],
                        count_value=(e["count"] or {}).get("value"), claimant=e["claimant"],
                        modality=e["modality"], extent=e["extent"], aggregate=False,
                        evidence_text=ev["text"], evidence_start=ev["start"],
                        evidence_end=ev["end"], data=e))
                    rows["members"].append({"event_mention_id": mid, "canonical_id": cid})
                    members.append(Member(mid, aid, d.id, d.outlet, d.published, None, e))
                    w = window(e, d.published)
                    if w:
                        lo = w[0] if lo is None else min(lo, w[0])
                        hi = w[1] if hi is None else max(hi, w[1])
            first = members[0].data
            sm = summarise(members)
            place = first["place"]
            rows["events"].append(dict(
                id=cid, fuse_key=f"{first['type']}|{first.get('subtype') or ''}|one|"
                f"{place['geonameid']}", type=first["type"], subtype=first["subtype"],
                aggregate=False, geonameid=place["geonameid"],
                place={k: place[k] for k in ("name", "geonameid", "lat", "lon", "country",
                                             "admin1")},
                place_name=place["name"], admin1=place["admin1"], window_lo=lo, window_hi=hi,
                date_value=sm.date_value, date_precision=sm.date_precision,
                sort_date=sort_day(sm.date_value, hi), modality=sm.modality,
                count_value=sm.count, extent=sm.extent, n_mentions=len(members),
                n_sources=len(sm.independent_sources), n_conflicts=len(sm.conflicts),
                summary={"outlets": sm.outlets, "claimants": sm.claimants,
                         "source_groups": sm.source_groups,
                         "independent_sources": sm.independent_sources,
                         "n_articles": len({x.article for x in members})},
                created_at=now, updated_at=now))
            for c in sm.conflicts:
                ids["conflict"] += 1
                rows["conflicts"].append(dict(
                    id=ids["conflict"], canonical_id=cid, kind=c["kind"],
                    value_a=c["a"]["value"], value_b=c["b"]["value"],
                    mentions_a=c["a"]["mentions"], mentions_b=c["b"]["mentions"]))
            if len(rows["events"]) >= CHUNK:
                flush()
                print(f"  {cid:,} events", file=sys.stderr, end="\r")
        flush()
        if store.engine.dialect.name == "postgresql":
            with store.engine.begin() as con:
                for t in ("articles", "place_mentions", "event_mentions", "canonical_events",
                          "canonical_members", "conflicts"):
                    con.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                        f"(SELECT max(id) FROM {t}))" if t != "canonical_members" else
                        "SELECT 1")
            # the steady state autovacuum keeps (visibility map for index-only counts)
            with store.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT") as con:
                con.exec_driver_sql("VACUUM ANALYZE")
        else:
            with store.engine.begin() as con:
                con.exec_driver_sql("ANALYZE")
    print(file=sys.stderr)
    return time.perf_counter() - t0


# ---------------------------------------------------------------------- measuring


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``wirewatch serve`` in a subprocess on a free loopback port."""

    def __init__(self, db: str) -> None:
        self.port = _free_port()
        exe = Path(sys.executable).with_name("wirewatch")
        self.proc = subprocess.Popen(
            [str(exe), "serve", "--db", db, "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("the server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def measure(client: httpx.Client, path: str, runs: int) -> dict[str, Any]:
    """Return p50/p99 (ms), the response size and what it answered."""
    for _ in range(2):
        client.get(path)
    times = []
    r = None
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{path}: {r.status_code} {r.text[:300]}")
    assert r is not None
    body = r.json()
    what = (f"total {body['total']:,}" if isinstance(body, dict) and "total" in body
            else f"{len(body)} rows" if isinstance(body, list) else "")
    if isinstance(body, dict) and "features" in body:
        what += f", {len(body['features']):,} features"
    return {"path": path, "p50": statistics.median(times), "p99": _pct(times, 99),
            "bytes": len(r.content), "what": what}


def requests_to_time(client: httpx.Client) -> list[str]:
    """The requests measured: event list pages with filter combinations and map data."""
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    region = ev["place"]["admin1"]
    day = date.fromisoformat(ev["date"]["value"].split("/")[0])
    month = f"since={day - timedelta(days=30)}&until={day}"
    reg = f"admin1={region.replace(' ', '+')}"
    half = client.get("/api/events", params={"limit": 1}).json()["total"] // 2
    return [
        "/api/events?limit=50",
        "/api/events?limit=50&type=strike",
        f"/api/events?limit=50&{reg}",
        f"/api/events?limit=50&{reg}&{month}",
        "/api/events?limit=50&min_sources=2",
        "/api/events?limit=50&has_conflict=true",
        "/api/events?limit=50&type=territory&modality=claimed,contested&min_sources=2",
        f"/api/events?limit=50&place={ev['place']['geonameid']}",
        "/api/events?limit=50&q=captured",
        "/api/events?limit=50&q=troops+control",
        f"/api/events?limit=50&offset={half}",
        f"/api/events/{ev['id']}",
        "/api/timeline",
        "/api/map?limit=2000",
        "/api/map",
        "/api/map?limit=100000",
        "/api/map?type=strike",
        f"/api/map?{reg}&{month}",
    ]


def page_weight(base: str) -> list[tuple[str, int, int]]:
    """Return (file, bytes, bytes sent with gzip) of every file the map page loads."""
    from wirewatch.web import static_dir

    root = static_dir()
    html = (root / "index.html").read_text(encoding="utf-8")
    files = ["index.html"] + [r for r in re.findall(r'(?:src|href)="([^"#:]+)"', html)
                              if not r.endswith(".html")]
    seen = set(files)
    queue = [f for f in files if f.endswith(".js") and f.startswith("js/")]
    while queue:  # ES module imports
        f = queue.pop()
        for spec in re.findall(r'from\s+"(\./[^"]+)"', (root / f).read_text(encoding="utf-8")):
            dep = str(Path(f).parent / spec[2:])
            if dep not in seen:
                seen.add(dep)
                files.append(dep)
                queue.append(dep)
    files += ["basemap/countries.geojson", "basemap/admin1.geojson"]
    out = []

    def sent(c: httpx.Client, path: str) -> tuple[int, int]:
        """Bytes of the body, and bytes on the wire when the client accepts gzip."""
        with c.stream("GET", path, headers={"Accept-Encoding": "gzip"}) as r:
            wire = sum(len(b) for b in r.iter_raw())
        plain = len(c.get(path, headers={"Accept-Encoding": "identity"}).content)
        return plain, wire

    with httpx.Client(base_url=base, timeout=120) as c:
        for f in files:
            out.append((f, *sent(c, "/" + f)))
        for api in ("/api/events?limit=50&offset=0", "/api/map", "/api/timeline"):
            out.append((api, *sent(c, api)))
    return out


def run(url: str, label: str, runs: int) -> None:
    server = Server(url)
    try:
        with httpx.Client(base_url=server.base, timeout=120) as client:
            print(f"\n{label}: latency over {runs} requests (ms)\n")
            print("| request | p50 | p99 | response bytes | answer |")
            print("|---|---|---|---|---|")
            for path in requests_to_time(client):
                n = runs if "map" not in path or "limit=2000" in path else max(10, runs // 5)
                r = measure(client, path, n)
                print(f"| `{path}` | {r['p50']:.1f} | {r['p99']:.1f} | {r['bytes']:,} | "
                      f"{r['what']} |")
        if label.startswith("SQLite"):
            weights = page_weight(server.base)
            print("\nPage weight of the map page (bytes)\n")
            print("| file | bytes | sent (gzip) |")
            print("|---|---|---|")
            for f, b, g in weights:
                print(f"| `{f}` | {b:,} | {g:,} |")
            static = [w for w in weights if not w[0].startswith("/api")]
            print(f"| **static total** | {sum(w[1] for w in static):,} | "
                  f"{sum(w[2] for w in static):,} |")
            print(f"| **with the first API calls** | {sum(w[1] for w in weights):,} | "
                  f"{sum(w[2] for w in weights):,} |")
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite store to build or reuse (default: in the cache)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--backends", default="sqlite")
    args = ap.parse_args()
    from platformdirs import user_cache_dir

    if "sqlite" in args.backends:
        path = Path(args.db or Path(user_cache_dir("wirewatch")) / f"bench-api-{args.events}.db")
        with Store(path) as st:
            have = st.counts()["canonical_events"]
        if args.rebuild or have != args.events:
            for p in path.parent.glob(path.name + "*"):
                p.unlink()
            took = build_store(str(path), args.events)
            print(f"built {path} with {args.events:,} canonical events in {took:.0f} s")
        with Store(path) as st:
            print(json.dumps(st.counts()))
        run(str(path), f"SQLite, {args.events:,} canonical events", args.runs)
    if "postgresql" in args.backends:
        import psycopg

        schema = f"ww_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG, autocommit=True) as con:
            con.execute(f'CREATE SCHEMA "{schema}"')
        url = f"{PG}?options=-csearch_path%3D{schema}"
        try:
            took = build_store(url, args.events)
            print(f"built PostgreSQL schema {schema} with {args.events:,} events in {took:.0f} s")
            run(url, f"PostgreSQL, {args.events:,} canonical events", args.runs)
        finally:
            with psycopg.connect(PG, autocommit=True) as con:
                con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


if __name__ == "__main__":
    main()
