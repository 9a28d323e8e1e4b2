#include "draft_table.h"

#include <algorithm>

namespace charsiug2p::detail {

namespace {

struct DraftLanguage {
  std::string_view code;
  uint16_t first, count;
};

#include "draft_table.inc"

}  // namespace

std::span<const DraftBigram> draft_bigrams(std::string_view lang) {
  const auto it =
      std::lower_bound(std::begin(kDraftLanguages), std::end(kDraftLanguages), lang,
                       [](const DraftLanguage& l, std::string_view c) { return l.code < c; });
  if (it == std::end(kDraftLanguages) || it->code != lang) return {};
  return std::span<const DraftBigram>(kDraftBigrams).subspan(it->first, it->count);
}

int32_t draft_next(std::span<const DraftBigram> bigrams, int32_t prev) {
  const auto it = std::lower_bound(bigrams.begin(), bigrams.end(), prev,
                                   [](const DraftBigram& b, int32_t p) { return b.prev < p; });
  return it != bigrams.end() && it->prev == prev ? it->next : -1;
}

}  // namespace charsiug2p::detail
