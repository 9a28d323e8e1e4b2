// chrt_tensor_to_f32 and the dtype helpers.
#include <gtest/gtest.h>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "chrt/runtime.h"

namespace {

chrt_tensor_info info(int32_t dtype, const void* data, int64_t n) {
  chrt_tensor_info t{};
  t.name = "t";
  t.dtype = dtype;
  t.ndim = 1;
  t.shape[0] = n;
  t.data = data;
  t.nbytes = static_cast<uint64_t>(n) * chrt_dtype_size(dtype);
  return t;
}

// binary16 by its definition, independently of the bit-shuffling version.
float half_reference(uint16_t h) {
  const int sign = h >> 15, exp = (h >> 10) & 31, mant = h & 1023;
  float v;
  if (exp == 0) {
    v = std::ldexp(static_cast<float>(mant), -24);
  } else if (exp == 31) {
    v = mant == 0 ? std::numeric_limits<float>::infinity()
                  : std::numeric_limits<float>::quiet_NaN();
  } else {
    v = std::ldexp(static_cast<float>(1024 + mant), exp - 25);
  }
  return sign ? -v : v;
}

TEST(ToF32, EveryHalfValueExactly) {
  std::vector<uint16_t> all(65536);
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint16_t>(i);
  std::vector<float> out(all.size());
  const auto t = info(CHRT_DTYPE_F16, all.data(), 65536);
  ASSERT_EQ(chrt_tensor_to_f32(&t, out.data(), out.size()), CHRT_OK);
  for (uint32_t i = 0; i < all.size(); ++i) {
    const float want = half_reference(static_cast<uint16_t>(i));
    if (std::isnan(want)) {
      ASSERT_TRUE(std::isnan(out[i])) << i;
      // Payload and sign survive: the widening is a pure bit shuffle.
      const uint32_t bits = std::bit_cast<uint32_t>(out[i]);
      ASSERT_EQ(bits, ((i & 0x8000u) << 16) | 0x7F800000u | ((i & 0x3FFu) << 13)) << i;
    } else {
      ASSERT_EQ(std::bit_cast<uint32_t>(out[i]), std::bit_cast<uint32_t>(want)) << i;
    }
  }
  EXPECT_EQ(out[0x0001], std::ldexp(1.0f, -24));     // smallest subnormal
  EXPECT_EQ(out[0x03FF], std::ldexp(1023.0f, -24));  // largest subnormal
  EXPECT_EQ(out[0x7BFF], 65504.0f);
  EXPECT_EQ(out[0xFC00], -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::signbit(out[0x8000]));
}

TEST(ToF32, Bf16AndF64) {
  const uint16_t bf[] = {0x3F80, 0xC020, 0x7F80, 0x0001};
  float out[4];
  auto t = info(CHRT_DTYPE_BF16, bf, 4);
  ASSERT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_OK);
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[1], -2.5f);
  EXPECT_EQ(out[2], std::numeric_limits<float>::infinity());
  EXPECT_EQ(std::bit_cast<uint32_t>(out[3]), 0x00010000u);

  const double d[] = {0.1,
                      -1e300,
                      0x1.fffffefp127,
                      0x1.ffffffp127,
                      1e-300,
                      1e-45,
                      std::numeric_limits<double>::quiet_NaN(),
                      -0x1.fffffe8p127};
  float f[8];
  t = info(CHRT_DTYPE_F64, d, 8);
  ASSERT_EQ(chrt_tensor_to_f32(&t, f, 8), CHRT_OK);
  EXPECT_EQ(f[0], 0.1f);
  EXPECT_EQ(f[1], -std::numeric_limits<float>::infinity());
  EXPECT_EQ(f[2], FLT_MAX);                                 // below the midpoint
  EXPECT_EQ(f[3], std::numeric_limits<float>::infinity());  // tie rounds to even: inf
  EXPECT_EQ(f[4], 0.0f);
  EXPECT_EQ(f[5], std::numeric_limits<float>::denorm_min());
  EXPECT_TRUE(std::isnan(f[6]));
  EXPECT_EQ(f[7], -FLT_MAX);

  const float same[] = {1.5f, -0.0f};
  t = info(CHRT_DTYPE_F32, same, 2);
  ASSERT_EQ(chrt_tensor_to_f32(&t, out, 2), CHRT_OK);
  EXPECT_EQ(std::memcmp(out, same, sizeof same), 0);
}

TEST(ToF32, Misuse) {
  const float x[4] = {};
  float out[4];
  auto t = info(CHRT_DTYPE_F32, x, 4);
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 3), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_tensor_to_f32(nullptr, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_tensor_to_f32(&t, nullptr, 4), CHRT_ERR_INVALID_ARGUMENT);
  t.nbytes = 12;
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  t = info(CHRT_DTYPE_I32, x, 4);
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(chrt_last_error()).find("i32"), std::string::npos);
  t = info(42, x, 4);
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  t = info(CHRT_DTYPE_F32, x, 4);
  t.ndim = 9;
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  t = info(CHRT_DTYPE_F32, x, 4);
  t.ndim = 3;
  t.shape[1] = int64_t{1} << 40;
  t.shape[2] = int64_t{1} << 40;
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  t.shape[1] = -1;
  EXPECT_EQ(chrt_tensor_to_f32(&t, out, 4), CHRT_ERR_INVALID_ARGUMENT);
  t = info(CHRT_DTYPE_F32, nullptr, 0);
  EXPECT_EQ(chrt_tensor_to_f32(&t, nullptr, 0), CHRT_OK);
}

TEST(Dtypes, SizesAndNames) {
  const struct {
    int32_t dtype;
    size_t size;
    const char* name;
  } table[] = {
      {CHRT_DTYPE_F32, 4, "f32"},   {CHRT_DTYPE_F16, 2, "f16"}, {CHRT_DTYPE_BF16, 2, "bf16"},
      {CHRT_DTYPE_F64, 8, "f64"},   {CHRT_DTYPE_I64, 8, "i64"}, {CHRT_DTYPE_I32, 4, "i32"},
      {CHRT_DTYPE_I16, 2, "i16"},   {CHRT_DTYPE_I8, 1, "i8"},   {CHRT_DTYPE_U8, 1, "u8"},
      {CHRT_DTYPE_BOOL, 1, "bool"}, {-1, 0, "unknown"},         {10, 0, "unknown"}};
  for (const auto& row : table) {
    EXPECT_EQ(chrt_dtype_size(row.dtype), row.size) << row.dtype;
    EXPECT_STREQ(chrt_dtype_name(row.dtype), row.name) << row.dtype;
  }
}

}  // namespace
