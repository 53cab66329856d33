#!/bin/sh
# Fills the expected column of a shaping test file with hb-shape's output for the first three
# columns (font, options, unicodes), run from the source root:
#   tests/text/data/shaping/record-hb-shape.sh tests/text/data/shaping/kiosk.tests
# Run it once when adding cases, review the change, and commit it with the cases.
set -eu
file=$1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
while IFS= read -r line; do
  case $line in
    '#'* | '') printf '%s\n' "$line" ;;
    *)
      font=${line%%;*}
      rest=${line#*;}
      options=${rest%%;*}
      rest=${rest#*;}
      unicodes=${rest%%;*}
      # shellcheck disable=SC2086 # the options are separate words
      expected=$(hb-shape --no-glyph-names $options --unicodes="$unicodes" "$font")
      printf '%s;%s;%s;%s\n' "$font" "$options" "$unicodes" "$expected"
      ;;
  esac
done <"$file" >"$out"
cp "$out" "$file"
