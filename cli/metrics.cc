#include "metrics.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace charsiug2p::cli {

namespace {

std::vector<uint32_t> code_points(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    uint32_t cp = n == 1 ? b : b & (0x7F >> n);
    size_t k = 1;
    for (; k < n && i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (k < n) {  // truncated sequence: count the lone byte as a symbol
      out.push_back(0x110000u + b);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

}  // namespace

size_t code_point_length(std::string_view s) { return code_points(s).size(); }

size_t code_point_edit_distance(std::string_view a, std::string_view b) {
  const auto x = code_points(a), y = code_points(b);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

void ErrorCounts::add(std::string_view prediction, std::string_view reference) {
  ++words;
  wrong_words += prediction != reference;
  edits += code_point_edit_distance(prediction, reference);
  reference_length += code_point_length(reference);
}

}  // namespace charsiug2p::cli
