#include "untrusted_text.h"

#include <cstdint>

namespace chrt::detail {

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;
    for (size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::string printable(std::string_view s, size_t max) {
  static const char kHex[] = "0123456789abcdef";
  const std::string_view head = s.substr(0, max);
  const bool utf8 = valid_utf8(head);  // a cut may split a character: then escape
  std::string out;
  out.reserve(head.size() + 8);
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 0x20 && c < 0x7F && c != '\\') || (c >= 0x80 && utf8)) {
      out += ch;
    } else {
      out += '\\';
      out += 'x';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

std::string in_quotes(std::string_view s) {
  std::string out;
  out += '\'';
  out += printable(s);
  out += '\'';
  return out;
}

}  // namespace chrt::detail
