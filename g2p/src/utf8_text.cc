#include "utf8_text.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "chrt/runtime.h"

namespace charsiug2p::detail {

namespace {

struct CaseRun {
  char32_t first, last;
  int32_t delta, stride;
};

constexpr CaseRun kLowercase[] = {
#include "lowercase_table.inc"
};

}  // namespace

std::optional<std::u32string> to_code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const int32_t n = chrt_utf8_sequence(s.data() + i, s.size() - i);
    if (n <= 0) return std::nullopt;
    const auto b = [&](int k) {
      return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]));
    };
    char32_t c = n == 1 ? b(0) : n == 2 ? b(0) & 0x1F : n == 3 ? b(0) & 0x0F : b(0) & 0x07;
    for (int k = 1; k < n; ++k) c = (c << 6) | (b(k) & 0x3F);
    out.push_back(c);
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (const char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

char32_t simple_lowercase(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  // The last run starting at or before c.
  const auto* it = std::upper_bound(std::begin(kLowercase), std::end(kLowercase), c,
                                    [](char32_t v, const CaseRun& r) { return v < r.first; });
  if (it == std::begin(kLowercase)) return c;
  const CaseRun& r = *std::prev(it);
  if (c > r.last || (c - r.first) % static_cast<char32_t>(r.stride) != 0) return c;
  return static_cast<char32_t>(static_cast<int64_t>(c) + r.delta);
}

std::optional<std::string> lowercase_utf8(std::string_view s) {
  auto cps = to_code_points(s);
  if (!cps) return std::nullopt;
  for (char32_t& c : *cps) c = simple_lowercase(c);
  return to_utf8(*cps);
}

}  // namespace charsiug2p::detail
