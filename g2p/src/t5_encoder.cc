#include <algorithm>
#include <cstring>

#include "attention.h"
#include "t5_forward.h"

namespace charsiug2p::detail {

void run_feed_forward(const T5Model& m, const FeedForwardWeights& f, float* x, int64_t rows,
                      Workspace& ws) {
  const T5Config& c = m.config();
  const int64_t d = c.d_model, dff = c.d_ff;
  float* h = Workspace::ensure(ws.h, rows * d);
  chrt_rms_norm(x, rows, d, d, f.norm.data(), c.layer_norm_epsilon, h, d);
  const int64_t wide = m.gated() ? 2 * dff : dff;
  float* u = Workspace::ensure(ws.ff, rows * wide);
  chrt_matmul(f.wi.get(), h, rows, d, u, wide, 0);
  float* act = Workspace::ensure(ws.act, rows * dff);
  for (int64_t r = 0; r < rows; ++r) {
    const float* ur = u + r * wide;
    float* ar = act + r * dff;
    switch (c.feed_forward) {
      case FeedForward::GatedGelu:
        chrt_gelu_new_mul(ur, ur + dff, dff, ar);
        break;
      case FeedForward::GatedRelu:
        chrt_relu(ur, dff, ar);
        for (int64_t i = 0; i < dff; ++i) ar[i] *= ur[dff + i];
        break;
      case FeedForward::Gelu:
        chrt_gelu_new(ur, dff, ar);
        break;
      case FeedForward::Relu:
        chrt_relu(ur, dff, ar);
        break;
    }
  }
  chrt_matmul(f.wo.get(), act, rows, dff, x, d, 1);
}

void encode(const T5Model& m, const TokenBatch& batch, Workspace& ws) {
  const T5Config& c = m.config();
  const int64_t d = c.d_model, inner = c.inner_dim(), dk = c.d_kv, heads = c.num_heads;
  const int64_t rows = batch.tokens.size();
  float* x = Workspace::ensure(ws.x, rows * d);
  for (int64_t r = 0; r < rows; ++r)
    std::memcpy(x + r * d, m.embedding.data() + static_cast<int64_t>(batch.tokens[r]) * d,
                sizeof(float) * d);

  // Position bias depends only on key - query: one row per head covering
  // every offset a word of this batch can have.
  int max_len = 0;
  for (int b = 0; b < batch.size(); ++b)
    max_len = std::max(max_len, batch.offsets[b + 1] - batch.offsets[b]);
  const int64_t span = 2 * static_cast<int64_t>(max_len) - 1;
  float* bias = Workspace::ensure(ws.bias, heads * span);
  for (int64_t rel = -(max_len - 1); rel <= max_len - 1; ++rel) {
    const int bucket =
        relative_position_bucket(static_cast<int>(rel), true, c.relative_attention_num_buckets,
                                 c.relative_attention_max_distance);
    for (int64_t h = 0; h < heads; ++h)
      bias[h * span + rel + max_len - 1] = m.encoder_bias[bucket * heads + h];
  }

  float* scores = Workspace::ensure(ws.scores, max_len);
  for (const EncoderLayer& layer : m.encoder) {
    const SelfAttentionWeights& a = layer.attn;
    float* qkv = Workspace::ensure(ws.qkv, rows * 3 * inner);
    if (&layer == &m.encoder.front()) {
      for (int64_t r = 0; r < rows; ++r)
        std::memcpy(qkv + r * 3 * inner,
                    m.encoder_qkv0.data() + static_cast<int64_t>(batch.tokens[r]) * 3 * inner,
                    sizeof(float) * 3 * inner);
    } else {
      float* h = Workspace::ensure(ws.h, rows * d);
      chrt_rms_norm(x, rows, d, d, a.norm.data(), c.layer_norm_epsilon, h, d);
      chrt_matmul(a.qkv.get(), h, rows, d, qkv, 3 * inner, 0);
    }
    float* ctx = Workspace::ensure(ws.ctx, rows * inner);
    for (int b = 0; b < batch.size(); ++b) {
      const int64_t off = batch.offsets[b];
      const int len = batch.offsets[b + 1] - batch.offsets[b];
      // Head by head: one head's keys and values of a word stay in L1 for
      // all its queries (all heads' together overflow it at ~15 tokens).
      for (int64_t hd = 0; hd < heads; ++hd) {
        const float* k = qkv + off * 3 * inner + inner + hd * dk;
        const float* v = qkv + off * 3 * inner + 2 * inner + hd * dk;
        for (int i = 0; i < len; ++i) {
          const float* q = qkv + (off + i) * 3 * inner + hd * dk;
          // bias_row[j] must be bias(j - i): start at offset -i.
          const float* bias_row = bias + hd * span + (max_len - 1) - i;
          attend_one(q, k, 3 * inner, v, 3 * inner, len, bias_row, static_cast<int>(dk), scores,
                     ctx + (off + i) * inner + hd * dk);
        }
      }
    }
    chrt_matmul(a.o.get(), ctx, rows, inner, x, d, 1);
    run_feed_forward(m, layer.ff, x, rows, ws);
  }
  float* out = Workspace::ensure(ws.enc_out, rows * d);
  chrt_rms_norm(x, rows, d, d, m.encoder_final_norm.data(), c.layer_norm_epsilon, out, d);
}

}  // namespace charsiug2p::detail
