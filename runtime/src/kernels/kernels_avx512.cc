// AVX-512F kernels. Compiled with AVX-512 flags only in this file; reached
// only after a CPUID check.
// GCC 12 flags the deliberately undefined source operand inside
// _mm512_cvtph_ps as maybe-uninitialized: a false positive in its header.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "kernel_table.h"

namespace chrt::detail {
namespace {
namespace avx512_isa {

#include "elementwise.inc"

// 32 zmm registers: 6 rows x 2 vectors x 2 K-halves of accumulators + 2 B
// vectors; the A broadcasts fold into the FMAs as memory operands.
inline constexpr int kMaxRows = 6;

inline __m512 load16(const float* b) { return _mm512_loadu_ps(b); }
inline __m512 load16(const uint16_t* b) {
  return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(b)));
}

template <int MR, class BT>
void micro(const float* a, int64_t lda, const BT* b, int64_t kc, float* c, int64_t ldc, int nvalid,
           bool load_c) {
  // K is split over two accumulator sets (even and odd k) so that even one
  // row keeps 4 independent FMA chains in flight. Every tile height uses the
  // same split: a row's sum must not depend on how many rows share its
  // tile, or a word's output would depend on its batch.
  constexpr int S = 2;
  __m512 acc[S][MR][2];
  for (int s = 0; s < S; ++s)
    for (int i = 0; i < MR; ++i) acc[s][i][0] = acc[s][i][1] = _mm512_setzero_ps();
  int64_t k = 0;
  for (; k + S <= kc; k += S) {
    for (int s = 0; s < S; ++s) {
      const BT* bk = b + (k + s) * kPanelWidth;
      const __m512 b0 = load16(bk), b1 = load16(bk + 16);
      for (int i = 0; i < MR; ++i) {
        const __m512 av = _mm512_set1_ps(a[i * lda + k + s]);
        acc[s][i][0] = _mm512_fmadd_ps(av, b0, acc[s][i][0]);
        acc[s][i][1] = _mm512_fmadd_ps(av, b1, acc[s][i][1]);
      }
    }
  }
  for (; k < kc; ++k) {
    const BT* bk = b + k * kPanelWidth;
    const __m512 b0 = load16(bk), b1 = load16(bk + 16);
    for (int i = 0; i < MR; ++i) {
      const __m512 av = _mm512_set1_ps(a[i * lda + k]);
      acc[0][i][0] = _mm512_fmadd_ps(av, b0, acc[0][i][0]);
      acc[0][i][1] = _mm512_fmadd_ps(av, b1, acc[0][i][1]);
    }
  }
  if constexpr (S == 2) {
    for (int i = 0; i < MR; ++i) {
      acc[0][i][0] = _mm512_add_ps(acc[0][i][0], acc[1][i][0]);
      acc[0][i][1] = _mm512_add_ps(acc[0][i][1], acc[1][i][1]);
    }
  }
  const __mmask16 m0 =
      nvalid >= 16 ? static_cast<__mmask16>(0xFFFF) : static_cast<__mmask16>((1u << nvalid) - 1);
  const __mmask16 m1 = nvalid >= 32   ? static_cast<__mmask16>(0xFFFF)
                       : nvalid <= 16 ? static_cast<__mmask16>(0)
                                      : static_cast<__mmask16>((1u << (nvalid - 16)) - 1);
  for (int i = 0; i < MR; ++i) {
    float* ci = c + i * ldc;
    __m512 r0 = acc[0][i][0], r1 = acc[0][i][1];
    if (load_c) {
      r0 = _mm512_add_ps(r0, _mm512_maskz_loadu_ps(m0, ci));
      r1 = _mm512_add_ps(r1, _mm512_maskz_loadu_ps(m1, ci + 16));
    }
    _mm512_mask_storeu_ps(ci, m0, r0);
    _mm512_mask_storeu_ps(ci + 16, m1, r1);
  }
}

#include "gemm_driver.inc"

}  // namespace avx512_isa
}  // namespace

const KernelTable& avx512_kernels() {
  using namespace avx512_isa;
  static const KernelTable table = CHRT_KERNEL_TABLE("avx512");
  return table;
}

}  // namespace chrt::detail
