// The compiled lexicon file, version 1 (described for users in
// charsiug2p.h): a 64-byte header, 16-byte entries sorted by key, then the
// NUL-terminated strings. Integers are little-endian whatever the host.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace charsiug2p::detail::lexfmt {

inline constexpr char kMagic[8] = {'C', 'G', '2', 'P', 'L', 'E', 'X', '\0'};
inline constexpr uint32_t kVersion = 1;
inline constexpr size_t kHeaderSize = 64;
inline constexpr size_t kEntrySize = 16;

// Header field offsets.
inline constexpr size_t kOffVersion = 8, kOffHeaderSize = 12, kOffFileSize = 16, kOffCount = 24,
                        kOffFlags = 28, kOffEntries = 32, kOffStrings = 40, kOffStringsSize = 48,
                        kOffChecksum = 56;

inline uint32_t load32(const unsigned char* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
inline uint64_t load64(const unsigned char* p) {
  return uint64_t(load32(p)) | uint64_t(load32(p + 4)) << 32;
}
inline void store32(unsigned char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
inline void store64(unsigned char* p, uint64_t v) {
  store32(p, static_cast<uint32_t>(v));
  store32(p + 4, static_cast<uint32_t>(v >> 32));
}

// 64-bit checksum of a whole file image with its checksum field read as
// zero: h = rotl(h ^ (w * P1), 31) * P2 over little-endian 8-byte words
// (the tail zero-padded), then the size mixed in. Each step is a bijection
// of h, so any change confined to one word always changes the result.
uint64_t checksum(const unsigned char* data, size_t size);

}  // namespace charsiug2p::detail::lexfmt
