// chrt_file_map: the runtime's read-only file mapping offered to model
// libraries (lexicons); bad paths fail with CHRT_ERR_IO naming the path.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "chrt/runtime.hpp"

namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
  fs::path d = fs::temp_directory_path() / ("chrt_file_test_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

TEST(MappedFile, MapsTheBytesOfARegularFile) {
  const fs::path p = temp_dir() / "data.bin";
  const std::string bytes("mapped\0bytes", 12);
  std::ofstream(p, std::ios::binary) << bytes;
  chrt_file* f = nullptr;
  ASSERT_EQ(chrt_file_map(p.c_str(), &f), CHRT_OK) << chrt_last_error();
  chrt::File owner(f);
  ASSERT_EQ(chrt_file_size(f), bytes.size());
  EXPECT_EQ(std::memcmp(chrt_file_data(f), bytes.data(), bytes.size()), 0);
  fs::remove_all(p.parent_path());
}

TEST(MappedFile, BadPathsAreIoErrorsNamingThePath) {
  const fs::path dir = temp_dir();
  const fs::path empty = dir / "empty.bin";
  std::ofstream(empty).close();
  for (const fs::path& p : {dir / "missing.bin", empty, dir}) {
    chrt_file* f = reinterpret_cast<chrt_file*>(1);
    EXPECT_EQ(chrt_file_map(p.c_str(), &f), CHRT_ERR_IO) << p;
    EXPECT_EQ(f, nullptr);
    EXPECT_NE(std::string(chrt_last_error()).find(p.string()), std::string::npos);
  }
  EXPECT_EQ(chrt_file_map(nullptr, nullptr), CHRT_ERR_INVALID_ARGUMENT);
  chrt_file* f = nullptr;
  EXPECT_EQ(chrt_file_map(nullptr, &f), CHRT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(chrt_file_data(nullptr), nullptr);
  EXPECT_EQ(chrt_file_size(nullptr), 0u);
  chrt_file_free(nullptr);
  fs::remove_all(dir);
}

}  // namespace
