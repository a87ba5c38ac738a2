#!/usr/bin/env bash
# Renders the README's pictures with radicula itself (under a virtual X server when there is no
# display): run after changing anything they show, look at them, commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
run=()
[ -n "${DISPLAY:-}" ] || run=(xvfb-run -a -s "-screen 0 1920x1080x24 -noreset")
r() { "${run[@]}" build/radicula "$@"; }
out=docs/images
vignette=tests/data/vignettes/01_l4l5_paracentral_l5.json
r --scenario "$vignette" --view axial --size 1800x1000 --screenshot "$out/axial_l4l5.png"
r --scenario "$vignette" --view posterior --size 900x700 --no-ui --screenshot "$out/posterior.png"
r --scenario "$vignette" --view side --size 1400x900 --lang es --mode student \
  --screenshot "$out/side_es_student.png"
# Seed 16 asks about a foraminal L4/L5 herniation; option 1 is answered.
r --quiz 16 --answer 1 --view foramen --size 1600x900 --screenshot "$out/quiz_foraminal_l4l5.png"
# A handout, halved to keep the repository small.
build/tests/test_gl --gtest_filter='HandoutGLTest.RedFlagCaseHasItsBannerOnTopInRed' >/dev/null 2>&1 ||
  "${run[@]}" build/tests/test_gl --gtest_filter='HandoutGLTest.RedFlagCaseHasItsBannerOnTopInRed' >/dev/null
convert build/test-output/handout_red_flag_es.png -resize 50% "$out/handout_es.png"
# "Where does it hurt?" with the L5 root chosen: drawn by the GL test that checks its colours.
"${run[@]}" build/tests/test_gl \
  --gtest_filter='AppOutputGLTest.AChosenExplanationPaintsItsReachOverTheMarksOnItsOwnSide' >/dev/null
convert build/test-output/where_it_hurts.png -resize 80% "$out/where_it_hurts.png"
echo "wrote $out/*.png"
