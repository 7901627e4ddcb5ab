"""The web interface: static files served by ``wirewatch serve`` (no build step at run time).

``static/`` holds the pages (index.html, event.html, article.html), their scripts and styles,
the offline basemap (``basemap/*.geojson``) and vendored libraries (``vendor/``), the last two
made by ``scripts/build_basemap.py`` from npm packages at dev time.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["static_dir"]


def static_dir() -> Path:
    """Return the directory of the web interface's static files."""
    return Path(__file__).resolve().parent / "static"
