// Internal: parsed checkpoint files. The C API in weights_api.cc wraps this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chrt/runtime.h"

namespace chrt::detail {

// One tensor of a checkpoint: contiguous row-major little-endian bytes.
// `data` points into the file mapping or into WeightFile::owned_ storage, is
// never NULL (also for empty tensors) and is aligned to the element size
// (tensors the file stores misaligned are copied).
struct TensorRecord {
  std::string name;
  chrt_dtype dtype = CHRT_DTYPE_F32;
  std::vector<int64_t> shape;
  const std::byte* data = nullptr;
  uint64_t nbytes = 0;
};

// A read-only view of file bytes that may own a mapping (munmap on destruction).
class ByteSource;

// A parsed weight file. Immutable after open(); safe to share across threads.
// open()/from_memory() throw chrt::detail::FormatError / IoError / UnsupportedError
// (see errors.h) with a message that names the file and the problem.
class WeightFile {
 public:
  static std::unique_ptr<WeightFile> open(const std::string& path);
  // `data` must outlive the result; nothing is copied unless a tensor needs it.
  static std::unique_ptr<WeightFile> from_memory(const void* data, uint64_t size,
                                                 std::string label = "<memory>");
  ~WeightFile();

  std::string_view format() const { return format_; }  // "safetensors" | "pytorch"
  const std::vector<TensorRecord>& tensors() const { return tensors_; }  // sorted by name
  const TensorRecord* find(std::string_view name) const;
  // The path, or the label given to from_memory(); used in messages.
  const std::string& label() const { return label_; }

  // Used by the parsers.
  WeightFile(std::shared_ptr<ByteSource> source, std::string format, std::string label = {});
  std::vector<TensorRecord>& mutable_tensors() { return tensors_; }
  // Storage for tensors that had to be materialized (strided views etc.).
  // Aligned for any dtype. Throws UnsupportedError once the total exceeds
  // owned_limit(), so a small hostile file (a stride-0 view claiming 10^12
  // elements, thousands of names for one strided view) cannot demand
  // unbounded memory.
  std::byte* allocate_owned(uint64_t nbytes);
  uint64_t owned_limit() const;

 private:
  std::shared_ptr<ByteSource> source_;
  std::string format_;
  std::string label_;
  std::vector<TensorRecord> tensors_;
  std::vector<std::unique_ptr<std::byte[]>> owned_;
  uint64_t owned_bytes_ = 0;
};

}  // namespace chrt::detail
