// Element sizes and names of chrt_dtype values, shared by the parsers and
// the C API.
#pragma once

#include <cstddef>
#include <cstdint>

#include "chrt/runtime.h"

namespace chrt::detail {

// 0 for a value that is not a chrt_dtype.
constexpr size_t dtype_size(int32_t dtype) {
  switch (dtype) {
    case CHRT_DTYPE_F64:
    case CHRT_DTYPE_I64:
      return 8;
    case CHRT_DTYPE_F32:
    case CHRT_DTYPE_I32:
      return 4;
    case CHRT_DTYPE_F16:
    case CHRT_DTYPE_BF16:
    case CHRT_DTYPE_I16:
      return 2;
    case CHRT_DTYPE_I8:
    case CHRT_DTYPE_U8:
    case CHRT_DTYPE_BOOL:
      return 1;
    default:
      return 0;
  }
}

constexpr const char* dtype_name(int32_t dtype) {
  switch (dtype) {
    case CHRT_DTYPE_F32:
      return "f32";
    case CHRT_DTYPE_F16:
      return "f16";
    case CHRT_DTYPE_BF16:
      return "bf16";
    case CHRT_DTYPE_F64:
      return "f64";
    case CHRT_DTYPE_I64:
      return "i64";
    case CHRT_DTYPE_I32:
      return "i32";
    case CHRT_DTYPE_I16:
      return "i16";
    case CHRT_DTYPE_I8:
      return "i8";
    case CHRT_DTYPE_U8:
      return "u8";
    case CHRT_DTYPE_BOOL:
      return "bool";
    default:
      return "unknown";
  }
}

}  // namespace chrt::detail
