// A restricted pickle VM for the data.pkl of a torch.save'd state dict. It
// understands only the opcodes torch.save (protocol 2) and Python's pickler
// (protocols 2..5) emit for a dict of tensors, and calls nothing: GLOBAL may
// only name the handful of torch/collections callables that rebuild tensors,
// which are interpreted here, never executed. Everything else is refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "chrt/runtime.h"

namespace chrt::detail {

// One entry of the pickled state dict, as _rebuild_tensor_v2 describes it.
// Offsets, sizes and strides count elements, not bytes; all are >= 0.
struct PickledTensor {
  std::string name;
  std::string storage_key;  // the archive entry is "<prefix>/data/<key>"
  chrt_dtype dtype = CHRT_DTYPE_F32;
  uint64_t storage_numel = 0;  // elements the storage declares
  uint64_t storage_offset = 0;
  std::vector<int64_t> shape;
  std::vector<int64_t> stride;
};

// Runs `bytes` (the data.pkl entry) and returns the state dict's entries in
// pickle order. The pickled object must be a dict (or OrderedDict) of string
// to tensor. Throws FormatError for malformed pickles (unknown opcode, stack
// underflow, wrong argument types, limits exceeded) and UnsupportedError for
// valid pickles outside the subset (other globals, other object types), each
// prefixed with `label` and the offending byte offset.
std::vector<PickledTensor> parse_torch_pickle(std::span<const std::byte> bytes,
                                              const std::string& label);

}  // namespace chrt::detail
