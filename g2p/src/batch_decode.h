// The model step of the pipeline: words already prefixed and tokenized,
// grouped by length into batches and decoded greedily on worker threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "draft_table.h"
#include "engine.h"
#include "t5_model.h"

namespace charsiug2p::detail {

struct DecodeItem {
  size_t index;  // into the call's outcomes
  std::vector<int32_t> ids;
  int32_t max_new;
  std::span<const DraftBigram> drafts;  // speculative decoding's table, may be empty
};

// Sorts items by length, decodes them batch_size at a time on up to
// num_threads threads and sets out[item.index].text (the model's IPA) or,
// when a batch fails (out of memory...), that batch's words' errors.
void decode_items(const T5Model& model, std::vector<DecodeItem>& items, int batch_size,
                  int num_threads, std::vector<WordOutcome>& out);

}  // namespace charsiug2p::detail
