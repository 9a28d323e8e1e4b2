// Weight files that must load: safetensors and real torch.save output,
// through the C API.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "chrt/runtime.h"
#include "weights_test_util.h"

namespace {

using chrt_test::fixture;
using chrt_test::pattern;

struct Weights {
  chrt_weights* w = nullptr;
  explicit Weights(const std::string& name) {
    const int rc = chrt_weights_open(fixture(name).c_str(), &w);
    EXPECT_EQ(rc, CHRT_OK) << name << ": " << chrt_last_error();
  }
  ~Weights() { chrt_weights_free(w); }
  chrt_tensor_info get(const char* name) const {
    chrt_tensor_info t{};
    EXPECT_EQ(chrt_weights_find(w, name, &t), CHRT_OK) << name << ": " << chrt_last_error();
    return t;
  }
};

std::vector<int64_t> shape_of(const chrt_tensor_info& t) {
  return std::vector<int64_t>(t.shape, t.shape + t.ndim);
}

std::vector<float> floats(const chrt_tensor_info& t) {
  uint64_t n = 1;
  for (int d = 0; d < t.ndim; ++d) n *= static_cast<uint64_t>(t.shape[d]);
  std::vector<float> out(n);
  EXPECT_EQ(chrt_tensor_to_f32(&t, out.data(), n), CHRT_OK) << t.name << ": " << chrt_last_error();
  return out;
}

std::vector<float> pattern_values(int64_t n, int64_t start = 0) {
  std::vector<float> v;
  for (int64_t i = 0; i < n; ++i) v.push_back(pattern(start + i));
  return v;
}

template <class T>
std::vector<T> ints(const chrt_tensor_info& t) {
  std::vector<T> v(t.nbytes / sizeof(T));
  std::memcpy(v.data(), t.data, t.nbytes);
  return v;
}

void expect_aligned(const chrt_weights* w) {
  for (uint64_t i = 0; i < chrt_weights_count(w); ++i) {
    chrt_tensor_info t{};
    ASSERT_EQ(chrt_weights_get(w, i, &t), CHRT_OK);
    ASSERT_NE(t.data, nullptr) << t.name;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(t.data) % chrt_dtype_size(t.dtype), 0u) << t.name;
    if (i > 0) {
      chrt_tensor_info prev{};
      ASSERT_EQ(chrt_weights_get(w, i - 1, &prev), CHRT_OK);
      EXPECT_LT(std::string(prev.name), std::string(t.name)) << "not sorted";
    }
  }
}

class SafetensorsFloat : public ::testing::TestWithParam<std::pair<const char*, chrt_dtype>> {};

