#!/usr/bin/env bash
# Rasterises assets/icon.svg into the icons electron-builder packs:
#   build/icon.png (1024, the fallback), build/icons/NxN.png (Linux hicolor sizes),
#   build/icon.ico (Windows: 16–256, the 256 entry PNG-compressed, the rest BMP for old shells).
# Needs Debian's librsvg2-bin and imagemagick. The outputs are committed; rerun after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install librsvg2-bin imagemagick" >&2; exit 1; }
done
convert -version | grep -q ImageMagick || { echo "convert is not ImageMagick: apt-get install imagemagick" >&2; exit 1; }

svg=assets/icon.svg
mkdir -p build/icons
rm -f build/icons/*.png

# Each size is rendered from the vector, not scaled down from a big bitmap, so small sizes stay crisp.
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "build/icons/${size}x${size}.png"
done
rsvg-convert --width 1024 --height 1024 "$svg" --output build/icon.png

ico_sizes=(16 24 32 48 64 128 256)
inputs=()
for size in "${ico_sizes[@]}"; do inputs+=("build/icons/${size}x${size}.png"); done
# No date chunks, so rerunning on an unchanged SVG leaves the committed files byte-identical.
convert "${inputs[@]}" -define png:exclude-chunks=date,time build/icon.ico

identify build/icon.ico build/icon.png
