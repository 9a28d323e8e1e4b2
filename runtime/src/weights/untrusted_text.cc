#include "untrusted_text.h"

#include <cstdint>

#include "chrt/runtime.h"

namespace chrt::detail {

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const int32_t n = chrt_utf8_sequence(s.data() + i, s.size() - i);
    if (n <= 0) return false;
    i += static_cast<size_t>(n);
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
