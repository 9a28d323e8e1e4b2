#!/usr/bin/env bash
# One training call on the GPU machine, from the repo root:
#
#   bash training/run_device.sh MINUTES [DECAY_MINUTES]
#
# MINUTES        wall-clock budget of the whole call (training + save + export + verification);
#                keep it ~0.5 min under the run tool's timeout (e.g. 8.5 with timeout_s 570).
# DECAY_MINUTES  0 (default) keeps the LR constant after warmup; on the LAST call pass e.g. 6 to
#                decay the LR linearly to ~0 over the last 6 training minutes (WSD schedule).
#
# Resumes from .ckpt/ckpt_*.pt when present (carry .ckpt together with .data). Writes to $OUT
# (flat, each < 16 MiB): ckpt_0.pt (bf16 format, ~10 MB), model.safetensors, config.json, train.log.
# Env: CONFIG (tiny_8), COMPILE (1), PYTHON (python3), EXTRA (more train.py arguments),
#      VERIFY (1: run training/verify_hf.py with transformers after training).
set -u
MINUTES=${1:?usage: run_device.sh MINUTES [DECAY_MINUTES]}
DECAY=${2:-0}
OUT=${OUT:-/tmp/charsiu_out}
PY=${PYTHON:-python3}
CONFIG=${CONFIG:-tiny_8}
COMPILE=${COMPILE:-1}
VERIFY=${VERIFY:-1}
export PYTHONUNBUFFERED=1
export TORCHINDUCTOR_CACHE_DIR=${TORCHINDUCTOR_CACHE_DIR:-/tmp/inductor_cache}
mkdir -p "$OUT"
cd "$(dirname "$0")/.."

DATA=.data/train.tsv.bz2
[ -f "$DATA" ] || { echo "missing $DATA: run /usr/bin/python3 training/prepare_data.py here and carry .data"; exit 2; }
RESUME=""
if [ -f .ckpt/ckpt_0.pt ]; then RESUME="--resume .ckpt"; fi
nvidia-smi --query-gpu=name,memory.used,memory.total --format=csv,noheader 2>/dev/null

VERIFY_MIN=1.3
[ "$VERIFY" = "1" ] || VERIFY_MIN=0.1
TRAIN_MIN=$($PY -c "print(max(1.0, $MINUTES - $VERIFY_MIN))")
echo "== train $CONFIG for $TRAIN_MIN min (decay $DECAY min) $RESUME -> $OUT"
$PY training/train.py --config "$CONFIG" --max-minutes "$TRAIN_MIN" --decay-minutes "$DECAY" \
    --compile "$COMPILE" --out "$OUT" $RESUME ${EXTRA:-}
RC=$?
echo "== train.py exit $RC"
if [ "$VERIFY" = "1" ] && [ -f "$OUT/model.safetensors" ]; then
    echo "== verify with transformers" | tee -a "$OUT/train.log"
    timeout 75 $PY training/verify_hf.py --model "$OUT" --per-language 2>&1 | grep -v -i "warn" | tee -a "$OUT/train.log"
fi
echo "== files in $OUT ($(ls "$OUT" | wc -l), at most 8 come back):"
ls -la "$OUT"
exit $RC
