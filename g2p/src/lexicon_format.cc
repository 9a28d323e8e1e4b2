#include "lexicon_format.h"

#include <algorithm>

namespace charsiug2p::detail::lexfmt {

namespace {

constexpr uint64_t kP1 = 0x9E3779B97F4A7C15ull, kP2 = 0xC2B2AE3D27D4EB4Full;

uint64_t step(uint64_t h, uint64_t w) {
  h ^= w * kP1;
  h = (h << 31) | (h >> 33);
  return h * kP2;
}

}  // namespace

uint64_t checksum(const unsigned char* data, size_t size) {
  uint64_t h = 0x27D4EB2F165667C5ull;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) h = step(h, i == kOffChecksum ? 0 : load64(data + i));
  if (i < size) {
    unsigned char tail[8] = {};
    std::copy(data + i, data + size, tail);
    h = step(h, load64(tail));
  }
  h = step(h, size);
  return h ^ (h >> 29);
}

}  // namespace charsiug2p::detail::lexfmt
