// libFuzzer target for the weight-file parsers (safetensors, ZIP, pickle).
// Any input must either be refused with a status or yield tensors whose
// every byte can be read; ASan/UBSan report the rest.
//
// Build and run from the repository root (libclang-rt-14-dev provides the
// fuzzer runtime):
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined \
//     -Iruntime/include -Iruntime/src tests/fuzz/fuzz_weights.cc \
//     runtime/src/weights/*.cc runtime/src/common/errors.cc -o fuzz_weights
//   ./fuzz_weights -dict=tests/fuzz/weights.dict -max_total_time=60 \
//     /tmp/corpus tests/fuzz/corpus_weights
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "chrt/runtime.h"

namespace {

// Reading a tensor must not touch bytes outside what the parser vouched for.
uint8_t checksum(const chrt_tensor_info& t) {
  const auto* p = static_cast<const uint8_t*>(t.data);
  uint8_t acc = 0;
  for (uint64_t i = 0; i < t.nbytes; ++i) acc ^= p[i];
  return acc;
}

bool is_float(int32_t dtype) {
  return dtype == CHRT_DTYPE_F32 || dtype == CHRT_DTYPE_F16 || dtype == CHRT_DTYPE_BF16 ||
         dtype == CHRT_DTYPE_F64;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chrt_weights* w = nullptr;
  if (chrt_weights_open_memory(data, size, &w) != CHRT_OK) {
    if (w != nullptr || chrt_last_error()[0] == '\0') __builtin_trap();
    return 0;
  }
  volatile uint8_t sink = 0;
  std::vector<float> floats;
  const uint64_t count = chrt_weights_count(w);
  for (uint64_t i = 0; i < count; ++i) {
    chrt_tensor_info t;
    if (chrt_weights_get(w, i, &t) != CHRT_OK) __builtin_trap();
    sink = sink ^ checksum(t);
    // The promises of chrt_tensor_info: consistent sizes, aligned data,
    // names that find themselves.
    uint64_t numel = 1;
    for (int d = 0; d < t.ndim; ++d) numel *= static_cast<uint64_t>(t.shape[d]);
    if (t.ndim < 0 || t.ndim > CHRT_MAX_DIMS || t.data == nullptr ||
        numel * chrt_dtype_size(t.dtype) != t.nbytes ||
        reinterpret_cast<uintptr_t>(t.data) % chrt_dtype_size(t.dtype) != 0) {
      __builtin_trap();
    }
    chrt_tensor_info found;
    if (chrt_weights_find(w, t.name, &found) != CHRT_OK || found.data != t.data) __builtin_trap();
    if (is_float(t.dtype) && numel <= (1u << 16)) {
      floats.resize(numel);
      if (chrt_tensor_to_f32(&t, floats.data(), numel) != CHRT_OK) __builtin_trap();
    }
  }
  chrt_weights_free(w);
  return 0;
}
