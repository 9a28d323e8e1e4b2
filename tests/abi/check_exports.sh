#!/usr/bin/env bash
# Fails if a shared library exports (defines, dynamically) any symbol outside
# the given prefixes. Version-node names (e.g. CHRT_1) are not functions and
# are allowed. Usage: check_exports.sh LIB PREFIX...
set -euo pipefail
lib=$1; shift
pattern="^($(IFS='|'; echo "$*"))"
bad=$(nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | grep -Ev "$pattern" || true)
count=$(nm -D --defined-only "$lib" | awk '$2 != "A"' | wc -l)
if [ -n "$bad" ]; then
  echo "FAIL: $lib exports symbols outside $*:"
  echo "$bad" | head -50
  exit 1
fi
if [ "$count" -eq 0 ]; then
  echo "FAIL: $lib exports nothing (is the C API missing?)"
  exit 1
fi
echo "ok: $lib exports $count symbols, all with prefix $*"
