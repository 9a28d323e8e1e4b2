#include "utf8_spans.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace charsiug2p::text::detail {

std::vector<ByteSpan> split_utf8(std::string_view bytes) {
  std::vector<ByteSpan> spans;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    const bool valid = c >= 0;
    if (!spans.empty() && spans.back().valid == valid && spans.back().end == size_t(start)) {
      spans.back().end = size_t(i);
    } else {
      spans.push_back({size_t(start), size_t(i), valid});
    }
  }
  return spans;
}

char32_t next_code_point(std::string_view s, size_t& pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  pos = size_t(i);
  return c < 0 ? 0xFFFD : char32_t(c);
}

bool has_letter(std::string_view s) {
  for (size_t pos = 0; pos < s.size();)
    if (u_isalpha(UChar32(next_code_point(s, pos)))) return true;
  return false;
}

}  // namespace charsiug2p::text::detail
