#!/usr/bin/env bash
# (Re)creates assets/fonts/ from Debian font packages, without installing anything
# system-wide: `apt-get download` fetches the .deb files into a temp folder and
# `dpkg-deb -x` unpacks them there. Only the files listed below are copied, each family
# into its own folder with LICENSE.txt (the package's copyright file, which carries the
# copyright notices and the full licence text) beside the font files.
#
# The font files are committed, so the app never needs this script at run time; run it
# (as root, after `apt-get update`) only to refresh or change the shipped set, then
# commit assets/fonts/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="$here/fonts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# folder | package | files inside the package (space separated)
specs=(
  "bebas-neue|fonts-bebas-neue|usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf usr/share/fonts/opentype/bebas-neue/BebasNeue-Bold.otf"
  "league-spartan|fonts-league-spartan|usr/share/fonts/opentype/league-spartan/LeagueSpartan-Bold.otf"
  "inter|fonts-inter|usr/share/fonts/opentype/inter/Inter-Regular.otf usr/share/fonts/opentype/inter/Inter-Bold.otf"
  "ebgaramond|fonts-ebgaramond|usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf"
  "vollkorn|fonts-vollkorn|usr/share/fonts/truetype/vollkorn/Vollkorn-Bold.ttf"
  "comfortaa|fonts-comfortaa|usr/share/fonts/truetype/comfortaa/Comfortaa-Regular.ttf usr/share/fonts/truetype/comfortaa/Comfortaa-Bold.ttf"
  "noto|fonts-noto-core|usr/share/fonts/truetype/noto/NotoSans-Regular.ttf usr/share/fonts/truetype/noto/NotoSans-Bold.ttf usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf usr/share/fonts/truetype/noto/NotoSansHebrew-Bold.ttf usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf"
  "ipaexfont|fonts-ipaexfont-gothic|usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
  "wqy-microhei|fonts-wqy-microhei|usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
)

packages=()
for spec in "${specs[@]}"; do
  IFS='|' read -r _ pkg _ <<<"$spec"
  packages+=("$pkg")
done

(cd "$work" && apt-get download "${packages[@]}" >/dev/null 2>&1) || {
  echo "apt-get download failed: run 'apt-get update' first (as root)." >&2
  exit 1
}

rm -rf "$dest"
mkdir -p "$dest"
rows=()
for spec in "${specs[@]}"; do
  IFS='|' read -r folder pkg files <<<"$spec"
  deb="$(ls "$work/${pkg}"_*.deb)"
  version="$(dpkg-deb -f "$deb" Version)"
  x="$work/x-$pkg"
  dpkg-deb -x "$deb" "$x"
  mkdir -p "$dest/$folder"
  names=()
  for f in $files; do
    cp "$x/$f" "$dest/$folder/"
    names+=("$(basename "$f")")
  done
  cp "$x/usr/share/doc/$pkg/copyright" "$dest/$folder/LICENSE.txt"
  licence="$(grep -m1 '^License:' "$dest/$folder/LICENSE.txt" | cut -d' ' -f2-)"
  # The WenQuanYi copyright file points at the Apache licence instead of quoting it.
  if [[ "$pkg" == fonts-wqy-microhei ]]; then
    { echo; echo "Full text of the Apache License 2.0:"; echo
      cat /usr/share/common-licenses/Apache-2.0; } >>"$dest/$folder/LICENSE.txt"
  fi
  for n in "${names[@]}"; do
    size="$(du -k "$dest/$folder/$n" | cut -f1)"
    rows+=("| \`$folder/$n\` | ${size} KB | $licence | $pkg $version |")
  done
done

{
  echo "# Shipped fonts"
  echo
  echo "Open-licence font files used by the text overlays (\`pipeline/typography.py\`), committed"
  echo "so rendering never depends on the host's fonts. Each folder holds its family's"
  echo "\`LICENSE.txt\` (the Debian package's copyright file: notices plus full licence text)."
  echo "Regenerate with \`assets/fetch_fonts.sh\` (as root, after \`apt-get update\`)."
  echo
  echo "| file | size | licence | source package |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Roles: Bebas Neue (condensed), Inter / League Spartan (sans), EB Garamond / Vollkorn"
  echo "(serif), Comfortaa (rounded); Noto Sans for Latin/Greek/Cyrillic gaps, Noto Sans and"
  echo "Noto Naskh Arabic, Noto Sans Hebrew / Devanagari / Thai, IPAex Gothic (Japanese) and"
  echo "WenQuanYi Micro Hei (Chinese, Korean) as fallbacks for scripts the brand faces lack."
} >"$dest/README.md"

echo "fonts written to $dest"
