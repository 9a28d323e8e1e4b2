// Drafts for speculative decoding: per language, the most likely next output
// token after each output token, counted over the training pronunciations
// (tools/drafter/make_draft_table.py). The decoder checks every drafted
// token against the model, so a draft only ever changes speed, never an
// output, and the table suits any CharsiuG2P model.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace charsiug2p::detail {

struct DraftBigram {
  uint16_t prev, next;  // model tokens (byte + 3; 0 = start, 1 = EOS)
};

// The bigrams of `lang`, sorted by prev; empty for a language without any.
// Static data: thread-safe, never fails.
std::span<const DraftBigram> draft_bigrams(std::string_view lang);

// The drafted token after `prev`, or -1 when the table has none.
int32_t draft_next(std::span<const DraftBigram> bigrams, int32_t prev);

}  // namespace charsiug2p::detail
