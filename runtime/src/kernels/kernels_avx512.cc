// AVX-512F kernels. Compiled with AVX-512 flags only in this file; reached
// only after a CPUID check.
// GCC 12 flags the deliberately undefined source operand inside
// _mm512_cvtph_ps as maybe-uninitialized: a false positive in its header.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
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

// Mask of the first `valid` of 16 lanes (valid may be <= 0 or >= 16).
inline __mmask16 lane_mask(int64_t valid) {
  return valid >= 16  ? static_cast<__mmask16>(0xFFFF)
         : valid <= 0 ? static_cast<__mmask16>(0)
                      : static_cast<__mmask16>((1u << valid) - 1);
}

// exp_approx and gelu_new_one of elementwise.inc, 16 lanes at a time (GCC
// leaves the scalar loop unvectorized).
inline __m512 exp16(__m512 x) {
  x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.0f)), _mm512_set1_ps(88.0f));
  const __m512 k = _mm512_roundscale_ps(
      _mm512_fmadd_ps(x, _mm512_set1_ps(1.44269504088896341f), _mm512_set1_ps(0.5f)),
      _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
  __m512 r = _mm512_fnmadd_ps(k, _mm512_set1_ps(0.693359375f), x);
  r = _mm512_fnmadd_ps(k, _mm512_set1_ps(-2.12194440e-4f), r);
  __m512 p = _mm512_set1_ps(1.9875691500E-4f);
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507E-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073E-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894E-2f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459E-1f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201E-1f));
  const __m512 y = _mm512_add_ps(_mm512_fmadd_ps(_mm512_mul_ps(p, r), r, r), _mm512_set1_ps(1.0f));
  const __m512i e =
      _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(k), _mm512_set1_epi32(127)), 23);
  return _mm512_mul_ps(y, _mm512_castsi512_ps(e));
}

inline __m512 gelu16(__m512 x) {
  const __m512 x3 = _mm512_mul_ps(_mm512_mul_ps(x, x), x);
  const __m512 u = _mm512_mul_ps(_mm512_set1_ps(0.7978845608028654f),
                                 _mm512_fmadd_ps(_mm512_set1_ps(0.044715f), x3, x));
  const __m512 den =
      _mm512_add_ps(_mm512_set1_ps(1.0f), exp16(_mm512_mul_ps(_mm512_set1_ps(-2.0f), u)));
  // x / den without the slow division: a 14-bit reciprocal and one Newton
  // step (within an ulp or two of the quotient; den >= 1, so never 0).
  const __m512 r0 = _mm512_rcp14_ps(den);
  const __m512 r = _mm512_fmadd_ps(r0, _mm512_fnmadd_ps(den, r0, _mm512_set1_ps(1.0f)), r0);
  return _mm512_mul_ps(x, r);
}

void gelu_new_mul16(const float* gate, const float* up, int64_t n, float* out) {
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    _mm512_storeu_ps(out + i,
                     _mm512_mul_ps(gelu16(_mm512_loadu_ps(gate + i)), _mm512_loadu_ps(up + i)));
  for (; i < n; ++i) out[i] = gelu_new_one(gate[i]) * up[i];
}

// Softmax 16 lanes at a time; lanes past n read as -inf and write nothing.
void softmax16(float* x, int64_t n) {
  if (n <= 0) return;
  const __m512 ninf = _mm512_set1_ps(-INFINITY);
  __m512 mx = ninf;
  for (int64_t i = 0; i < n; i += 16)
    mx = _mm512_max_ps(mx, _mm512_mask_loadu_ps(ninf, lane_mask(n - i), x + i));
  const __m512 m = _mm512_set1_ps(_mm512_reduce_max_ps(mx));
  __m512 sum = _mm512_setzero_ps();
  for (int64_t i = 0; i < n; i += 16) {
    const __mmask16 k = lane_mask(n - i);
    const __m512 e =
        _mm512_maskz_mov_ps(k, exp16(_mm512_sub_ps(_mm512_maskz_loadu_ps(k, x + i), m)));
    sum = _mm512_add_ps(sum, e);
    _mm512_mask_storeu_ps(x + i, k, e);
  }
  const __m512 inv = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(sum));
  for (int64_t i = 0; i < n; i += 16) {
    const __mmask16 k = lane_mask(n - i);
    _mm512_mask_storeu_ps(x + i, k, _mm512_mul_ps(_mm512_maskz_loadu_ps(k, x + i), inv));
  }
}

