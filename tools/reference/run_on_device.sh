#!/usr/bin/env bash
# Run both reference scripts on the GPU machine, from the repository root, with
# $OUT set (the device tool sets it).  Writes (flat, <= 8 files):
#   $OUT/random_checkpoints.tar.gz   random/<name>/{config.json,model.safetensors|pytorch_model.bin,
#                                    golden.tsv,report.txt,generation_config.json?,golden_inmemory.tsv?,golden_t5ref.tsv?}
#   $OUT/random_log.txt              full log of make_random_checkpoints.py
#   $OUT/fixture_logits.tsv          per-step logits of the tiny-g2p-8x4 fixture
#   $OUT/fixture_log.txt             full log of make_logits_fixture.py
#   $OUT/env.txt                     versions / GPU
# The random checkpoints are packed in one tar because the device tool returns at
# most 8 files (5 checkpoints x 4+ files would not come back).
#
# Inputs searched (first hit wins; override with DEV_DIR / FIXTURE_DIR):
#   dev words: tests/data/dev .data/dev shared/data/charsiug2p/dev ../shared/data/charsiug2p/dev
#              (if none: the built-in copy of the 24 dev words in make_random_checkpoints.py)
#   fixture:   .ckpt/tiny-g2p-8x4 tests/data/tiny-g2p-8x4 shared/fixtures/tiny-g2p-8x4
#              ../shared/fixtures/tiny-g2p-8x4
#              (if none: the fixture step is skipped)
#   fixture golden (optional): FIXTURE/golden_dev_nosp.tsv .data/golden_dev_nosp.tsv
#              tests/data/golden_dev_nosp.tsv (if none: built-in predictions of the 6 words)
set -u -o pipefail
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
: "${OUT:?set OUT to the output folder}"
mkdir -p "$OUT"
PY=${PYTHON:-python3}
REF=tools/reference
WORK=$(mktemp -d /tmp/charsiug2p_ref.XXXXXX)

pick() {  # pick FILE DIR... -> first DIR containing FILE
  local f=$1; shift
  for d in "$@"; do
    if [ -n "$d" ] && [ -f "$d/$f" ]; then echo "$d"; return 0; fi
  done
  return 1
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  $PY -c 'import sys, torch; print("python", sys.version.split()[0], sys.executable); print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())'
  $PY -c 'import transformers; print("transformers", transformers.__version__)'
  $PY -c 'import safetensors; print("safetensors", safetensors.__version__)'
  nvidia-smi -L 2>/dev/null || echo "nvidia-smi: n/a"
} 2>&1 | tee "$OUT/env.txt"

DEV=$(pick eng-us.tsv "${DEV_DIR:-}" tests/data/dev .data/dev shared/data/charsiug2p/dev ../shared/data/charsiug2p/dev) || DEV=""
FIX=$(pick model.safetensors "${FIXTURE_DIR:-}" .ckpt/tiny-g2p-8x4 tests/data/tiny-g2p-8x4 shared/fixtures/tiny-g2p-8x4 ../shared/fixtures/tiny-g2p-8x4) || FIX=""
GOLD=""
for g in "${FIX:+$FIX/golden_dev_nosp.tsv}" .data/golden_dev_nosp.tsv tests/data/golden_dev_nosp.tsv; do
  if [ -n "$g" ] && [ -f "$g" ]; then GOLD=$g; break; fi
done
echo "dev folder: ${DEV:-<none: built-in word list>}"
echo "fixture folder: ${FIX:-<none: fixture step skipped>}"
echo "fixture golden: ${GOLD:-<none: built-in predictions of the 6 default words>}"

rc=0
echo "================ make_random_checkpoints.py"
$PY $REF/make_random_checkpoints.py --out "$WORK/random" ${DEV:+--dev "$DEV"} 2>&1 | tee "$OUT/random_log.txt"
r=$?; [ $r -ne 0 ] && { echo "make_random_checkpoints.py exit $r"; rc=1; }
if [ -d "$WORK/random" ]; then
  tar -C "$WORK" -czf "$OUT/random_checkpoints.tar.gz" random || rc=1
fi

echo "================ make_logits_fixture.py"
if [ -n "$FIX" ]; then
  $PY $REF/make_logits_fixture.py --model "$FIX" --out "$OUT/fixture_logits.tsv" ${GOLD:+--golden "$GOLD"} 2>&1 | tee "$OUT/fixture_log.txt"
  r=$?; [ $r -ne 0 ] && { echo "make_logits_fixture.py exit $r"; rc=1; }
else
  echo "SKIPPED: no fixture folder found (copy /work/shared/fixtures/tiny-g2p-8x4 to .ckpt/tiny-g2p-8x4 and carry .ckpt)" | tee "$OUT/fixture_log.txt"
  rc=1
fi

echo
echo "================ KEY FACTS"
echo "--- environment"; cat "$OUT/env.txt"
echo "--- per checkpoint (saved config keys, tensor layout)"
grep -E '^\[|^  (saved with|files:|config:|engine rule|safetensors:|pytorch_model.bin:|bin entries|tensor names \(non-block\)|in-memory:|reload|reloaded lm_head|WARNING|ERROR|generate\(\) failed)|^Traceback|Error' "$OUT/random_log.txt" | cut -c1-400
echo "--- files in \$OUT"
ls -l "$OUT"
echo "--- summaries"
grep -E '^SUMMARY' "$OUT/random_log.txt" | tail -n 5
grep -E '^(# checkpoint|SUMMARY|<)' "$OUT/fixture_log.txt" 2>/dev/null | cut -c1-300
echo "exit status $rc"
exit $rc
