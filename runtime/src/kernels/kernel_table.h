// Internal: one table of kernel entry points per instruction set, chosen once
// at load time. Every ISA file fills the same table, so tests can run each
// table against the portable one.
#pragma once

#include <cstdint>
#include <vector>

namespace chrt::detail {

// Packed weights: panels of kPanelWidth output columns; within a panel, for
// each k, kPanelWidth consecutive values W[panel * kPanelWidth + j][k]. One
// layout for every ISA keeps packing independent of the dispatch choice.
inline constexpr int64_t kPanelWidth = 32;

struct KernelTable {
  const char* isa;
  // c[m, n] (+)= a[m, k] * packed^T
  void (*gemm_f32)(const float* a, int64_t lda, const float* packed, int64_t k, int64_t n, float* c,
                   int64_t ldc, int64_t m, bool accumulate);
  void (*gemm_f16)(const float* a, int64_t lda, const uint16_t* packed, int64_t k, int64_t n,
                   float* c, int64_t ldc, int64_t m, bool accumulate);
  void (*rms_norm)(const float* x, int64_t rows, int64_t dim, int64_t ldx, const float* weight,
                   float eps, float* y, int64_t ldy);
  void (*gelu_new)(const float* x, int64_t n, float* out);
  void (*gelu_new_mul)(const float* gate, const float* up, int64_t n, float* out);
  void (*softmax)(float* x, int64_t n);
  float (*dot)(const float* a, const float* b, int64_t n);
  void (*axpy)(float a, const float* x, float* y, int64_t n);
  void (*attend)(const float* q, const float* k, int64_t k_stride, const float* v, int64_t v_stride,
                 int64_t n, const float* bias, int64_t d, float* scores, float* out);
};

const KernelTable& generic_kernels();
#if defined(__x86_64__) || defined(_M_X64)
const KernelTable& avx2_kernels();
const KernelTable& avx512_kernels();
#endif

// The table in use: the best this CPU supports, or the one named by the
// CHRT_ISA environment variable (for tests and valgrind) when supported.
const KernelTable& kernels();
// Every table this CPU can run, the portable one first.
std::vector<const KernelTable*> available_kernels();

// IEEE half <-> float, exact (subnormals, inf, nan).
float half_to_float(uint16_t h);
uint16_t float_to_half(float f);

}  // namespace chrt::detail