// The sums of 16 vectors' lanes, as one vector (lane j = sum of v[j]): a
// transpose-and-add tree, about 3 shuffles and adds per vector instead of
// a full horizontal reduction each.
inline __m512 sum16(const __m512 (&v)[16]) {
  __m512 t[8], u[4];
  for (int i = 0; i < 8; ++i)
    t[i] = _mm512_add_ps(_mm512_unpacklo_ps(v[2 * i], v[2 * i + 1]),
                         _mm512_unpackhi_ps(v[2 * i], v[2 * i + 1]));
  for (int i = 0; i < 4; ++i) {
    const __m512d a = _mm512_castps_pd(t[2 * i]), b = _mm512_castps_pd(t[2 * i + 1]);
    u[i] = _mm512_add_ps(_mm512_castpd_ps(_mm512_unpacklo_pd(a, b)),
                         _mm512_castpd_ps(_mm512_unpackhi_pd(a, b)));
  }
  const __m512 w0 =
      _mm512_add_ps(_mm512_shuffle_f32x4(u[0], u[1], 0x88), _mm512_shuffle_f32x4(u[0], u[1], 0xDD));
  const __m512 w1 =
      _mm512_add_ps(_mm512_shuffle_f32x4(u[2], u[3], 0x88), _mm512_shuffle_f32x4(u[2], u[3], 0xDD));
  return _mm512_add_ps(_mm512_shuffle_f32x4(w0, w1, 0x88), _mm512_shuffle_f32x4(w0, w1, 0xDD));
}

// Attention for the head size every CharsiuG2P model uses (64): scores 16
// keys at a time, the query and the output in registers throughout. Other
// sizes take the portable version.
void attend16(const float* q, const float* k, int64_t k_stride, const float* v, int64_t v_stride,
              int64_t n, const float* bias, int64_t d, float* scores, float* out) {
  if (d != 64) return attend(q, k, k_stride, v, v_stride, n, bias, d, scores, out);
  const __m512 q0 = _mm512_loadu_ps(q), q1 = _mm512_loadu_ps(q + 16), q2 = _mm512_loadu_ps(q + 32),
               q3 = _mm512_loadu_ps(q + 48);
  for (int64_t j0 = 0; j0 < n; j0 += 16) {
    const int64_t cnt = std::min<int64_t>(16, n - j0);
    __m512 acc[16];
    for (int64_t j = 0; j < 16; ++j) {
      if (j >= cnt) {
        acc[j] = _mm512_setzero_ps();
        continue;
      }
      const float* kj = k + (j0 + j) * k_stride;
      __m512 a = _mm512_mul_ps(q0, _mm512_loadu_ps(kj));
      a = _mm512_fmadd_ps(q1, _mm512_loadu_ps(kj + 16), a);
      a = _mm512_fmadd_ps(q2, _mm512_loadu_ps(kj + 32), a);
      acc[j] = _mm512_fmadd_ps(q3, _mm512_loadu_ps(kj + 48), a);
    }
    const __mmask16 m = lane_mask(cnt);
    __m512 s = sum16(acc);
    if (bias) s = _mm512_add_ps(s, _mm512_maskz_loadu_ps(m, bias + j0));
    _mm512_mask_storeu_ps(scores + j0, m, s);
  }
  softmax16(scores, n);
  __m512 o0 = _mm512_setzero_ps(), o1 = o0, o2 = o0, o3 = o0;
  for (int64_t j = 0; j < n; ++j) {
    const __m512 p = _mm512_set1_ps(scores[j]);
    const float* vj = v + j * v_stride;
    o0 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vj), o0);
    o1 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vj + 16), o1);
    o2 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vj + 32), o2);
    o3 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vj + 48), o3);
  }
  _mm512_storeu_ps(out, o0);
  _mm512_storeu_ps(out + 16, o1);
  _mm512_storeu_ps(out + 32, o2);
  _mm512_storeu_ps(out + 48, o3);
}

