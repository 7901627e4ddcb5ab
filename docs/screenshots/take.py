"""Take the README's screenshots: the demo store served locally, shown in Chromium.

Usage: python docs/screenshots/take.py  (writes docs/screenshots/map.png, event.png and
phone.png; needs Debian's chromium at /usr/bin/chromium and the demo's extraction).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
WIREWATCH = [sys.executable, "-m", "wirewatch.cli"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        subprocess.run([*WIREWATCH, "demo", "--db", db], check=True,
                       stdout=subprocess.DEVNULL)
        port = _free_port()
        server = subprocess.Popen([*WIREWATCH, "serve", "--db", db, "--port", str(port)],
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/api/health", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            events = httpx.get(base + "/api/events?limit=200").json()["items"]
            contested = [e for e in events if e["modality"] == "contested"] or events
            _shoot(base, contested[0]["id"])
        finally:
            server.terminate()
            server.wait()
    return 0


def _shoot(base: str, event_id: int) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(base + "/")
        page.wait_for_timeout(2500)
        page.screenshot(path=str(HERE / "map.png"))
        page.goto(f"{base}/event.html?id={event_id}")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(HERE / "event.png"), full_page=False)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True,
                                 has_touch=True, device_scale_factor=2)
        phone.goto(base + "/")
        phone.wait_for_timeout(2500)
        phone.screenshot(path=str(HERE / "phone.png"))
        browser.close()


if __name__ == "__main__":
    raise SystemExit(main())
