#include "t5_config.h"

#include <nlohmann/json.hpp>

#include "errors.h"

namespace charsiug2p::detail {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& what) {
  throw ModelError(CHARSIUG2P_ERR_MODEL_FORMAT, source + ": " + what);
}

// Bounds are generous for any T5 (ByT5-xxl has d_model 4672, d_ff 12352) but
// stop absurd values from turning into huge allocations.
int get_int(const json& j, const char* key, const std::string& source, int lo, int hi,
            const int* fallback = nullptr) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (fallback) return *fallback;
    fail(source, std::string("missing field \"") + key + "\"");
  }
  if (!it->is_number_integer())
    fail(source, std::string("field \"") + key + "\" must be an integer");
  const auto v = it->get<int64_t>();
  if (v < lo || v > hi)
    fail(source, std::string("field \"") + key + "\" = " + std::to_string(v) + " is outside " +
                     std::to_string(lo) + ".." + std::to_string(hi));
  return static_cast<int>(v);
}

bool get_bool(const json& j, const char* key, bool fallback, const std::string& source) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) fail(source, std::string("field \"") + key + "\" must be true or false");
  return it->get<bool>();
}

}  // namespace

T5Config parse_t5_config(std::string_view text, const std::string& source) {
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    fail(source, std::string("invalid JSON: ") + e.what());
  }
  if (!j.is_object()) fail(source, "expected a JSON object");
  if (auto mt = j.find("model_type"); mt != j.end() && mt->is_string() && *mt != "t5")
    throw ModelError(CHARSIUG2P_ERR_UNSUPPORTED,
                     source + ": model_type \"" + mt->get<std::string>() + "\" is not \"t5\"");
  T5Config c;
  c.d_model = get_int(j, "d_model", source, 1, 65536);
  c.d_kv = get_int(j, "d_kv", source, 1, 4096);
  c.d_ff = get_int(j, "d_ff", source, 1, 262144);
  c.num_heads = get_int(j, "num_heads", source, 1, 1024);
  c.num_layers = get_int(j, "num_layers", source, 1, 1024);
  c.num_decoder_layers = get_int(j, "num_decoder_layers", source, 1, 1024, &c.num_layers);
  c.vocab_size = get_int(j, "vocab_size", source, 259, 1 << 20);
  const int buckets = 32, distance = 128, start = 0, eos = 1, pad = 0;
  c.relative_attention_num_buckets =
      get_int(j, "relative_attention_num_buckets", source, 2, 4096, &buckets);
  c.relative_attention_max_distance =
      get_int(j, "relative_attention_max_distance", source, 2, 1 << 20, &distance);
  c.decoder_start_token_id =
      get_int(j, "decoder_start_token_id", source, 0, c.vocab_size - 1, &start);
  c.eos_token_id = get_int(j, "eos_token_id", source, 0, c.vocab_size - 1, &eos);
  c.pad_token_id = get_int(j, "pad_token_id", source, 0, c.vocab_size - 1, &pad);
  if (auto e = j.find("layer_norm_epsilon"); e != j.end() && !e->is_null()) {
    if (!e->is_number() || !(e->get<double>() > 0.0) || e->get<double>() > 1.0)
      fail(source, "field \"layer_norm_epsilon\" must be a number in (0, 1]");
    c.layer_norm_epsilon = static_cast<float>(e->get<double>());
  }
  std::string ff = "relu";
  if (auto f = j.find("feed_forward_proj"); f != j.end() && !f->is_null()) {
    if (!f->is_string()) fail(source, "field \"feed_forward_proj\" must be a string");
    ff = f->get<std::string>();
  }
  if (ff == "gated-gelu") {
    c.feed_forward = FeedForward::GatedGelu;
  } else if (ff == "relu") {
    c.feed_forward = FeedForward::Relu;
  } else if (ff == "gated-relu") {
    c.feed_forward = FeedForward::GatedRelu;
  } else if (ff == "gelu" || ff == "gelu_new") {
    c.feed_forward = FeedForward::Gelu;
  } else {
    throw ModelError(CHARSIUG2P_ERR_UNSUPPORTED,
                     source + ": feed_forward_proj \"" + ff +
                         "\" is not supported (relu, gated-gelu, gated-relu, gelu)");
  }
  // gelu_new (tanh) is what "gated-gelu" means in T5; a checkpoint asking
  // for exact erf gelu would silently differ, so refuse it.
  if (auto act = j.find("dense_act_fn"); act != j.end() && act->is_string()) {
    const std::string a = act->get<std::string>();
    const bool gelu_ff =
        c.feed_forward == FeedForward::GatedGelu || c.feed_forward == FeedForward::Gelu;
    if (gelu_ff && a != "gelu_new" && a != "gelu_pytorch_tanh")
      throw ModelError(CHARSIUG2P_ERR_UNSUPPORTED,
                       source + ": dense_act_fn \"" + a + "\" is not supported with " + ff);
  }
  c.tie_word_embeddings = get_bool(j, "tie_word_embeddings", true, source);
  c.scale_decoder_outputs = get_bool(j, "scale_decoder_outputs", c.tie_word_embeddings, source);
  if (get_bool(j, "is_encoder_decoder", true, source) == false)
    throw ModelError(CHARSIUG2P_ERR_UNSUPPORTED, source + ": not an encoder-decoder model");
  return c;
}

std::string T5Config::describe() const {
  const char* ff = feed_forward == FeedForward::GatedGelu   ? "gated-gelu"
                   : feed_forward == FeedForward::GatedRelu ? "gated-relu"
                   : feed_forward == FeedForward::Gelu      ? "gelu"
                                                            : "relu";
  return "t5 encoder " + std::to_string(num_layers) + " decoder " +
         std::to_string(num_decoder_layers) + " d_model " + std::to_string(d_model) + " heads " +
         std::to_string(num_heads) + "x" + std::to_string(d_kv) + " d_ff " + std::to_string(d_ff) +
         " " + ff + " vocab " + std::to_string(vocab_size) +
         (scale_decoder_outputs ? " scaled-output" : "");
}

}  // namespace charsiug2p::detail
