#include <algorithm>
#include <cstring>

#include "attention.h"
#include "t5_forward.h"

namespace charsiug2p::detail {

namespace {

// Grows the self-attention caches to hold `needed` positions per word,
// keeping what is cached. Doubling keeps the copies rare; most words stop
// long before the worst-case length.
void reserve_cache(const T5Model& m, int batch, int64_t needed, Workspace& ws) {
  if (needed <= ws.cache_capacity) return;
  const int64_t inner = m.config().inner_dim();
  const int64_t cap = std::max<int64_t>(needed, std::max<int64_t>(32, 2 * ws.cache_capacity));
  const size_t layers = m.decoder.size();
  ws.cache_k.resize(layers);
  ws.cache_v.resize(layers);
  for (size_t l = 0; l < layers; ++l) {
    for (auto* cache : {&ws.cache_k[l], &ws.cache_v[l]}) {
      std::vector<float> grown(static_cast<size_t>(batch) * cap * inner);
      if (ws.cache_capacity > 0)
        for (int b = 0; b < batch; ++b)
          std::memcpy(grown.data() + b * cap * inner, cache->data() + b * ws.cache_capacity * inner,
                      sizeof(float) * ws.cache_capacity * inner);
      cache->swap(grown);
    }
  }
  ws.cache_capacity = cap;
}

}  // namespace

std::vector<std::vector<int32_t>> greedy_decode(const T5Model& m, const TokenBatch& batch,
                                                Workspace& ws, StepObserver* observer) {
  const T5Config& c = m.config();
  const int B = batch.size();
  const int64_t d = c.d_model, inner = c.inner_dim(), dk = c.d_kv, heads = c.num_heads;
  const int64_t vocab = c.vocab_size;
  const int64_t enc_rows = batch.tokens.size();
  std::vector<std::vector<int32_t>> out(B);
  if (B == 0) return out;

  encode(m, batch, ws);
  const size_t L = m.decoder.size();
  // Cross-attention keys/values: once per word, not once per step.
  float* cross = Workspace::ensure(ws.cross_kv, L * enc_rows * 2 * inner);
  for (size_t l = 0; l < L; ++l)
    chrt_matmul(m.decoder[l].cross.kv.get(), ws.enc_out.data(), enc_rows, d,
                cross + l * enc_rows * 2 * inner, 2 * inner, 0);

  ws.cache_capacity = 0;
  int max_steps = 0, max_len = 0;
  for (int b = 0; b < B; ++b) {
    max_steps = std::max(max_steps, batch.max_new_tokens[b]);
    max_len = std::max(max_len, batch.offsets[b + 1] - batch.offsets[b]);
  }
  std::vector<int> active, tokens(B, c.decoder_start_token_id);
  for (int b = 0; b < B; ++b)
    if (batch.max_new_tokens[b] > 0) active.push_back(b);
  float* scores = Workspace::ensure(ws.scores, std::max(max_len, max_steps + 1));

  for (int t = 0; !active.empty(); ++t) {
    reserve_cache(m, B, t + 1, ws);
    const int64_t A = active.size(), cap = ws.cache_capacity;
    float* x = Workspace::ensure(ws.x, A * d);
    for (int64_t a = 0; a < A; ++a)
      std::memcpy(x + a * d, m.embedding.data() + static_cast<int64_t>(tokens[active[a]]) * d,
                  sizeof(float) * d);
    // bias for key j at step t is bucket(j - t), unidirectional.
    float* sb = Workspace::ensure(ws.step_bias, heads * (t + 1));
    for (int j = 0; j <= t; ++j) {
      const int bucket = relative_position_bucket(j - t, false, c.relative_attention_num_buckets,
                                                  c.relative_attention_max_distance);
      for (int64_t h = 0; h < heads; ++h) sb[h * (t + 1) + j] = m.decoder_bias[bucket * heads + h];
    }
    for (size_t l = 0; l < L; ++l) {
      const DecoderLayer& layer = m.decoder[l];
      float* h = Workspace::ensure(ws.h, A * d);
      float* qkv = Workspace::ensure(ws.qkv, A * 3 * inner);
      if (l == 0) {
        for (int64_t a = 0; a < A; ++a)
          std::memcpy(qkv + a * 3 * inner,
                      m.decoder_qkv0.data() + static_cast<int64_t>(tokens[active[a]]) * 3 * inner,
                      sizeof(float) * 3 * inner);
      } else {
        chrt_rms_norm(x, A, d, d, layer.self.norm.data(), c.layer_norm_epsilon, h, d);
        chrt_matmul(layer.self.qkv.get(), h, A, d, qkv, 3 * inner, 0);
      }
      float* ctx = Workspace::ensure(ws.ctx, A * inner);
      for (int64_t a = 0; a < A; ++a) {
        const int b = active[a];
        float* kc = ws.cache_k[l].data() + static_cast<int64_t>(b) * cap * inner;
        float* vc = ws.cache_v[l].data() + static_cast<int64_t>(b) * cap * inner;
        std::memcpy(kc + t * inner, qkv + a * 3 * inner + inner, sizeof(float) * inner);
        std::memcpy(vc + t * inner, qkv + a * 3 * inner + 2 * inner, sizeof(float) * inner);
        for (int64_t hd = 0; hd < heads; ++hd)
          attend_one(qkv + a * 3 * inner + hd * dk, kc + hd * dk, inner, vc + hd * dk, inner, t + 1,
                     sb + hd * (t + 1), static_cast<int>(dk), scores, ctx + a * inner + hd * dk);
      }
      chrt_matmul(layer.self.o.get(), ctx, A, inner, x, d, 1);

      chrt_rms_norm(x, A, d, d, layer.cross.norm.data(), c.layer_norm_epsilon, h, d);
      float* q = Workspace::ensure(ws.qkv, A * inner);
      chrt_matmul(layer.cross.q.get(), h, A, d, q, inner, 0);
      const float* kv = cross + l * enc_rows * 2 * inner;
      for (int64_t a = 0; a < A; ++a) {
        const int b = active[a];
        const int64_t off = batch.offsets[b];
        const int len = batch.offsets[b + 1] - batch.offsets[b];
        for (int64_t hd = 0; hd < heads; ++hd)
          attend_one(q + a * inner + hd * dk, kv + off * 2 * inner + hd * dk, 2 * inner,
                     kv + off * 2 * inner + inner + hd * dk, 2 * inner, len, nullptr,
                     static_cast<int>(dk), scores, ctx + a * inner + hd * dk);
      }
      chrt_matmul(layer.cross.o.get(), ctx, A, inner, x, d, 1);
      run_feed_forward(m, layer.ff, x, A, ws);
    }
    float* h = Workspace::ensure(ws.h, A * d);
    chrt_rms_norm(x, A, d, d, m.decoder_final_norm.data(), c.layer_norm_epsilon, h, d);
    if (m.output_scale != 1.0f)
      for (int64_t i = 0; i < A * d; ++i) h[i] *= m.output_scale;
    float* logits = Workspace::ensure(ws.logits, A * vocab);
    chrt_matmul(m.lm_head.get(), h, A, d, logits, vocab, 0);
    if (observer) observer->on_step(t, active, logits, static_cast<int>(vocab));

    std::vector<int> still;
    still.reserve(active.size());
    for (int64_t a = 0; a < A; ++a) {
      const int b = active[a];
      const auto tok = static_cast<int32_t>(chrt_argmax(logits + a * vocab, vocab));
      if (tok == c.eos_token_id) continue;
      out[b].push_back(tok);
      tokens[b] = tok;
      if (static_cast<int32_t>(out[b].size()) < batch.max_new_tokens[b]) still.push_back(b);
    }
    active.swap(still);
  }
  return out;
}

}  // namespace charsiug2p::detail
