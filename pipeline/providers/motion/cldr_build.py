"""Build ``assets/icons/keywords_cldr.tsv``: the words people use for each icon in ten
languages, from the Unicode CLDR emoji annotations as packaged by emojibase-data (MIT).

    npm pack emojibase-data@17.0.0 && tar xzf emojibase-data-17.0.0.tgz
    python -m pipeline.providers.motion.cldr_build package/

Run by hand when the icon set changes; the product only reads the TSV it writes (no
download at run time). Each icon of ``assets/icons/keywords.tsv`` is found by its English
CLDR name; its name and tags in each language become ``language<TAB>word<TAB>icon`` rows.
Words shared by more than :data:`MAX_ICONS` icons ("object", "face"), short function words
and the language's most frequent words (Zipf >= 5: "pour", "avec") say nothing about a
product and are left out.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

LANGUAGES = ("es", "fr", "de", "pt", "it", "nl", "pl", "sv", "ja", "zh")
MAX_ICONS = 4
OUT = Path(__file__).resolve().parents[3] / "assets" / "icons" / "keywords_cldr.tsv"
_STOP = frozenset(
    re.findall(
        r"\S+",
        "de la el los las y con en del al un una para por que le les du des et avec au aux der "
        "die das und mit von zu im am ein eine einer o a os as e com do da dos em no na il lo "
        "gli di della per het een van met voor op z i ze och med för på av ett och som",
    )
)


def _key(label: str) -> str:
    """An English CLDR name as the icon set names it ("ballot box with ballot" ->
    "ballot-box-with-ballot")."""
    text = unicodedata.normalize("NFD", label.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", "-", re.sub(r"[’'.:,!()“”]", "", text).strip())


def _words(entry: dict[str, object], cjk: bool) -> set[str]:
    phrases = [str(entry.get("label", "")), *[str(t) for t in entry.get("tags") or []]]  # type: ignore[attr-defined]
    out: set[str] = set()
    for phrase in phrases:
        phrase = phrase.lower().strip()
        if cjk:
            if len(phrase) >= 2:
                out.add(phrase)
            continue
        for word in re.split(r"[\s\-–/,:]+", phrase):
            word = word.strip("'’.()“”")
            if len(word) >= 3 and word not in _STOP and not word.isdigit():
                out.add(word)
    return out


#: Zipf at or above which a word is a function word of its language ("pour", "avec").
COMMON_ZIPF = 5.0


def _common(word: str, language: str) -> bool:
    from pipeline.providers.copywriting import words as wordlist

    return language in wordlist.LANGUAGES and wordlist.zipf(word, language) >= COMMON_ZIPF


def build(package: Path, icon_names: list[str]) -> list[tuple[str, str, str]]:
    """(language, word, icon) rows for ``icon_names`` from an unpacked emojibase-data."""
    english = json.loads((package / "en" / "data.json").read_text(encoding="utf-8"))
    code_of = {_key(str(e["label"])): e["hexcode"] for e in english}
    wanted = {code_of[name]: name for name in icon_names if name in code_of}
    rows: list[tuple[str, str, str]] = []
    for language in LANGUAGES:
        data = json.loads((package / language / "data.json").read_text(encoding="utf-8"))
        cjk = language in ("ja", "zh")
        icons_of: dict[str, set[str]] = {}
        for entry in data:
            name = wanted.get(entry["hexcode"])
            if name is not None:
                for word in _words(entry, cjk):
                    icons_of.setdefault(word, set()).add(name)
        for word in sorted(icons_of):
            if len(icons_of[word]) <= MAX_ICONS and not _common(word, language):
                rows += [(language, word, name) for name in sorted(icons_of[word])]
    return rows


def main(argv: list[str]) -> int:
    package = Path(argv[0]) if argv else Path("package")
    table = OUT.parent / "keywords.tsv"
    names = [
        line.split("\t")[0]
        for line in table.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    rows = build(package, names)
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    head = (
        f"# Words for each icon in ten languages: Unicode CLDR emoji annotations (Unicode\n"
        f"# License v3) as packaged by emojibase-data {version} (MIT); see LICENSE-CLDR.\n"
        f"# Made by python -m pipeline.providers.motion.cldr_build. language<TAB>word<TAB>icon\n"
    )
    OUT.write_text(head + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in rows), encoding="utf-8")
    print(f"{len(rows)} rows for {len(names)} icons -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
