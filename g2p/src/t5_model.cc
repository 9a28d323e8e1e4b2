#include "t5_model.h"

#include <cmath>

#include "errors.h"

namespace charsiug2p::detail {

namespace {

std::string shape_str(const chrt_tensor_info& t) {
  std::string s = "[";
  for (int i = 0; i < t.ndim; ++i) s += (i ? ", " : "") + std::to_string(t.shape[i]);
  return s + "]";
}

class Loader {
 public:
  Loader(const chrt_weights* w, const std::string& source) : w_(w), source_(source) {}

  bool has(const std::string& name) const {
    chrt_tensor_info info;
    return chrt_weights_find(w_, name.c_str(), &info) == CHRT_OK;
  }

  // The tensor `name`, which must have exactly `shape`.
  chrt_tensor_info get(const std::string& name, std::initializer_list<int64_t> shape) const {
    chrt_tensor_info info;
    if (chrt_weights_find(w_, name.c_str(), &info) != CHRT_OK)
      throw ModelError(CHARSIUG2P_ERR_MODEL_FORMAT,
                       source_ + ": missing tensor '" + name + "' required by config.json");
    bool ok = info.ndim == static_cast<int32_t>(shape.size());
    int i = 0;
    for (int64_t d : shape) ok = ok && info.shape[i++] == d;
    if (!ok) {
      std::string want = "[";
      i = 0;
      for (int64_t d : shape) want += (i++ ? ", " : "") + std::to_string(d);
      throw ModelError(CHARSIUG2P_ERR_MODEL_FORMAT, source_ + ": tensor '" + name + "' has shape " +
                                                        shape_str(info) + ", config.json implies " +
                                                        want + "]");
    }
    if (info.dtype != CHRT_DTYPE_F32 && info.dtype != CHRT_DTYPE_F16 &&
        info.dtype != CHRT_DTYPE_BF16)
      throw ModelError(CHARSIUG2P_ERR_UNSUPPORTED, source_ + ": tensor '" + name + "' has dtype " +
                                                       chrt_dtype_name(info.dtype) +
                                                       "; expected f32, f16 or bf16");
    return info;
  }

  std::vector<float> vec(const std::string& name, std::initializer_list<int64_t> shape) const {
    const chrt_tensor_info t = get(name, shape);
    uint64_t n = 1;
    for (int i = 0; i < t.ndim; ++i) n *= static_cast<uint64_t>(t.shape[i]);
    std::vector<float> out(n);
    chrt::check(chrt_tensor_to_f32(&t, out.data(), n));
    return out;
  }

  chrt::Matrix matrix(std::initializer_list<chrt_tensor_info> parts) {
    chrt_matrix* m = nullptr;
    chrt::check(chrt_matrix_create(parts.begin(), static_cast<uint32_t>(parts.size()), &m));
    bytes += chrt_matrix_bytes(m);
    return chrt::Matrix(m);
  }

  uint64_t bytes = 0;

