// Packed linear layers (chrt_matrix) and the chrt_matmul entry point.
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "chrt/runtime.h"
#include "common/errors.h"
#include "kernel_table.h"

using namespace chrt::detail;

struct chrt_matrix {
  int64_t n = 0;
  int64_t k = 0;
  bool f16 = false;
  uint64_t bytes = 0;
  // 64-byte aligned so every panel row starts on a cache line.
  std::unique_ptr<std::byte[], void (*)(std::byte*)> data{nullptr, [](std::byte*) {}};
};

namespace {

void free_aligned(std::byte* p) { ::operator delete[](p, std::align_val_t(64)); }

float element_as_float(const chrt_tensor_info& t, int64_t index) {
  const auto* base = static_cast<const unsigned char*>(t.data);
  switch (t.dtype) {
    case CHRT_DTYPE_F32: {
      float f;
      std::memcpy(&f, base + index * 4, 4);
      return f;
    }
    case CHRT_DTYPE_BF16: {
      uint16_t h;
      std::memcpy(&h, base + index * 2, 2);
      const uint32_t bits = static_cast<uint32_t>(h) << 16;
      float f;
      std::memcpy(&f, &bits, 4);
      return f;
    }
    case CHRT_DTYPE_F16: {
      uint16_t h;
      std::memcpy(&h, base + index * 2, 2);
      return half_to_float(h);
    }
    default:
      return 0.0f;
  }
}

void create_matrix(const chrt_tensor_info* parts, uint32_t count, chrt_matrix** out) {
  if (!out) throw InvalidArgument("chrt_matrix_create: out is NULL");
  *out = nullptr;
  if (!parts || count == 0) throw InvalidArgument("chrt_matrix_create: no tensors given");
  int64_t n = 0, k = -1;
  bool all_f16 = true;
  for (uint32_t i = 0; i < count; ++i) {
    const chrt_tensor_info& t = parts[i];
    const std::string name = t.name ? t.name : "<unnamed>";
    if (t.ndim != 2 || t.shape[0] <= 0 || t.shape[1] <= 0)
      throw InvalidArgument("chrt_matrix_create: tensor '" + name +
                            "' is not a non-empty 2-D matrix");
    if (t.dtype != CHRT_DTYPE_F32 && t.dtype != CHRT_DTYPE_F16 && t.dtype != CHRT_DTYPE_BF16)
      throw UnsupportedError("chrt_matrix_create: tensor '" + name + "' has dtype " +
                             chrt_dtype_name(t.dtype) + "; expected f32, f16 or bf16");
    if (k >= 0 && t.shape[1] != k)
      throw InvalidArgument("chrt_matrix_create: tensor '" + name + "' has " +
                            std::to_string(t.shape[1]) + " columns, expected " + std::to_string(k));
    if (t.nbytes != static_cast<uint64_t>(t.shape[0] * t.shape[1]) * chrt_dtype_size(t.dtype))
      throw InvalidArgument("chrt_matrix_create: tensor '" + name +
                            "' byte size does not match its shape");
    k = t.shape[1];
    n += t.shape[0];
    all_f16 = all_f16 && t.dtype == CHRT_DTYPE_F16;
  }
  auto m = std::make_unique<chrt_matrix>();
  m->n = n;
  m->k = k;
  m->f16 = all_f16;
  const int64_t panels = (n + kPanelWidth - 1) / kPanelWidth;
  const uint64_t elems = static_cast<uint64_t>(panels * kPanelWidth) * static_cast<uint64_t>(k);
  m->bytes = elems * (all_f16 ? 2 : 4);
  m->data = {static_cast<std::byte*>(::operator new[](m->bytes, std::align_val_t(64))),
             free_aligned};
  std::memset(m->data.get(), 0, m->bytes);  // padding columns must be zero, not garbage
  auto* f32 = reinterpret_cast<float*>(m->data.get());
  auto* f16 = reinterpret_cast<uint16_t*>(m->data.get());
  int64_t row0 = 0;
  for (uint32_t i = 0; i < count; ++i) {
    const chrt_tensor_info& t = parts[i];
    const auto* h = static_cast<const unsigned char*>(t.data);
    for (int64_t r = 0; r < t.shape[0]; ++r) {
      const int64_t row = row0 + r;
      const int64_t base = (row / kPanelWidth) * k * kPanelWidth + row % kPanelWidth;
      for (int64_t c = 0; c < k; ++c) {
        const int64_t src = r * k + c;
        if (all_f16)
          std::memcpy(&f16[base + c * kPanelWidth], h + src * 2, 2);
        else
          f32[base + c * kPanelWidth] = element_as_float(t, src);
      }
    }
    row0 += t.shape[0];
  }
  *out = m.release();
}

}  // namespace

extern "C" {

CHRT_API int chrt_matrix_create(const chrt_tensor_info* parts, uint32_t count, chrt_matrix** out) {
  return guard([&] { create_matrix(parts, count, out); });
}

CHRT_API void chrt_matrix_free(chrt_matrix* matrix) { delete matrix; }
CHRT_API int64_t chrt_matrix_n(const chrt_matrix* m) { return m ? m->n : 0; }
CHRT_API int64_t chrt_matrix_k(const chrt_matrix* m) { return m ? m->k : 0; }
CHRT_API uint64_t chrt_matrix_bytes(const chrt_matrix* m) { return m ? m->bytes : 0; }

CHRT_API void chrt_matmul(const chrt_matrix* w, const float* x, int64_t m, int64_t ldx, float* y,
                          int64_t ldy, int accumulate) {
  if (!w || m <= 0) return;
  const KernelTable& kt = kernels();
  if (w->f16)
    kt.gemm_f16(x, ldx, reinterpret_cast<const uint16_t*>(w->data.get()), w->k, w->n, y, ldy, m,
                accumulate != 0);
  else
    kt.gemm_f32(x, ldx, reinterpret_cast<const float*>(w->data.get()), w->k, w->n, y, ldy, m,
                accumulate != 0);
}

}  // extern "C"
