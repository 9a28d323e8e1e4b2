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

// Drafting stops paying once a pass is no longer bound by streaming the
// weights: a few rows cost about what one costs (bench_matmul's decoder
// step), many rows cost in proportion. So drafts are made only while the
// active words need at most kSpeculativeRows rows between them.
constexpr int kMaxDrafts = 3;
constexpr int kSpeculativeRows = 4;

struct Row {
  int word;
  int pos;        // decoder position (the word's tokens so far)
  int32_t token;  // input: the word's last token, or a drafted one
};

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
  std::vector<int> active;
  std::vector<int32_t> last(B, c.decoder_start_token_id);
  for (int b = 0; b < B; ++b)
    if (batch.max_new_tokens[b] > 0) active.push_back(b);
  float* scores = Workspace::ensure(ws.scores, std::max(max_len, max_steps + 1));

  // Self-attention bias depends only on the distance back from the query:
  // head h keeps bias(dist) at h * P + P - 1 - dist, so the keys 0..t of a
  // query at position t read P - 1 - t .. P - 1, in key order.
  const int64_t P = std::max(max_steps, 1);
  float* sbias = Workspace::ensure(ws.step_bias, heads * P);
  for (int64_t dist = 0; dist < P; ++dist) {
    const int bucket =
        relative_position_bucket(static_cast<int>(-dist), false, c.relative_attention_num_buckets,
                                 c.relative_attention_max_distance);
    for (int64_t h = 0; h < heads; ++h)
      sbias[h * P + P - 1 - dist] = m.decoder_bias[bucket * heads + h];
  }

  std::vector<Row> rows;
  std::vector<int> first_row, still;
  while (!active.empty()) {
    const int64_t A = active.size();
    const int drafts =
        2 * A <= kSpeculativeRows ? std::min<int64_t>(kMaxDrafts, kSpeculativeRows / A - 1) : 0;
    rows.clear();
    first_row.clear();
    int needed = 0;
    for (const int b : active) {
      const int pos = static_cast<int>(out[b].size());
      first_row.push_back(static_cast<int>(rows.size()));
      rows.push_back({b, pos, last[b]});
      // Drafts stop where the table has nothing, before EOS (a pass that
      // predicts EOS ends the word anyway) and so that, all accepted, the
      // word stays within max_new_tokens.
      const int room = std::min(drafts, batch.max_new_tokens[b] - 1 - pos);
      int32_t prev = last[b];
      for (int j = 0; j < room; ++j) {
        const int32_t next = draft_next(batch.drafts[b], prev);
        if (next < 0 || next == c.eos_token_id) break;
        rows.push_back({b, pos + 1 + j, next});
        prev = next;
      }
      needed = std::max(needed, rows.back().pos + 1);
    }
    first_row.push_back(static_cast<int>(rows.size()));
    reserve_cache(m, B, needed, ws);
    const int64_t R = rows.size(), cap = ws.cache_capacity;

    float* x = Workspace::ensure(ws.x, R * d);
    for (int64_t r = 0; r < R; ++r)
      std::memcpy(x + r * d, m.embedding.data() + static_cast<int64_t>(rows[r].token) * d,
                  sizeof(float) * d);
    for (size_t l = 0; l < L; ++l) {
      const DecoderLayer& layer = m.decoder[l];
      float* h = Workspace::ensure(ws.h, R * d);
      float* qkv = Workspace::ensure(ws.qkv, R * 3 * inner);
      if (l == 0) {
        for (int64_t r = 0; r < R; ++r)
          std::memcpy(qkv + r * 3 * inner,
                      m.decoder_qkv0.data() + static_cast<int64_t>(rows[r].token) * 3 * inner,
                      sizeof(float) * 3 * inner);
      } else {
        chrt_rms_norm(x, R, d, d, layer.self.norm.data(), c.layer_norm_epsilon, h, d);
        chrt_matmul(layer.self.qkv.get(), h, R, d, qkv, 3 * inner, 0);
      }
      float* ctx = Workspace::ensure(ws.ctx, R * inner);
      // A word's rows are in position order: each stores its key and value
      // before attending, so later drafts see the earlier ones.
      for (int64_t r = 0; r < R; ++r) {
        const int b = rows[r].word, t = rows[r].pos;
        float* kc = ws.cache_k[l].data() + static_cast<int64_t>(b) * cap * inner;
        float* vc = ws.cache_v[l].data() + static_cast<int64_t>(b) * cap * inner;
        std::memcpy(kc + t * inner, qkv + r * 3 * inner + inner, sizeof(float) * inner);
        std::memcpy(vc + t * inner, qkv + r * 3 * inner + 2 * inner, sizeof(float) * inner);
        for (int64_t hd = 0; hd < heads; ++hd)
          attend_one(qkv + r * 3 * inner + hd * dk, kc + hd * dk, inner, vc + hd * dk, inner, t + 1,
                     sbias + hd * P + P - 1 - t, static_cast<int>(dk), scores,
                     ctx + r * inner + hd * dk);
      }
      chrt_matmul(layer.self.o.get(), ctx, R, inner, x, d, 1);

      chrt_rms_norm(x, R, d, d, layer.cross.norm.data(), c.layer_norm_epsilon, h, d);
      float* q = Workspace::ensure(ws.qkv, R * inner);
      chrt_matmul(layer.cross.q.get(), h, R, d, q, inner, 0);
      const float* kv = cross + l * enc_rows * 2 * inner;
      for (int64_t r = 0; r < R; ++r) {
        const int b = rows[r].word;
        const int64_t off = batch.offsets[b];
        const int len = batch.offsets[b + 1] - batch.offsets[b];
        for (int64_t hd = 0; hd < heads; ++hd)
          attend_one(q + r * inner + hd * dk, kv + off * 2 * inner + hd * dk, 2 * inner,
                     kv + off * 2 * inner + inner + hd * dk, 2 * inner, len, nullptr,
                     static_cast<int>(dk), scores, ctx + r * inner + hd * dk);
      }
      chrt_matmul(layer.cross.o.get(), ctx, R, inner, x, d, 1);
      run_feed_forward(m, layer.ff, x, R, ws);
    }
    float* h = Workspace::ensure(ws.h, R * d);
    chrt_rms_norm(x, R, d, d, m.decoder_final_norm.data(), c.layer_norm_epsilon, h, d);
    if (m.output_scale != 1.0f)
      for (int64_t i = 0; i < R * d; ++i) h[i] *= m.output_scale;
    float* logits = Workspace::ensure(ws.logits, R * vocab);
    chrt_matmul(m.lm_head.get(), h, R, d, logits, vocab, 0);

    // Row r + 1's draft counts only if it is what row r chose; the row
    // after the last accepted draft still yields one more true token.
    still.clear();
    for (int64_t a = 0; a < A; ++a) {
      const int b = active[a];
      bool finished = false;
      for (int r = first_row[a]; r < first_row[a + 1]; ++r) {
        const float* lr = logits + r * vocab;
        const auto tok = static_cast<int32_t>(chrt_argmax(lr, vocab));
        if (observer) observer->on_logits(b, rows[r].pos, lr, static_cast<int>(vocab));
        if (tok == c.eos_token_id) {
          finished = true;
          break;
        }
        out[b].push_back(tok);
        last[b] = tok;
        if (static_cast<int32_t>(out[b].size()) >= batch.max_new_tokens[b]) {
          finished = true;
          break;
        }
        if (r + 1 == first_row[a + 1] || rows[r + 1].token != tok) break;
      }
      if (!finished) still.push_back(b);
    }
    active.swap(still);
  }
  return out;
}

}  // namespace charsiug2p::detail
