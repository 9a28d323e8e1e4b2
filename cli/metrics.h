// CharsiuG2P's scoring: phone error rate as corpus-level code-point edit
// distance over reference length, word error rate as the share of words
// not matched exactly.
#pragma once

#include <cstddef>
#include <string_view>

namespace charsiug2p::cli {

// Levenshtein distance between the Unicode code points of a and b (bytes
// that are not valid UTF-8 count as one symbol each).
size_t code_point_edit_distance(std::string_view a, std::string_view b);
size_t code_point_length(std::string_view s);

struct ErrorCounts {
  size_t words = 0;
  size_t wrong_words = 0;
  size_t edits = 0;
  size_t reference_length = 0;

  void add(std::string_view prediction, std::string_view reference);
  double per() const { return reference_length ? double(edits) / double(reference_length) : 0.0; }
  double wer() const { return words ? double(wrong_words) / double(words) : 0.0; }
};

}  // namespace charsiug2p::cli
