// Read-only bytes of a weight file: a private read-only mapping of a file, or
// a view of memory the caller keeps alive.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace chrt::detail {

class ByteSource {
 public:
  // Maps the whole file. Throws IoError (path + strerror) if it cannot be
  // opened, is a directory or not a regular file, is empty, or cannot be
  // mapped. The descriptor is closed before returning; the mapping stays.
  static std::shared_ptr<ByteSource> map_file(const std::string& path);
  // Wraps caller memory without copying; `data` must outlive the source.
  // Throws InvalidArgument for a NULL pointer with a nonzero size.
  static std::shared_ptr<ByteSource> wrap(const void* data, uint64_t size);

  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  const std::byte* data() const { return data_; }
  uint64_t size() const { return size_; }
  std::span<const std::byte> bytes() const { return {data_, static_cast<size_t>(size_)}; }

 private:
  ByteSource(const std::byte* data, uint64_t size, bool mapped)
      : data_(data), size_(size), mapped_(mapped) {}

  const std::byte* data_;
  uint64_t size_;
  bool mapped_;  // true: data_ is our mapping and is unmapped on destruction
};

}  // namespace chrt::detail
