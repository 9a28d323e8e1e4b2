// Exact widening of IEEE binary16 and bfloat16 to float32.
#pragma once

#include <bit>
#include <cstdint>

namespace chrt::detail {

// Every half value, subnormals, infinities and NaN payloads included, is
// exactly representable as a float, so this is a pure bit rearrangement.
constexpr float f16_to_f32(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  const uint32_t exp = (h >> 10) & 0x1F;
  uint32_t mant = h & 0x3FF;
  if (exp == 0x1F) return std::bit_cast<float>(sign | 0x7F800000u | (mant << 13));  // inf, NaN
  if (exp == 0) {
    if (mant == 0) return std::bit_cast<float>(sign);  // signed zero
    // Subnormal: shift the leading 1 up to the implicit-bit position,
    // lowering the exponent once per shift (from 2^-14, the subnormal scale).
    int32_t e = 1;
    while ((mant & 0x400) == 0) {
      mant <<= 1;
      --e;
    }
    mant &= 0x3FF;
    return std::bit_cast<float>(sign | (static_cast<uint32_t>(e + 112) << 23) | (mant << 13));
  }
  return std::bit_cast<float>(sign | ((exp + 112) << 23) | (mant << 13));
}

// bfloat16 is the top half of a float.
constexpr float bf16_to_f32(uint16_t b) {
  return std::bit_cast<float>(static_cast<uint32_t>(b) << 16);
}

}  // namespace chrt::detail
