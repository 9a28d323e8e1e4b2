#include "tokenizer.h"

#include "chrt/runtime.h"

namespace charsiug2p::detail {

namespace {

int utf8_sequence(std::string_view s, size_t i) {
  return chrt_utf8_sequence(s.data() + i, s.size() - i);
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
