// AVX2 + FMA + F16C kernels (x86-64-v3). Compiled with those flags only in
// this file; reached only after a CPUID check.
#include <immintrin.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "kernel_table.h"

namespace chrt::detail {
namespace {
namespace avx2_isa {

#include "elementwise.inc"

// No multi-panel few-row path here (see the AVX-512 file).
inline constexpr int kFewRows = 0;
constexpr int max_panels(int) { return 1; }
// 16 ymm registers: 2 rows x 4 vectors of accumulators + 4 B vectors + 1
// broadcast.
inline constexpr int kMaxRows = 2;

inline __m256 load8(const float* b) { return _mm256_loadu_ps(b); }
inline __m256 load8(const uint16_t* b) {
  return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b)));
}

void widen(const uint16_t* src, int64_t n, float* dst) {
  for (int64_t i = 0; i < n; i += 8) _mm256_store_ps(dst + i, load8(src + i));
}

// One panel per tile (panels is always 1 here: kFewRows is 0); k summed
// strictly in order as in every ISA.
template <int MR, class BT>
void tile(const float* a, int64_t lda, const BT* b, int64_t /*panel_stride*/, int /*panels*/,
          int64_t kc, float* c, int64_t ldc, int64_t n_left, bool load_c, const char* pf,
          int64_t pf_lines) {
  const int nvalid = static_cast<int>(std::min<int64_t>(kPanelWidth, n_left));
  __m256 acc[MR][4];
  for (int i = 0; i < MR; ++i)
    for (int v = 0; v < 4; ++v) acc[i][v] = _mm256_setzero_ps();
  for (int64_t k = 0; k < kc; ++k) {
    if (k < pf_lines) __builtin_prefetch(pf + k * 64, 0, 2);
    const BT* bk = b + k * kPanelWidth;
    const __m256 b0 = load8(bk), b1 = load8(bk + 8), b2 = load8(bk + 16), b3 = load8(bk + 24);
    for (int i = 0; i < MR; ++i) {
      const __m256 av = _mm256_broadcast_ss(a + i * lda + k);
      acc[i][0] = _mm256_fmadd_ps(av, b0, acc[i][0]);
      acc[i][1] = _mm256_fmadd_ps(av, b1, acc[i][1]);
      acc[i][2] = _mm256_fmadd_ps(av, b2, acc[i][2]);
      acc[i][3] = _mm256_fmadd_ps(av, b3, acc[i][3]);
    }
  }
  for (int i = 0; i < MR; ++i) {
    float* ci = c + i * ldc;
    if (nvalid == kPanelWidth) {
      for (int v = 0; v < 4; ++v) {
        __m256 r = acc[i][v];
        if (load_c) r = _mm256_add_ps(r, _mm256_loadu_ps(ci + 8 * v));
        _mm256_storeu_ps(ci + 8 * v, r);
      }
    } else {
      alignas(32) float tmp[kPanelWidth];
      for (int v = 0; v < 4; ++v) _mm256_store_ps(tmp + 8 * v, acc[i][v]);
      for (int j = 0; j < nvalid; ++j) ci[j] = load_c ? ci[j] + tmp[j] : tmp[j];
    }
  }
}

#include "gemm_driver.inc"

}  // namespace avx2_isa
}  // namespace

const KernelTable& avx2_kernels() {
  using namespace avx2_isa;
  static const KernelTable table = CHRT_KERNEL_TABLE("avx2");
  return table;
}

}  // namespace chrt::detail
