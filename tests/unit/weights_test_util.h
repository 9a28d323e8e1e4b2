// Helpers shared by the weights_*_test.cc files.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "chrt/runtime.h"
#include "common/errors.h"
#include "weights/weight_file.h"

#ifndef CHRT_TEST_DATA_DIR
#error "CHRT_TEST_DATA_DIR must point at tests/data"
#endif

namespace chrt_test {

inline std::string fixture(const std::string& name) {
  return std::string(CHRT_TEST_DATA_DIR) + "/weights/" + name;
}

inline std::vector<std::byte> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::byte> out(chars.size());
  if (!chars.empty()) std::memcpy(out.data(), chars.data(), chars.size());
  return out;
}

inline std::vector<std::byte> to_bytes(const std::string& s) {
  std::vector<std::byte> out(s.size());
  if (!s.empty()) std::memcpy(out.data(), s.data(), s.size());
  return out;
}

// The value every float fixture tensor holds at flat index i of the tensor it
// was cut from (see tests/data/make_weight_fixtures.py).
inline float pattern(int64_t i) { return static_cast<float>(i % 17) * 0.25f - 2.0f; }

// Outcome of parsing `bytes` from an exactly sized heap copy, so that ASan
// flags any read past the end.
struct Outcome {
  int status = CHRT_OK;  // chrt_status of the exception, CHRT_OK if none
  std::string message;
  std::unique_ptr<std::byte[]> buffer;  // declared before `file`: outlives it
  std::unique_ptr<chrt::detail::WeightFile> file;
};

inline Outcome parse_copy(const std::byte* data, size_t size, const std::string& label) {
  Outcome out;
  out.buffer.reset(new std::byte[size == 0 ? 1 : size]);
  if (size != 0) std::memcpy(out.buffer.get(), data, size);
  try {
    out.file = chrt::detail::WeightFile::from_memory(out.buffer.get(), size, label);
  } catch (const chrt::detail::Error& e) {
    out.status = e.status();
    out.message = e.what();
  }
  return out;
}

inline Outcome parse_copy(const std::vector<std::byte>& bytes, const std::string& label) {
  return parse_copy(bytes.data(), bytes.size(), label);
}

// Reads every byte of every tensor and converts the float ones, so that a
// bad pointer or length shows up under ASan.
inline uint64_t touch_all(const chrt::detail::WeightFile& file) {
  uint64_t sum = 0;
  for (const auto& t : file.tensors()) {
    for (uint64_t i = 0; i < t.nbytes; ++i) sum += static_cast<uint8_t>(t.data[i]);
  }
  return sum;
}

}  // namespace chrt_test
