// PyTorch checkpoints as torch.save (>= 1.6) writes them: a ZIP archive whose
// "<prefix>/data.pkl" pickles the state dict and whose "<prefix>/data/<key>"
// entries hold the raw storages the tensors view.
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace chrt::detail {

class WeightFile;

// ZIP local-file magic "PK\x03\x04".
bool looks_like_torch_zip(std::span<const std::byte> bytes);
// A bare pickle stream (PROTO opcode): torch.save before 1.6, or with
// _use_new_zipfile_serialization=False.
bool looks_like_legacy_torch(std::span<const std::byte> bytes);

// Appends the state dict's tensors to out.mutable_tensors() (unsorted).
// Contiguous tensors point into `bytes`; strided views and storages
// misaligned for their dtype are copied into out.allocate_owned() storage.
// Throws FormatError / UnsupportedError prefixed with `label`.
void parse_torch_zip(WeightFile& out, std::span<const std::byte> bytes, const std::string& label);

}  // namespace chrt::detail
