// Portable kernels: the reference every SIMD table is tested against, and
// the path for CPUs without a dedicated one (aarch64 gets NEON through the
// compiler's auto-vectorization of these loops).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "kernel_table.h"

namespace chrt::detail {
namespace {
namespace generic_isa {

#include "elementwise.inc"

// No multi-panel few-row path here (see the AVX-512 file).
inline constexpr int kFewRows = 0;
constexpr int max_panels(int) { return 1; }
inline constexpr int kMaxRows = 4;

inline float load_b(const float* b) { return *b; }
inline float load_b(const uint16_t* b) {
#if defined(__aarch64__)
  __fp16 h;
  __builtin_memcpy(&h, b, 2);
  return static_cast<float>(h);
#else
  return half_to_float(*b);
#endif
}

void widen(const uint16_t* src, int64_t n, float* dst) {
  for (int64_t i = 0; i < n; ++i) dst[i] = load_b(src + i);
}

// One panel per tile (panels is always 1 here: kFewRows is 0); k summed
// strictly in order as in every ISA.
template <int MR, class BT>
void tile(const float* a, int64_t lda, const BT* b, int64_t /*panel_stride*/, int /*panels*/,
          int64_t kc, float* c, int64_t ldc, int64_t n_left, bool load_c, const char* pf,
          int64_t pf_lines) {
  const int nvalid = static_cast<int>(std::min<int64_t>(kPanelWidth, n_left));
  float acc[MR][kPanelWidth] = {};
  for (int64_t k = 0; k < kc; ++k) {
    if (k < pf_lines) __builtin_prefetch(pf + k * 64, 0, 2);
    float bk[kPanelWidth];
    for (int j = 0; j < kPanelWidth; ++j) bk[j] = load_b(b + k * kPanelWidth + j);
    for (int i = 0; i < MR; ++i) {
      const float av = a[i * lda + k];
      for (int j = 0; j < kPanelWidth; ++j) acc[i][j] += av * bk[j];
    }
  }
  for (int i = 0; i < MR; ++i) {
    float* ci = c + i * ldc;
    for (int j = 0; j < nvalid; ++j) ci[j] = load_c ? ci[j] + acc[i][j] : acc[i][j];
  }
}

#include "gemm_driver.inc"

}  // namespace generic_isa
}  // namespace

const KernelTable& generic_kernels() {
  using namespace generic_isa;
  static const KernelTable table = CHRT_KERNEL_TABLE("scalar");
  return table;
}

}  // namespace chrt::detail