 private:
  const chrt_weights* w_;
  const std::string& source_;
};

}  // namespace

bool T5Model::gated() const {
  return config_.feed_forward == FeedForward::GatedGelu ||
         config_.feed_forward == FeedForward::GatedRelu;
}

namespace {

std::vector<float> token_qkv_table(const SelfAttentionWeights& a, const T5Config& c,
                                   const std::vector<float>& embedding) {
  const int64_t d = c.d_model, vocab = c.vocab_size, width = 3 * c.inner_dim();
  std::vector<float> h(static_cast<size_t>(vocab) * d), table(static_cast<size_t>(vocab) * width);
  chrt_rms_norm(embedding.data(), vocab, d, d, a.norm.data(), c.layer_norm_epsilon, h.data(), d);
  chrt_matmul(a.qkv.get(), h.data(), vocab, d, table.data(), width, 0);
  return table;
}

}  // namespace

T5Model::T5Model(const T5Config& c, const chrt_weights* weights, const std::string& source)
    : config_(c) {
  Loader L(weights, source);
  const int64_t d = c.d_model, inner = c.inner_dim(), ff = c.d_ff, vocab = c.vocab_size;
  // Both key layouts occur: tied checkpoints may drop encoder.embed_tokens
  // or shared, and untied ones add lm_head.
  std::string emb_name = "shared.weight";
  if (!L.has(emb_name)) emb_name = "encoder.embed_tokens.weight";
  if (!L.has(emb_name)) emb_name = "decoder.embed_tokens.weight";
  embedding = L.vec(emb_name, {vocab, d});
  const chrt_tensor_info head =
      L.has("lm_head.weight") ? L.get("lm_head.weight", {vocab, d}) : L.get(emb_name, {vocab, d});
  lm_head = L.matrix({head});
  output_scale = c.scale_decoder_outputs ? 1.0f / std::sqrt(static_cast<float>(d)) : 1.0f;

  const int64_t buckets = c.relative_attention_num_buckets, heads = c.num_heads;
  encoder_bias = L.vec("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
                       {buckets, heads});
  decoder_bias = L.vec("decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
                       {buckets, heads});

  auto self_attention = [&](const std::string& p, const std::string& module) {
    SelfAttentionWeights a;
    a.norm = L.vec(p + "layer_norm.weight", {d});
    const std::string m = p + module + ".";
    a.qkv = L.matrix({L.get(m + "q.weight", {inner, d}), L.get(m + "k.weight", {inner, d}),
                      L.get(m + "v.weight", {inner, d})});
    a.o = L.matrix({L.get(m + "o.weight", {d, inner})});
    return a;
  };
  auto feed_forward = [&](const std::string& p) {
    FeedForwardWeights f;
    f.norm = L.vec(p + "layer_norm.weight", {d});
    const std::string m = p + "DenseReluDense.";
    if (gated())
      f.wi = L.matrix({L.get(m + "wi_0.weight", {ff, d}), L.get(m + "wi_1.weight", {ff, d})});
    else
      f.wi = L.matrix({L.get(m + "wi.weight", {ff, d})});
    f.wo = L.matrix({L.get(m + "wo.weight", {d, ff})});
    return f;
  };

  for (int i = 0; i < c.num_layers; ++i) {
    const std::string p = "encoder.block." + std::to_string(i) + ".layer.";
    EncoderLayer layer;
    layer.attn = self_attention(p + "0.", "SelfAttention");
    layer.ff = feed_forward(p + "1.");
    encoder.push_back(std::move(layer));
  }
  encoder_final_norm = L.vec("encoder.final_layer_norm.weight", {d});
  for (int i = 0; i < c.num_decoder_layers; ++i) {
    const std::string p = "decoder.block." + std::to_string(i) + ".layer.";
    DecoderLayer layer;
    layer.self = self_attention(p + "0.", "SelfAttention");
    const std::string x = p + "1.EncDecAttention.";
    layer.cross.norm = L.vec(p + "1.layer_norm.weight", {d});
    layer.cross.q = L.matrix({L.get(x + "q.weight", {inner, d})});
    layer.cross.kv =
        L.matrix({L.get(x + "k.weight", {inner, d}), L.get(x + "v.weight", {inner, d})});
    layer.cross.o = L.matrix({L.get(x + "o.weight", {d, inner})});
    layer.ff = feed_forward(p + "2.");
    decoder.push_back(std::move(layer));
  }
  decoder_final_norm = L.vec("decoder.final_layer_norm.weight", {d});
  encoder_qkv0 = token_qkv_table(encoder.front().attn, c, embedding);
  decoder_qkv0 = token_qkv_table(decoder.front().self, c, embedding);
  weight_bytes = L.bytes + (embedding.size() + encoder_bias.size() + decoder_bias.size()) * 4;
}

}  // namespace charsiug2p::detail