TEST_P(SafetensorsFloat, RoundTrip) {
  const auto [tag, dtype] = GetParam();
  Weights f(std::string("st_") + tag + ".safetensors");
  ASSERT_NE(f.w, nullptr);
  EXPECT_STREQ(chrt_weights_format(f.w), "safetensors");
  EXPECT_EQ(chrt_weights_count(f.w), 4u);
  expect_aligned(f.w);

  const auto m = f.get("matrix");
  EXPECT_EQ(m.dtype, dtype);
  EXPECT_EQ(shape_of(m), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(m.nbytes, 6 * chrt_dtype_size(dtype));
  EXPECT_EQ(floats(m), pattern_values(6));
  EXPECT_EQ(floats(f.get("vector")), pattern_values(5));
  const auto s = f.get("scalar");
  EXPECT_EQ(s.ndim, 0);
  EXPECT_EQ(floats(s), pattern_values(1));
  const auto e = f.get("empty");
  EXPECT_EQ(shape_of(e), (std::vector<int64_t>{0, 4}));
  EXPECT_EQ(e.nbytes, 0u);
  EXPECT_NE(e.data, nullptr);
  EXPECT_TRUE(floats(e).empty());
}

INSTANTIATE_TEST_SUITE_P(Dtypes, SafetensorsFloat,
                         ::testing::Values(std::pair{"f32", CHRT_DTYPE_F32},
                                           std::pair{"f16", CHRT_DTYPE_F16},
                                           std::pair{"bf16", CHRT_DTYPE_BF16},
                                           std::pair{"f64", CHRT_DTYPE_F64}));

TEST(Safetensors, AllDtypes) {
  Weights f("st_mixed.safetensors");
  EXPECT_EQ(chrt_weights_count(f.w), 10u);
  expect_aligned(f.w);
  EXPECT_EQ(ints<int64_t>(f.get("t_i64")), (std::vector<int64_t>{-2, -1, -1}));  // trunc toward 0
  EXPECT_EQ(ints<int32_t>(f.get("t_i32")), (std::vector<int32_t>{-2, -1, -1}));
  EXPECT_EQ(ints<uint8_t>(f.get("t_bool")), (std::vector<uint8_t>{1, 1, 1}));
  EXPECT_EQ(f.get("t_u8").dtype, CHRT_DTYPE_U8);
  EXPECT_EQ(f.get("t_i8").dtype, CHRT_DTYPE_I8);
  EXPECT_EQ(f.get("t_i16").dtype, CHRT_DTYPE_I16);
}

TEST(Safetensors, MisalignedDataIsCopiedAligned) {
  Weights f("st_unaligned.safetensors");
  expect_aligned(f.w);
  EXPECT_EQ(floats(f.get("w")), pattern_values(6));
}

// Every archive variant of the same state dict: real torch.save output
// (protocol 2 and 4), ZIP64 records with a comment, unaligned storages, and
// an explicit little-endian byteorder entry.
class TorchDtypes : public ::testing::TestWithParam<const char*> {};

TEST_P(TorchDtypes, Load) {
  Weights f(GetParam());
  ASSERT_NE(f.w, nullptr);
  EXPECT_STREQ(chrt_weights_format(f.w), "pytorch");
  EXPECT_EQ(chrt_weights_count(f.w), 13u);
  expect_aligned(f.w);
  EXPECT_EQ(floats(f.get("f32")), pattern_values(6));
  EXPECT_EQ(shape_of(f.get("f32")), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(f.get("f16").dtype, CHRT_DTYPE_F16);
  EXPECT_EQ(floats(f.get("f16")), pattern_values(4));
  EXPECT_EQ(f.get("bf16").dtype, CHRT_DTYPE_BF16);
  EXPECT_EQ(floats(f.get("bf16")), pattern_values(4));
  EXPECT_EQ(f.get("f64").dtype, CHRT_DTYPE_F64);
  EXPECT_EQ(floats(f.get("f64")), pattern_values(3));
  EXPECT_EQ(ints<int64_t>(f.get("i64")), (std::vector<int64_t>{-1, 0, int64_t{1} << 40}));
  EXPECT_EQ(ints<int32_t>(f.get("i32")), (std::vector<int32_t>{-5, 7}));
  EXPECT_EQ(ints<int16_t>(f.get("i16")), (std::vector<int16_t>{-300, 300}));
  EXPECT_EQ(ints<int8_t>(f.get("i8")), (std::vector<int8_t>{-128, 127}));
  EXPECT_EQ(ints<uint8_t>(f.get("u8")), (std::vector<uint8_t>{0, 255}));
  EXPECT_EQ(ints<uint8_t>(f.get("bool")), (std::vector<uint8_t>{1, 0, 1}));
  EXPECT_EQ(f.get("bool").dtype, CHRT_DTYPE_BOOL);
  EXPECT_EQ(f.get("scalar").ndim, 0);
  EXPECT_EQ(floats(f.get("scalar")), std::vector<float>{3.5f});
  EXPECT_EQ(shape_of(f.get("empty")), (std::vector<int64_t>{0, 3}));
  EXPECT_EQ(floats(f.get("param")), pattern_values(3));  // nn.Parameter
}

INSTANTIATE_TEST_SUITE_P(Archives, TorchDtypes,
                         ::testing::Values("torch_dtypes.pt", "torch_dtypes_proto4.pt",
                                           "zip64_comment.pt", "zip_unaligned.pt",
                                           "zip_little_endian.pt"));

TEST(Torch, TiedEmbeddingsShareOneStorage) {
  Weights f("torch_tied.pt");
  EXPECT_EQ(chrt_weights_count(f.w), 4u);
  const auto shared = f.get("shared.weight");
  const auto enc = f.get("encoder.embed_tokens.weight");
  const auto dec = f.get("decoder.embed_tokens.weight");
  EXPECT_EQ(shape_of(shared), (std::vector<int64_t>{5, 4}));
  EXPECT_EQ(floats(shared), pattern_values(20));
  // Zero copy: all three names view the same bytes of the mapping.
  EXPECT_EQ(shared.data, enc.data);
  EXPECT_EQ(shared.data, dec.data);
  auto head = floats(f.get("lm_head.weight"));
  for (auto& v : head) v -= 1;
  EXPECT_EQ(head, pattern_values(20));
}

TEST(Torch, ViewsOffsetsAndStrides) {
  Weights f("torch_views.pt");
  expect_aligned(f.w);
  const auto base = f.get("base");
  EXPECT_EQ(floats(base), pattern_values(12));
  // Contiguous view with a storage offset: points into the same storage.
  const auto row = f.get("row");
  EXPECT_EQ(floats(row), pattern_values(4, 4));
  EXPECT_EQ(static_cast<const float*>(row.data), static_cast<const float*>(base.data) + 4);

  const auto t = f.get("t");  // transposed: materialized row-major
  EXPECT_EQ(shape_of(t), (std::vector<int64_t>{4, 3}));
  std::vector<float> want;
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 3; ++r) want.push_back(pattern(r * 4 + c));
  EXPECT_EQ(floats(t), want);

  EXPECT_EQ(floats(f.get("col")), (std::vector<float>{pattern(2), pattern(6), pattern(10)}));
  EXPECT_EQ(floats(f.get("narrow")), (std::vector<float>{pattern(1), pattern(2), pattern(5),
                                                         pattern(6), pattern(9), pattern(10)}));
  EXPECT_EQ(floats(f.get("expand")), std::vector<float>(6, pattern(9)));

  const auto t16 = f.get("t16");
  EXPECT_EQ(t16.dtype, CHRT_DTYPE_F16);
  EXPECT_EQ(shape_of(t16), (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(floats(t16), (std::vector<float>{pattern(0), pattern(3), pattern(1), pattern(4),
                                             pattern(2), pattern(5)}));
}

TEST(WeightsApi, FileAndMemoryAgree) {
  const auto bytes = chrt_test::read_file(fixture("torch_views.pt"));
  chrt_weights* w = nullptr;
  ASSERT_EQ(chrt_weights_open_memory(bytes.data(), bytes.size(), &w), CHRT_OK) << chrt_last_error();
  Weights f("torch_views.pt");
  ASSERT_EQ(chrt_weights_count(w), chrt_weights_count(f.w));
  for (uint64_t i = 0; i < chrt_weights_count(w); ++i) {
    chrt_tensor_info a{}, b{};
    ASSERT_EQ(chrt_weights_get(w, i, &a), CHRT_OK);
    ASSERT_EQ(chrt_weights_get(f.w, i, &b), CHRT_OK);
    EXPECT_STREQ(a.name, b.name);
    ASSERT_EQ(a.nbytes, b.nbytes);
    EXPECT_EQ(std::memcmp(a.data, b.data, a.nbytes), 0) << a.name;
  }
  chrt_weights_free(w);
}

TEST(WeightsApi, LookupErrors) {
  Weights f("st_f32.safetensors");
  chrt_tensor_info t{};
  EXPECT_EQ(chrt_weights_find(f.w, "nope", &t), CHRT_ERR_NOT_FOUND);
  EXPECT_NE(std::string(chrt_last_error()).find("'nope'"), std::string::npos);
  EXPECT_NE(std::string(chrt_last_error()).find("st_f32.safetensors"), std::string::npos);
  EXPECT_EQ(chrt_weights_find(f.w, nullptr, &t), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_weights_find(nullptr, "matrix", &t), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_weights_get(f.w, 4, &t), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_weights_get(f.w, 0, nullptr), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_weights_count(nullptr), 0u);
  EXPECT_STREQ(chrt_weights_format(nullptr), "");
  chrt_weights_free(nullptr);
}

TEST(WeightsApi, OpenArgumentsAndIoErrors) {
  chrt_weights* w = reinterpret_cast<chrt_weights*>(&w);
  EXPECT_EQ(chrt_weights_open(nullptr, &w), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(w, nullptr);
  EXPECT_EQ(chrt_weights_open("x", nullptr), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_weights_open_memory(nullptr, 10, &w), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_weights_open_memory(nullptr, 0, &w), CHRT_ERR_FORMAT);

  const std::string missing = fixture("does_not_exist.safetensors");
  EXPECT_EQ(chrt_weights_open(missing.c_str(), &w), CHRT_ERR_IO);
  EXPECT_NE(std::string(chrt_last_error()).find(missing), std::string::npos);
  EXPECT_NE(std::string(chrt_last_error()).find("No such file"), std::string::npos);

  EXPECT_EQ(chrt_weights_open(CHRT_TEST_DATA_DIR, &w), CHRT_ERR_IO);
  EXPECT_NE(std::string(chrt_last_error()).find("directory"), std::string::npos);

  const std::string empty = testing::TempDir() + "chrt_empty_weights";
  { std::ofstream(empty, std::ios::binary).flush(); }
  EXPECT_EQ(chrt_weights_open(empty.c_str(), &w), CHRT_ERR_IO);
  EXPECT_NE(std::string(chrt_last_error()).find("empty"), std::string::npos);
  std::remove(empty.c_str());
  EXPECT_EQ(chrt_weights_open("/dev/null", &w), CHRT_ERR_IO);
  EXPECT_EQ(w, nullptr);

  // A FIFO with no writer must be refused, not waited on.
  const std::string fifo = testing::TempDir() + "chrt_weights_fifo";
  std::remove(fifo.c_str());
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(chrt_weights_open(fifo.c_str(), &w), CHRT_ERR_IO);
  EXPECT_NE(std::string(chrt_last_error()).find("not a regular file"), std::string::npos);
  std::remove(fifo.c_str());
}

}  // namespace
