#include "tokenizer.h"

namespace charsiug2p::detail {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or -(number of bytes
// forming the maximal invalid subpart) as Python's decoder skips them.
int utf8_sequence(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    return -1;
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return -k;
    const auto b = static_cast<unsigned char>(s[i + k]);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return -k;
  }
  return need + 1;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const int n = utf8_sequence(s, i);
    if (n < 0) return false;
    i += n;
  }
  return true;
}

std::string drop_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const int n = utf8_sequence(s, i);
    if (n > 0) out.append(s.substr(i, n));
    i += n > 0 ? n : -n;
  }
  return out;
}

std::string prefixed_input(std::string_view lang, std::string_view word, bool space_after_colon) {
  std::string s;
  s.reserve(lang.size() + word.size() + 4);
  s += '<';
  s += lang;
  s += space_after_colon ? ">: " : ">:";
  s += word;
  return s;
}

std::vector<int32_t> encode_bytes(std::string_view text) {
  std::vector<int32_t> ids;
  ids.reserve(text.size());
  for (char ch : text) ids.push_back(static_cast<unsigned char>(ch) + kByteOffset);
  return ids;
}

std::string decode_ids(std::span<const int32_t> ids) {
  std::string bytes;
  bytes.reserve(ids.size());
  for (int32_t id : ids)
    if (id >= kByteOffset && id < kByteOffset + 256) bytes += static_cast<char>(id - kByteOffset);
  return drop_invalid_utf8(bytes);
}

}  // namespace charsiug2p::detail
