// Word segmentation with an ICU word break iterator: dictionary-based for
// scripts without spaces (Thai, Lao, Khmer, Burmese, Chinese, Japanese),
// UAX #29 rules elsewhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

namespace charsiug2p::text::detail {

enum class SegmentClass { kOther, kNumber, kWord };

struct Segment {
  size_t begin = 0;  // byte offsets into the segmented text
  size_t end = 0;
  SegmentClass cls = SegmentClass::kOther;
};

// Segments valid UTF-8 `s` (at most INT32_MAX bytes) with `words`, a word
// instance owned by the caller and used by one thread at a time. Segments
// cover s exactly, in order. kWord / kNumber follow ICU's rule status
// (letters, kana, ideographs / numbers); everything else is kOther.
// Throws TextError(CHARSIUG2P_TEXT_ERR_ICU) if ICU fails.
std::vector<Segment> segment_words(icu::BreakIterator& words, std::string_view s);

}  // namespace charsiug2p::text::detail
