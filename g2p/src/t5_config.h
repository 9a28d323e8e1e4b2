// The subset of a Hugging Face T5Config that inference needs, validated.
#pragma once

#include <string>
#include <string_view>

namespace charsiug2p::detail {

enum class FeedForward { GatedGelu, Relu, GatedRelu, Gelu };

struct T5Config {
  int d_model = 0;
  int d_kv = 0;
  int d_ff = 0;
  int num_heads = 0;
  int num_layers = 0;          // encoder
  int num_decoder_layers = 0;  // decoder
  int vocab_size = 0;
  int relative_attention_num_buckets = 32;
  int relative_attention_max_distance = 128;
  float layer_norm_epsilon = 1e-6f;
  FeedForward feed_forward = FeedForward::Relu;
  bool tie_word_embeddings = true;
  // Scale the decoder output by d_model^-0.5 before lm_head. transformers
  // 5.x writes scale_decoder_outputs explicitly; older configs imply it by
  // tie_word_embeddings.
  bool scale_decoder_outputs = true;
  int decoder_start_token_id = 0;
  int eos_token_id = 1;
  int pad_token_id = 0;

  int inner_dim() const { return num_heads * d_kv; }
  std::string describe() const;
};

// Parses and checks config.json text. Throws ModelError naming `source` and
// the offending field for missing fields, wrong types and absurd sizes.
T5Config parse_t5_config(std::string_view json_text, const std::string& source);

}  // namespace charsiug2p::detail
