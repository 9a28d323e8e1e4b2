// The C API's "weight files" section, chrt_dtype_* and chrt_tensor_to_f32.
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "chrt/runtime.h"
#include "common/errors.h"
#include "dtypes.h"
#include "f16.h"
#include "weight_file.h"

namespace chrt::detail {
namespace {

// chrt_weights is never defined: the handle is the WeightFile itself.
WeightFile* unwrap(chrt_weights* w) { return reinterpret_cast<WeightFile*>(w); }
const WeightFile* unwrap(const chrt_weights* w) { return reinterpret_cast<const WeightFile*>(w); }

void fill_info(const TensorRecord& t, chrt_tensor_info* out) {
  *out = chrt_tensor_info{};
  out->name = t.name.c_str();
  out->dtype = t.dtype;
  out->ndim = static_cast<int32_t>(t.shape.size());
  for (size_t d = 0; d < t.shape.size(); ++d) out->shape[d] = t.shape[d];
  out->data = t.data;
  out->nbytes = t.nbytes;
}

template <class T>
T load(const unsigned char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Rounds like an IEEE conversion, which the language leaves undefined for
// finite values beyond float's range.
float f64_to_f32(double d) {
  constexpr double kOverflow = 0x1.ffffffp127;  // FLT_MAX + half an ulp: ties go to inf
  if (std::isfinite(d) && std::fabs(d) >= kOverflow) {
    return std::copysign(std::numeric_limits<float>::infinity(),
                         static_cast<float>(d > 0 ? 1 : -1));
  }
  if (std::isfinite(d) && std::fabs(d) > std::numeric_limits<float>::max()) {
    return std::copysign(std::numeric_limits<float>::max(), static_cast<float>(d > 0 ? 1 : -1));
  }
  return static_cast<float>(d);
}

void to_f32(const chrt_tensor_info* t, float* dst, uint64_t count) {
  if (t == nullptr || (dst == nullptr && count != 0)) {
    throw InvalidArgument("chrt_tensor_to_f32: NULL tensor or destination");
  }
  const size_t elem = dtype_size(t->dtype);
  if (elem == 0)
    throw InvalidArgument("chrt_tensor_to_f32: unknown dtype " + std::to_string(t->dtype));
  if (t->ndim < 0 || t->ndim > CHRT_MAX_DIMS) {
    throw InvalidArgument("chrt_tensor_to_f32: ndim " + std::to_string(t->ndim) + " out of range");
  }
  uint64_t numel = 1;
  for (int32_t d = 0; d < t->ndim; ++d) {
    if (t->shape[d] < 0 ||
        __builtin_mul_overflow(numel, static_cast<uint64_t>(t->shape[d]), &numel)) {
      throw InvalidArgument("chrt_tensor_to_f32: bad shape");
    }
  }
  if (numel != count) {
    throw InvalidArgument("chrt_tensor_to_f32: count " + std::to_string(count) +
                          " != element count " + std::to_string(numel));
  }
  uint64_t nbytes;
  if (__builtin_mul_overflow(numel, elem, &nbytes) || nbytes != t->nbytes) {
    throw InvalidArgument("chrt_tensor_to_f32: nbytes does not match dtype and shape");
  }
  if (count != 0 && t->data == nullptr) throw InvalidArgument("chrt_tensor_to_f32: NULL data");
  const auto* src = static_cast<const unsigned char*>(t->data);
  switch (t->dtype) {
    case CHRT_DTYPE_F32:
      if (count != 0) std::memcpy(dst, src, static_cast<size_t>(nbytes));
      return;
    case CHRT_DTYPE_F16:
      for (uint64_t i = 0; i < count; ++i) dst[i] = f16_to_f32(load<uint16_t>(src + 2 * i));
      return;
    case CHRT_DTYPE_BF16:
      for (uint64_t i = 0; i < count; ++i) dst[i] = bf16_to_f32(load<uint16_t>(src + 2 * i));
      return;
    case CHRT_DTYPE_F64:
      for (uint64_t i = 0; i < count; ++i) dst[i] = f64_to_f32(load<double>(src + 8 * i));
      return;
    default:
      throw InvalidArgument(std::string("chrt_tensor_to_f32: ") + dtype_name(t->dtype) +
                            " is not a floating-point dtype");
  }
}

}  // namespace
}  // namespace chrt::detail

using chrt::detail::guard;
using chrt::detail::InvalidArgument;
using chrt::detail::WeightFile;

extern "C" {

CHRT_API size_t chrt_dtype_size(int32_t dtype) { return chrt::detail::dtype_size(dtype); }

CHRT_API const char* chrt_dtype_name(int32_t dtype) { return chrt::detail::dtype_name(dtype); }

CHRT_API int chrt_tensor_to_f32(const chrt_tensor_info* tensor, float* dst, uint64_t count) {
  return guard([&] { chrt::detail::to_f32(tensor, dst, count); });
}

CHRT_API int chrt_weights_open(const char* path, chrt_weights** out) {
  return guard([&] {
    if (out == nullptr) throw InvalidArgument("chrt_weights_open: NULL out");
    *out = nullptr;
    if (path == nullptr) throw InvalidArgument("chrt_weights_open: NULL path");
    *out = reinterpret_cast<chrt_weights*>(WeightFile::open(path).release());
  });
}

CHRT_API int chrt_weights_open_memory(const void* data, uint64_t size, chrt_weights** out) {
  return guard([&] {
    if (out == nullptr) throw InvalidArgument("chrt_weights_open_memory: NULL out");
    *out = nullptr;
    *out = reinterpret_cast<chrt_weights*>(WeightFile::from_memory(data, size).release());
  });
}

CHRT_API void chrt_weights_free(chrt_weights* weights) { delete chrt::detail::unwrap(weights); }

CHRT_API const char* chrt_weights_format(const chrt_weights* weights) {
  if (weights == nullptr) return "";
  // Static strings, not the object's: callers may keep the pointer.
  return chrt::detail::unwrap(weights)->format() == "pytorch" ? "pytorch" : "safetensors";
}

CHRT_API uint64_t chrt_weights_count(const chrt_weights* weights) {
  return weights == nullptr ? 0 : chrt::detail::unwrap(weights)->tensors().size();
}

CHRT_API int chrt_weights_get(const chrt_weights* weights, uint64_t index, chrt_tensor_info* out) {
  return guard([&] {
    if (weights == nullptr || out == nullptr) {
      throw InvalidArgument("chrt_weights_get: NULL weights or out");
    }
    const auto& tensors = chrt::detail::unwrap(weights)->tensors();
    if (index >= tensors.size()) {
      throw InvalidArgument("chrt_weights_get: index " + std::to_string(index) + " >= count " +
                            std::to_string(tensors.size()));
    }
    chrt::detail::fill_info(tensors[index], out);
  });
}

CHRT_API int chrt_weights_find(const chrt_weights* weights, const char* name,
                               chrt_tensor_info* out) {
  return guard([&] {
    if (weights == nullptr || name == nullptr || out == nullptr) {
      throw InvalidArgument("chrt_weights_find: NULL weights, name or out");
    }
    const WeightFile* file = chrt::detail::unwrap(weights);
    const auto* t = file->find(name);
    if (t == nullptr) {
      throw chrt::detail::Error(CHRT_ERR_NOT_FOUND,
                                file->label() + ": no tensor named '" + std::string(name) + "'");
    }
    chrt::detail::fill_info(*t, out);
  });
}

}  // extern "C"
