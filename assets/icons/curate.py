"""Rebuild fluent-emoji-flat.json.gz from the npm package @iconify-json/fluent-emoji-flat.

Only the icons keywords.tsv names are kept (a few hundred of 3,000), so the repository
stays lean. Usage: ``npm pack @iconify-json/fluent-emoji-flat && tar xzf *.tgz`` then
``python assets/icons/curate.py package/icons.json``.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(source: str) -> None:
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    names = [
        line.split("\t", 1)[0]
        for line in (HERE / "keywords.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    missing = [n for n in names if n not in data["icons"]]
    if missing:
        raise SystemExit(f"not in the set: {', '.join(missing)}")
    size = (data.get("width", 32), data.get("height", 32))
    icons = {n: data["icons"][n]["body"] for n in names}
    out = {"prefix": data["prefix"], "width": size[0], "height": size[1], "icons": icons}
    raw = json.dumps(out, sort_keys=True, separators=(",", ":")).encode()
    (HERE / "fluent-emoji-flat.json.gz").write_bytes(gzip.compress(raw, mtime=0))
    print(f"{len(icons)} icons, {len(raw)} bytes raw")


if __name__ == "__main__":
    main(sys.argv[1])
