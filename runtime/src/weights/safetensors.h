// safetensors reader: an 8-byte little-endian header length, a JSON header
// naming every tensor's dtype, shape and byte range, then the raw data.
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace chrt::detail {

class WeightFile;

// True if `bytes` starts like a safetensors file (header length, then '{').
bool looks_like_safetensors(std::span<const std::byte> bytes);

// Appends the file's tensors to out.mutable_tensors() (unsorted). Tensor data
// points into `bytes` (zero copy) unless misaligned for its dtype. Throws
// FormatError / UnsupportedError prefixed with `label`.
void parse_safetensors(WeightFile& out, std::span<const std::byte> bytes, const std::string& label);

}  // namespace chrt::detail
