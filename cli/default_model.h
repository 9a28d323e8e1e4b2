// The model compiled into the CLI (models/default), so it works with no
// --model flag. Absent (weights == nullptr) when built without it.
#pragma once

#include <cstddef>
#include <string_view>

namespace charsiug2p::cli {

struct EmbeddedModel {
  std::string_view config;
  const void* weights = nullptr;
  size_t weights_size = 0;
};

EmbeddedModel embedded_default_model();

}  // namespace charsiug2p::cli
