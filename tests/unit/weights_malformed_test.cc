// Weight files that must be refused with a typed error naming the file and
// the problem, and must never crash: broken fixtures, every truncation of
// small good files, and single-byte corruptions.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "weights_test_util.h"

namespace {

using chrt_test::fixture;
using chrt_test::parse_copy;
using chrt_test::read_file;

struct Broken {
  const char* file;
  int status;
  const char* message;  // substring the error must contain
};

class BrokenFixture : public ::testing::TestWithParam<Broken> {};

TEST_P(BrokenFixture, RefusedWithTypedError) {
  const Broken& b = GetParam();
  const auto bytes = read_file(fixture(b.file));
  const auto out = parse_copy(bytes, b.file);
  EXPECT_EQ(out.status, b.status) << out.message;
  EXPECT_EQ(out.message.rfind(b.file, 0), 0u)
      << "message must start with the label: " << out.message;
  EXPECT_NE(out.message.find(b.message), std::string::npos) << out.message;

  // Same through the C API and a real path.
  chrt_weights* w = nullptr;
  EXPECT_EQ(chrt_weights_open(fixture(b.file).c_str(), &w), b.status);
  EXPECT_EQ(w, nullptr);
  EXPECT_NE(std::string(chrt_last_error()).find(b.message), std::string::npos);
}

constexpr int kFormat = CHRT_ERR_FORMAT;
constexpr int kUnsupported = CHRT_ERR_UNSUPPORTED;

INSTANTIATE_TEST_SUITE_P(
    Files, BrokenFixture,
    ::testing::Values(
        Broken{"st_offsets_beyond.safetensors", kFormat, "outside the 16-byte data section"},
        Broken{"st_overlap.safetensors", kFormat, "'a' and 'b' overlap"},
        Broken{"st_huge_shape.safetensors", kFormat, "absurdly large"},
        Broken{"st_dim_overflow.safetensors", kFormat, "absurdly large"},
        Broken{"st_negative_dim.safetensors", kFormat, "negative"},
        Broken{"st_float_dim.safetensors", kFormat, "not an integer"},
        Broken{"st_unknown_dtype.safetensors", kFormat, "unknown dtype 'Q7'"},
        Broken{"st_unsupported_dtype.safetensors", kUnsupported, "F8_E4M3"},
        Broken{"st_size_mismatch.safetensors", kFormat, "16 bytes of data but"},
        Broken{"st_duplicate.safetensors", kFormat, "duplicate key 'x'"},
        Broken{"st_nul_name.safetensors", kFormat, "NUL"},
        Broken{"st_bad_utf8.safetensors", kFormat, "UTF-8"},
        Broken{"st_deep_json.safetensors", kFormat, "nested deeper"},
        Broken{"st_metadata_not_str.safetensors", kFormat, "__metadata__"},
        Broken{"st_not_object.safetensors", kFormat, "'x' is not an object"},
        Broken{"st_too_many_dims.safetensors", kUnsupported, "9 dimensions"},
        Broken{"st_trailing_garbage.safetensors", kFormat, "invalid JSON"},
        Broken{"st_header_too_long.safetensors", kFormat, "exceeds the file size"},
        Broken{"torch_legacy.pt", kUnsupported, "legacy PyTorch format; re-save with torch>=1.6"},
        Broken{"zip_deflated.pt", kUnsupported, "'archive/data.pkl' is compressed"},
        Broken{"zip_evil_global.pt", kUnsupported, "posix.system"},
        Broken{"zip_big_endian.pt", kUnsupported, "big-endian"},
        Broken{"zip_storage_short.pt", kFormat, "storage '0' declares 12 f32 elements"},
        Broken{"zip_no_data_pkl.pt", kFormat, "no 'archive/data.pkl'"},
        Broken{"zip_view_oob.pt", kFormat, "tensor 'x': view reaches element 4"},
        Broken{"zip_missing_storage.pt", kFormat, "'archive/data/7' is missing"},
        Broken{"zip_dtype_conflict.pt", kFormat, "declared twice"},
        Broken{"zip_broadcast_bomb.pt", kUnsupported, "bytes of copies"},
        Broken{"zip_duplicate_name.pt", kFormat, "duplicate tensor name 'x'"}),
    [](const auto& info) {
      std::string name = info.param.file;
      for (char& c : name) {
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(Malformed, NotAWeightFile) {
  const auto out = parse_copy(chrt_test::to_bytes("hello, world"), "greeting");
  EXPECT_EQ(out.status, CHRT_ERR_FORMAT);
  EXPECT_EQ(out.message, "greeting: not a safetensors or PyTorch file");
}

// Every strict prefix of a good file: the truncated copy is exactly sized,
// so ASan catches any read past the cut.
class Truncation : public ::testing::TestWithParam<const char*> {};

TEST_P(Truncation, EveryPrefixIsAFormatError) {
  const auto bytes = read_file(fixture(GetParam()));
  ASSERT_FALSE(bytes.empty());
  for (size_t n = 0; n < bytes.size(); ++n) {
    const auto out = parse_copy(bytes.data(), n, "cut");
    ASSERT_EQ(out.status, CHRT_ERR_FORMAT) << GetParam() << " cut at " << n << ": " << out.message;
    ASSERT_EQ(out.message.rfind("cut: ", 0), 0u) << out.message;
  }
  EXPECT_EQ(parse_copy(bytes, "whole").status, CHRT_OK);
}

INSTANTIATE_TEST_SUITE_P(Files, Truncation,
                         ::testing::Values("st_f16.safetensors", "st_mixed.safetensors",
                                           "torch_views.pt", "torch_tied.pt",
                                           "torch_dtypes_proto4.pt", "zip64_comment.pt"));

// Flipping bits anywhere must give a typed error or a file whose every
// tensor can be read in full.
class Corruption : public ::testing::TestWithParam<const char*> {};

TEST_P(Corruption, EveryByteFlipped) {
  const auto good = read_file(fixture(GetParam()));
  int refused = 0;
  for (size_t i = 0; i < good.size(); ++i) {
    for (uint8_t mask : {0x01, 0x80, 0xFF}) {
      auto bytes = good;
      bytes[i] ^= std::byte{mask};
      const auto out = parse_copy(bytes, "flip");
      if (out.file) {
        chrt_test::touch_all(*out.file);
        for (const auto& t : out.file->tensors()) {
          ASSERT_EQ(reinterpret_cast<uintptr_t>(t.data) % chrt_dtype_size(t.dtype), 0u);
        }
      } else {
        ASSERT_EQ(out.message.rfind("flip: ", 0), 0u) << out.message;
        ++refused;
      }
    }
  }
  EXPECT_GT(refused, 0);
}

INSTANTIATE_TEST_SUITE_P(Files, Corruption,
                         ::testing::Values("st_mixed.safetensors", "torch_views.pt",
                                           "torch_tied.pt"));

// Lies patched into the ZIP end records of a real torch file.
std::vector<std::byte> with_u32(std::vector<std::byte> b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = std::byte(static_cast<uint8_t>(v >> (8 * i)));
  return b;
}
std::vector<std::byte> with_u64(std::vector<std::byte> b, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) b[at + i] = std::byte(static_cast<uint8_t>(v >> (8 * i)));
  return b;
}

TEST(Malformed, LyingZipDirectories) {
  const auto good = read_file(fixture("torch_views.pt"));
  // torch writes: ... ZIP64 end record (56) | locator (20) | end record (22)
  const size_t end = good.size() - 22, locator = end - 20, zip64 = locator - 56;
  ASSERT_EQ(static_cast<uint8_t>(good[zip64]), 0x50);
  ASSERT_EQ(static_cast<uint8_t>(good[zip64 + 3]), 0x06);

  auto expect = [](const std::vector<std::byte>& b, int status, const char* what) {
    const auto out = parse_copy(b, "lie");
    EXPECT_EQ(out.status, status) << out.message;
    EXPECT_NE(out.message.find(what), std::string::npos) << out.message;
  };
  expect(with_u64(good, locator + 8, good.size()), kFormat, "ZIP64 end record at offset");
  expect(with_u64(good, locator + 8, ~uint64_t{0}), kFormat, "ZIP64 end record at offset");
  expect(with_u64(with_u64(good, zip64 + 24, uint64_t{1} << 40), zip64 + 32, uint64_t{1} << 40),
         kFormat, "claims");                                                          // entry count
  expect(with_u64(good, zip64 + 40, ~uint64_t{0} - 3), kFormat, "outside the file");  // dir size
  expect(with_u64(good, zip64 + 48, ~uint64_t{0}), kFormat, "outside the file");      // dir offset
  expect(with_u32(good, zip64 + 16, 1), kUnsupported, "multi-disk");
  expect(with_u32(good, end, 0), kFormat, "no end of central directory");

  // Lies in the first central directory entry (data.pkl's).
  uint64_t dir_offset = 0;
  for (int i = 0; i < 8; ++i) dir_offset |= uint64_t(uint8_t(good[zip64 + 48 + i])) << (8 * i);
  expect(with_u32(good, dir_offset + 42, 0x7FFFFFF0), kFormat, "local header of");
  expect(with_u32(good, dir_offset + 20, 0x7FFFFFF0), kFormat, "outside the file");  // size
  expect(with_u32(good, dir_offset + 24, 0x7FFFFFF0), kFormat, "different compressed and plain");
}

}  // namespace