void gelu_new16(const float* x, int64_t n, float* out) {
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) _mm512_storeu_ps(out + i, gelu16(_mm512_loadu_ps(x + i)));
  for (; i < n; ++i) out[i] = gelu_new_one(x[i]);
}

// Tiles sum k strictly in order, one FMA chain per output element, and
// every tile shape does the same: a row's sums must not depend on how many
// rows share its tile, or a word's output would depend on its batch.
//
// Many rows: up to 14 rows x 32 columns (28 zmm accumulators, 2 B vectors;
// the A broadcasts fold into the FMAs as memory operands).
inline constexpr int kMaxRows = 14;
// Few rows (a word decoded alone, or a few drafted tokens verified at once)
// are bound by how fast weights stream in, not by arithmetic: such a tile
// covers several panels so more memory requests are in flight, and a lone
// row still has 8 independent FMA chains.
inline constexpr int kFewRows = 6;
constexpr int max_panels(int rows) { return rows <= 3 ? 4 : rows == 4 ? 3 : rows <= 6 ? 2 : 1; }

inline __m512 load16(const float* b) { return _mm512_loadu_ps(b); }
inline __m512 load16(const uint16_t* b) {
  return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(b)));
}

void widen(const uint16_t* src, int64_t n, float* dst) {
  for (int64_t i = 0; i < n; i += 16) _mm512_store_ps(dst + i, load16(src + i));
}

template <int R, class BT>
void tile(const float* a, int64_t lda, const BT* b, int64_t panel_stride, int panels, int64_t kc,
          float* c, int64_t ldc, int64_t n_left, bool load_c, const char* pf, int64_t pf_lines) {
  constexpr int P = max_panels(R);
  __m512 acc[R][P][2];
  for (int i = 0; i < R; ++i)
    for (int p = 0; p < P; ++p) acc[i][p][0] = acc[i][p][1] = _mm512_setzero_ps();
  for (int64_t k = 0; k < kc; ++k) {
    if (k < pf_lines) _mm_prefetch(pf + k * 64, _MM_HINT_T1);
    for (int p = 0; p < P; ++p) {
      if (p >= panels) break;
      const BT* bk = b + p * panel_stride + k * kPanelWidth;
      const __m512 b0 = load16(bk), b1 = load16(bk + 16);
      for (int i = 0; i < R; ++i) {
        const __m512 av = _mm512_set1_ps(a[i * lda + k]);
        acc[i][p][0] = _mm512_fmadd_ps(av, b0, acc[i][p][0]);
        acc[i][p][1] = _mm512_fmadd_ps(av, b1, acc[i][p][1]);
      }
    }
  }
  for (int p = 0; p < P; ++p) {
    if (p >= panels) break;
    const int64_t nvalid = n_left - p * kPanelWidth;
    const __mmask16 m0 = lane_mask(nvalid), m1 = lane_mask(nvalid - 16);
    for (int i = 0; i < R; ++i) {
      float* ci = c + i * ldc + p * kPanelWidth;
      __m512 r0 = acc[i][p][0], r1 = acc[i][p][1];
      if (load_c) {
        r0 = _mm512_add_ps(r0, _mm512_maskz_loadu_ps(m0, ci));
        r1 = _mm512_add_ps(r1, _mm512_maskz_loadu_ps(m1, ci + 16));
      }
      _mm512_mask_storeu_ps(ci, m0, r0);
      _mm512_mask_storeu_ps(ci + 16, m1, r1);
    }
  }
}

#include "gemm_driver.inc"

}  // namespace avx512_isa
}  // namespace

const KernelTable& avx512_kernels() {
  using namespace avx512_isa;
  static const KernelTable table = [] {
    KernelTable t = CHRT_KERNEL_TABLE("avx512");
    t.gelu_new = gelu_new16;
    t.gelu_new_mul = gelu_new_mul16;
    t.attend = attend16;
    t.softmax = softmax16;
    return t;
  }();
  return table;
}

}  // namespace chrt::detail
