// T5 weights repacked for the kernels. Immutable after load; shared by all
// threads. Per-call state lives in Workspace (workspace.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "chrt/runtime.hpp"
#include "t5_config.h"

namespace charsiug2p::detail {

struct FeedForwardWeights {
  std::vector<float> norm;  // layer_norm before the block
  chrt::Matrix wi;          // gated: [gate; up] stacked, 2 * d_ff outputs
  chrt::Matrix wo;
};

struct SelfAttentionWeights {
  std::vector<float> norm;
  chrt::Matrix qkv;  // q, k, v stacked: 3 * inner outputs
  chrt::Matrix o;
};

struct CrossAttentionWeights {
  std::vector<float> norm;
  chrt::Matrix q;
  chrt::Matrix kv;  // applied once per word to the encoder output
  chrt::Matrix o;
};

struct EncoderLayer {
  SelfAttentionWeights attn;
  FeedForwardWeights ff;
};

struct DecoderLayer {
  SelfAttentionWeights self;
  CrossAttentionWeights cross;
  FeedForwardWeights ff;
};

class T5Model {
 public:
  // Builds the model from an open checkpoint. Throws ModelError naming the
  // missing or mis-shaped tensor.
  T5Model(const T5Config& config, const chrt_weights* weights, const std::string& source);

  const T5Config& config() const { return config_; }
  bool gated() const;

  T5Config config_;
  std::vector<float> embedding;     // [vocab, d_model], float32 for cheap lookups
  std::vector<float> encoder_bias;  // relative_attention_bias: [buckets, heads]
  std::vector<float> decoder_bias;
  std::vector<EncoderLayer> encoder;
  std::vector<float> encoder_final_norm;
  std::vector<DecoderLayer> decoder;
  std::vector<float> decoder_final_norm;
  chrt::Matrix lm_head;
  // Layer 0's attention q, k, v for every vocabulary entry, [vocab, 3 * inner],
  // one table per stack. A layer-0 input is the token's embedding alone (T5
  // adds no position embedding), so its projection is a function of the
  // token: a lookup replaces that GEMM. Built with the same kernel the steps
  // use, whose rows never depend on their batch, so lookups are bit-identical
  // to computing. Costs 2 * vocab * 3 * inner floats (3.5 MB for CharsiuG2P
  // models) and saves every decoder step that layer's weight reads.
  std::vector<float> encoder_qkv0, decoder_qkv0;
  float output_scale = 1.0f;
  uint64_t weight_bytes = 0;
};

}  // namespace charsiug2p::detail
