// Bounds-checked little-endian reads over untrusted bytes, shared by the ZIP
// reader and the pickle VM. Every read either succeeds entirely inside the
// span or throws FormatError naming the file and the offset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "common/errors.h"

namespace chrt::detail {

// Unchecked: callers have already verified that n bytes are present.
inline uint64_t load_le(const std::byte* p, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

class ByteCursor {
 public:
  // `what` names the structure being read ("central directory", "data.pkl")
  // so that a truncation error says where it happened.
  ByteCursor(std::span<const std::byte> bytes, const std::string& label, std::string_view what)
      : bytes_(bytes), label_(label), what_(what) {}

  uint64_t offset() const { return pos_; }
  uint64_t remaining() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }

  uint8_t u8() { return static_cast<uint8_t>(take(1)[0]); }
  uint16_t u16() { return static_cast<uint16_t>(load_le(take(2), 2)); }
  uint32_t u32() { return static_cast<uint32_t>(load_le(take(4), 4)); }
  uint64_t u64() { return load_le(take(8), 8); }

  // Returns a view of the next n bytes and advances past them.
  std::span<const std::byte> bytes(uint64_t n) { return {take(n), static_cast<size_t>(n)}; }
  std::string_view chars(uint64_t n) {
    return {reinterpret_cast<const char*>(take(n)), static_cast<size_t>(n)};
  }
  void skip(uint64_t n) { take(n); }
  // The bytes before the next `delim` (at most `max` of them); advances past
  // the delimiter.
  std::string_view line(char delim, uint64_t max) {
    const uint64_t limit = remaining() < max + 1 ? remaining() : max + 1;
    const char* p = reinterpret_cast<const char*>(bytes_.data() + pos_);
    const void* hit = limit == 0 ? nullptr : std::memchr(p, delim, static_cast<size_t>(limit));
    if (hit == nullptr) fail("unterminated line");
    const auto n = static_cast<uint64_t>(static_cast<const char*>(hit) - p);
    pos_ += n + 1;
    return {p, static_cast<size_t>(n)};
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw FormatError(label_ + ": " + std::string(what_) + " at offset " + std::to_string(pos_) +
                      ": " + problem);
  }

 private:
  const std::byte* take(uint64_t n) {
    if (n > remaining()) {
      fail("truncated (needs " + std::to_string(n) + " bytes, " + std::to_string(remaining()) +
           " left)");
    }
    const std::byte* p = bytes_.data() + pos_;
    pos_ += n;
    return p;
  }

  std::span<const std::byte> bytes_;
  std::string label_;
  std::string_view what_;
  uint64_t pos_ = 0;
};

}  // namespace chrt::detail
