// Minimal ZIP reader for PyTorch archives (torch.save since 1.6): finds the
// central directory (ZIP64 included: torch always writes ZIP64 records) and
// the data of STORED entries, which point straight into the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chrt::detail {

struct ZipEntry {
  std::string name;
  uint16_t flags = 0;
  uint16_t method = 0;  // 0 = stored
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint64_t data_offset = 0;  // of the (possibly compressed) data in the file
};

class ZipReader {
 public:
  // Parses the directory and every local header. Throws FormatError for a
  // malformed or lying archive, UnsupportedError for multi-disk archives.
  ZipReader(std::span<const std::byte> file, std::string label);

  const std::vector<ZipEntry>& entries() const { return entries_; }  // directory order
  const ZipEntry* find(std::string_view name) const;
  // The bytes of a stored entry. Throws UnsupportedError naming the entry
  // if it is compressed or encrypted.
  std::span<const std::byte> data(const ZipEntry& entry) const;

 private:
  struct Directory {
    uint64_t entries, offset, size;
  };
  Directory find_directory() const;
  void read_directory(const Directory& dir);
  void locate_data(ZipEntry& entry, uint64_t local_header) const;
  [[noreturn]] void fail(const std::string& problem) const;

  std::span<const std::byte> file_;
  std::string label_;
  std::vector<ZipEntry> entries_;
  std::vector<size_t> by_name_;  // indices into entries_, sorted by name
};

}  // namespace chrt::detail
