#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>

#include "text_error.h"

namespace charsiug2p::text::detail {

namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw TextError(CHARSIUG2P_TEXT_ERR_ICU, std::string(what) + ": " + u_errorName(status));
}

SegmentClass classify(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return SegmentClass::kNumber;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT) return SegmentClass::kWord;
  return SegmentClass::kOther;
}

// Closes the UText however the segmentation ends.
struct UTextCloser {
  UText* t;
  ~UTextCloser() { utext_close(t); }
};

}  // namespace

std::vector<Segment> segment_words(icu::BreakIterator& words, std::string_view s) {
  std::vector<Segment> out;
  if (s.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
  check(status, "utext_openUTF8");
  UTextCloser closer{text};
  words.setText(text, status);
  check(status, "BreakIterator::setText");
  int32_t begin = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; begin = end, end = words.next())
    out.push_back({size_t(begin), size_t(end), classify(words.getRuleStatus())});
  // Detach the iterator from text that is about to go away.
  icu::UnicodeString empty;
  words.setText(empty);
  return out;
}

}  // namespace charsiug2p::text::detail
