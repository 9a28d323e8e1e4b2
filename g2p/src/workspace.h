// Per-call scratch memory: encoder activations, KV caches, decode state.
// One per worker thread; never shared, so the model itself stays immutable.
#pragma once

#include <cstdint>
#include <vector>

namespace charsiug2p::detail {

struct Workspace {
  // Encoder, rows = all tokens of the batch, ragged (no padding).
  std::vector<float> x, h, qkv, ctx, ff, act, enc_out, bias;
  std::vector<float> scores;
  // Cross-attention keys/values, one [rows, 2 * inner] block per layer.
  std::vector<float> cross_kv;
  // Self-attention cache per layer: [batch, capacity, inner] keys then values.
  std::vector<std::vector<float>> cache_k, cache_v;
  int64_t cache_capacity = 0;
  std::vector<float> logits, step_bias;

  // Grows v to at least n floats; contents are not preserved.
  static float* ensure(std::vector<float>& v, size_t n) {
    if (v.size() < n) v.resize(n);
    return v.data();
  }
};

}  // namespace charsiug2p::detail
