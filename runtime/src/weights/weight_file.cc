#include "weight_file.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "byte_source.h"
#include "checked_math.h"
#include "common/errors.h"
#include "dtypes.h"
#include "safetensors.h"
#include "torch_state_dict.h"
#include "untrusted_text.h"

namespace chrt::detail {

static_assert(std::endian::native == std::endian::little,
              "tensor data is handed out as stored: little-endian");

namespace {

// What empty tensors point at, so that `data` is never NULL.
alignas(16) const std::byte kEmptyTensor[16] = {};

// Invariants every parser's output must meet before anyone sees it: sorted
// unique names a C caller can use, shapes that fit chrt_tensor_info, byte
// counts that match, data aligned for its dtype.
void finish(WeightFile& file) {
  auto& tensors = file.mutable_tensors();
  const std::string& label = file.label();
  for (TensorRecord& t : tensors) {
    if (t.name.find('\0') != std::string::npos) {
      throw FormatError(label + ": a tensor name contains a NUL byte");
    }
    if (t.shape.size() > CHRT_MAX_DIMS) {
      throw UnsupportedError(label + ": tensor " + in_quotes(t.name) + " has too many dimensions");
    }
    const size_t elem = dtype_size(t.dtype);
    uint64_t expect = elem;
    for (int64_t d : t.shape) {
      if (d < 0 || !checked_mul(expect, static_cast<uint64_t>(d), &expect)) {
        throw FormatError(label + ": tensor " + in_quotes(t.name) + " has an absurd shape");
      }
    }
    if (expect != t.nbytes) {
      throw FormatError(label + ": tensor " + in_quotes(t.name) + " has " +
                        std::to_string(t.nbytes) + " bytes for its shape's " +
                        std::to_string(expect));
    }
    if (t.nbytes == 0) {
      t.data = kEmptyTensor;
    } else if (reinterpret_cast<uintptr_t>(t.data) % elem != 0) {
      // Kernels read tensors through typed pointers; hand out aligned copies
      // of the rare file that stores data misaligned (safetensors whose
      // header length is not a multiple of 8, or an unaligned buffer).
      std::byte* copy = file.allocate_owned(t.nbytes);
      std::memcpy(copy, t.data, static_cast<size_t>(t.nbytes));
      t.data = copy;
    }
  }
  std::sort(tensors.begin(), tensors.end(),
            [](const TensorRecord& a, const TensorRecord& b) { return a.name < b.name; });
  for (size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].name == tensors[i - 1].name) {
      throw FormatError(label + ": duplicate tensor name " + in_quotes(tensors[i].name));
    }
  }
}

std::unique_ptr<WeightFile> parse(std::shared_ptr<ByteSource> source, const std::string& label) {
  const auto bytes = source->bytes();
  std::unique_ptr<WeightFile> file;
  if (looks_like_torch_zip(bytes)) {
    file = std::make_unique<WeightFile>(std::move(source), "pytorch", label);
    parse_torch_zip(*file, bytes, label);
  } else if (looks_like_safetensors(bytes)) {
    file = std::make_unique<WeightFile>(std::move(source), "safetensors", label);
    parse_safetensors(*file, bytes, label);
  } else if (looks_like_legacy_torch(bytes)) {
    throw UnsupportedError(label + ": legacy PyTorch format; re-save with torch>=1.6");
  } else {
    throw FormatError(label + ": not a safetensors or PyTorch file");
  }
  finish(*file);
  return file;
}

}  // namespace

WeightFile::WeightFile(std::shared_ptr<ByteSource> source, std::string format, std::string label)
    : source_(std::move(source)), format_(std::move(format)), label_(std::move(label)) {}

WeightFile::~WeightFile() = default;

std::unique_ptr<WeightFile> WeightFile::open(const std::string& path) {
  return parse(ByteSource::map_file(path), path);
}

std::unique_ptr<WeightFile> WeightFile::from_memory(const void* data, uint64_t size,
                                                    std::string label) {
  return parse(ByteSource::wrap(data, size), label);
}

const TensorRecord* WeightFile::find(std::string_view name) const {
  const auto it = std::lower_bound(
      tensors_.begin(), tensors_.end(), name,
      [](const TensorRecord& t, std::string_view n) { return std::string_view(t.name) < n; });
  if (it == tensors_.end() || it->name != name) return nullptr;
  return &*it;
}

uint64_t WeightFile::owned_limit() const {
  // Legitimate copies (strided views, misaligned storages) are bounded by
  // the file's own size, give or take tied views; the slack covers small
  // broadcast (stride-0) tensors.
  const uint64_t size = source_ ? source_->size() : 0;
  return size > (UINT64_MAX >> 2) ? UINT64_MAX : 2 * size + (uint64_t{1} << 20);
}

std::byte* WeightFile::allocate_owned(uint64_t nbytes) {
  uint64_t total;
  if (!checked_add(owned_bytes_, nbytes, &total) || total > owned_limit()) {
    throw UnsupportedError(label_ + ": tensors would need more than " +
                           std::to_string(owned_limit()) +
                           " bytes of copies (strided or misaligned data)");
  }
  // Default new[] alignment (16) covers every dtype.
  owned_.push_back(std::make_unique_for_overwrite<std::byte[]>(nbytes == 0 ? 1 : nbytes));
  owned_bytes_ = total;
  return owned_.back().get();
}

}  // namespace chrt::detail
