"""Regenerate the README's screenshots of the web interface (docs/screenshots/*.png).

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Ingests the bundled sample corpus into a temporary store, starts ``wirewatch serve`` on a
free loopback port and photographs, in headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright), the map page and the event page of the casualties in Dnipro
(three reports, a rewrite family, a conflict on the death toll).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from wirewatch.sample import sample_files
    from wirewatch.store import Store, ingest

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "sample.db")
        with Store(db) as store:
            ingest(sample_files(), store)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        exe = Path(sys.executable).with_name("wirewatch")
        proc = subprocess.Popen([str(exe), "serve", "--db", db, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            # the disputed event told by the most reports: the page has the most to show
            items = httpx.get(base + "/api/events", params={
                "has_conflict": "true", "limit": 100}).json()["items"]
            event = max(items, key=lambda e: (e["n_mentions"], -e["id"]))["id"]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium,
                                            args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto(base + "/")
                page.wait_for_selector(".event-item")
                page.wait_for_selector(".cluster-pie")
                page.wait_for_timeout(800)
                page.screenshot(path=str(args.out / "map.png"))
                page.set_viewport_size({"width": 1200, "height": 1600})
                page.goto(base + f"/event.html?id={event}")
                page.wait_for_selector("#mentions .mention")
                page.wait_for_function(  # the first six mentions open in their article
                    "() => { const b = [...document.querySelectorAll('#mentions button')];"
                    " return b.filter((x) => x.textContent === 'Show evidence only').length"
                    " >= Math.min(6, b.length); }")
                page.screenshot(path=str(args.out / "event.png"))
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    for name in ("map.png", "event.png"):
        print(args.out / name, (args.out / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
