// Overflow-checked size arithmetic for parsers: every length, offset and
// element count read from a file goes through these before it is used.
#pragma once

#include <cstdint>

namespace chrt::detail {

// Each returns false (leaving *out unspecified) when the exact result does
// not fit, so a lying header can never wrap a size into a small number.
inline bool checked_add(uint64_t a, uint64_t b, uint64_t* out) {
  return !__builtin_add_overflow(a, b, out);
}
inline bool checked_mul(uint64_t a, uint64_t b, uint64_t* out) {
  return !__builtin_mul_overflow(a, b, out);
}

// [begin, begin + length) lies inside [0, limit).
inline bool range_within(uint64_t begin, uint64_t length, uint64_t limit) {
  return begin <= limit && length <= limit - begin;
}

}  // namespace chrt::detail
