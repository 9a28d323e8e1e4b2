// T5 inference on a batch of token sequences: the encoder and batched greedy
// decoding with a self-attention KV cache.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "draft_table.h"
#include "t5_model.h"
#include "workspace.h"

namespace charsiug2p::detail {

// A batch of encoder inputs, ragged: word b's tokens are
// tokens[offsets[b] .. offsets[b + 1]).
struct TokenBatch {
  std::vector<int32_t> tokens;
  std::vector<int32_t> offsets{0};
  std::vector<int32_t> max_new_tokens;  // per word
  // Per word: where speculative decoding drafts from (empty: no drafts).
  std::vector<std::span<const DraftBigram>> drafts;

  int size() const { return static_cast<int>(offsets.size()) - 1; }
  void add(std::span<const int32_t> ids, int32_t max_new, std::span<const DraftBigram> draft = {}) {
    tokens.insert(tokens.end(), ids.begin(), ids.end());
    offsets.push_back(static_cast<int32_t>(tokens.size()));
    max_new_tokens.push_back(max_new);
    drafts.push_back(draft);
  }
};

// The feed-forward block on `rows` rows of x: x += wo(act(wi(norm(x)))).
void run_feed_forward(const T5Model& model, const FeedForwardWeights& f, float* x, int64_t rows,
                      Workspace& ws);

// Encoder output for the whole batch: [rows, d_model] in ws.enc_out.
void encode(const T5Model& model, const TokenBatch& batch, Workspace& ws);

// Hook for parity tests that compare logits: called with the logits that
// chose each generated token (EOS included), for each word in position
// order. Logits of rejected drafts are never reported.
struct StepObserver {
  virtual ~StepObserver() = default;
  virtual void on_logits(int word, int position, const float* logits, int vocab) = 0;
};

// Greedy decoding from decoder_start_token_id until EOS or the word's
// max_new_tokens. Returns the generated ids per word, EOS excluded. A
// word's result does not depend on the other words of the batch.
//
// Speculative: while few words are left, a word's next tokens are drafted
// from its table and the model checks them in the same pass as the token
// they follow; a drafted token counts only where it equals the model's own
// greedy choice. Every row of a pass is computed exactly as if decoded
// alone (row-independent kernels), so outputs and logits are bit-identical
// to plain greedy decoding; only the number of passes changes.
std::vector<std::vector<int32_t>> greedy_decode(const T5Model& model, const TokenBatch& batch,
                                                Workspace& ws, StepObserver* observer = nullptr);

}  // namespace charsiug2p::detail
