#!/usr/bin/env bash
# Copies the default model (models/default: config.json, model.safetensors)
# into charsiug2p_flutter/assets/models/default/, the asset folder its
# pubspec declares. A copy, not a committed duplicate: the model lives once in git.
#
#   flutter/tool/stage_assets.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=$root/flutter/charsiug2p_flutter/assets/models/default
mkdir -p "$dest"
for f in config.json model.safetensors; do
  cp -L "$root/models/default/$f" "$dest/$f"
done
echo "assets: $(du -sh "$dest" | cut -f1) in ${dest#"$root"/}"
