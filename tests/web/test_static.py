"""The web pages work offline and never turn report text into markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wirewatch.web import static_dir

PAGES = ["index.html", "event.html", "article.html", "conflicts.html", "stories.html",
         "review.html", "sources.html"]
REF = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")
IMPORT = re.compile(r"""(?:import\s[^'"]*|import\s*\()\s*["']([^"']+)["']""")


def local_refs(page: Path) -> list[str]:
    """Return the URLs a page loads or links to, minus fragments and data: URLs."""
    return [r for r in REF.findall(page.read_text(encoding="utf-8"))
            if not r.startswith(("data:", "#"))]


@pytest.mark.parametrize("page", PAGES)
def test_pages_load_nothing_from_outside_and_every_file_they_name_exists(page: str) -> None:
    root = static_dir()
    refs = local_refs(root / page)
    assert refs, f"{page} names no files"
    for ref in refs:
        assert "//" not in ref and not ref.startswith("/"), f"{page} points outside: {ref}"
        target = ref.split("?")[0]
        assert (root / target).is_file(), f"{page} names missing file {target}"


def test_modules_import_only_local_modules_that_exist() -> None:
    js = static_dir() / "js"
    specs = [(m.name, spec) for m in js.glob("*.js")
             for spec in IMPORT.findall(m.read_text(encoding="utf-8"))]
    assert ("map-page.js", "./timeline.js") in specs
    for name, spec in specs:
        assert spec.startswith("./"), f"{name} imports {spec}"
        assert (js / spec).is_file(), f"{name} imports missing {spec}"


def test_own_scripts_never_parse_strings_as_html() -> None:
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|"
                       r"new Function|DOMParser|createContextualFragment")
    for module in (static_dir() / "js").glob("*.js"):
        code = "\n".join(line for line in module.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("//"))
        assert not sinks.search(code), f"{module.name} uses an HTML sink"


def test_vendored_libraries_ship_with_their_licences() -> None:
    vendor = static_dir() / "vendor"
    assert (vendor / "leaflet" / "LICENSE").read_text(encoding="utf-8").startswith("BSD 2-Clause")
    mit = (vendor / "leaflet.markercluster" / "MIT-LICENCE.txt").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in mit
    versions = (vendor / "VERSIONS.txt").read_text(encoding="utf-8")
    assert "leaflet 1.9.4" in versions and "leaflet.markercluster 1.5.3" in versions
