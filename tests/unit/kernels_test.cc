// Every SIMD kernel table against the portable one, and the portable one
// against double-precision formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "kernels/kernel_table.h"

using namespace chrt::detail;

namespace {

std::vector<float> random_vec(size_t n, std::mt19937& rng, float scale = 1.0f) {
  std::normal_distribution<float> d(0.0f, scale);
  std::vector<float> v(n);
  for (auto& x : v) x = d(rng);
  return v;
}

// Packs W [n, k] row-major into the panel layout of kernel_table.h.
template <class T>
std::vector<T> pack(const std::vector<float>& w, int64_t n, int64_t k, bool f16) {
  const int64_t panels = (n + kPanelWidth - 1) / kPanelWidth;
  std::vector<T> out(panels * kPanelWidth * k, T{});
  for (int64_t r = 0; r < n; ++r)
    for (int64_t c = 0; c < k; ++c) {
      const int64_t idx = (r / kPanelWidth) * k * kPanelWidth + c * kPanelWidth + r % kPanelWidth;
      if constexpr (sizeof(T) == 2)
        out[idx] = float_to_half(w[r * k + c]);
      else
        out[idx] = w[r * k + c];
    }
  (void)f16;
  return out;
}

class KernelTables : public ::testing::TestWithParam<const KernelTable*> {};

TEST_P(KernelTables, GemmMatchesDoubleReference) {
  const KernelTable& kt = *GetParam();
  std::mt19937 rng(42);
  for (int64_t m : {1, 2, 3, 5, 7, 12, 13, 30, 100})
    for (int64_t n : {1, 17, 32, 33, 100})
      for (int64_t k : {1, 8, 64, 257, 600}) {
        const auto a = random_vec(m * k, rng), w = random_vec(n * k, rng);
        for (bool f16 : {false, true}) {
          std::vector<float> wq = w;  // what the kernel sees after packing
          if (f16)
            for (auto& x : wq) x = half_to_float(float_to_half(x));
          for (bool acc : {false, true}) {
            const int64_t ldc = n + 3;
            std::vector<float> c(m * ldc, 0.5f);
            if (f16) {
              const auto p = pack<uint16_t>(w, n, k, true);
              kt.gemm_f16(a.data(), k, p.data(), k, n, c.data(), ldc, m, acc);
            } else {
              const auto p = pack<float>(w, n, k, false);
              kt.gemm_f32(a.data(), k, p.data(), k, n, c.data(), ldc, m, acc);
            }
            for (int64_t i = 0; i < m; ++i) {
              for (int64_t j = 0; j < n; ++j) {
                double ref = acc ? 0.5 : 0.0, mag = 0;
                for (int64_t q = 0; q < k; ++q) {
                  ref += double(a[i * k + q]) * wq[j * k + q];
                  mag += std::fabs(double(a[i * k + q]) * wq[j * k + q]);
                }
                ASSERT_NEAR(c[i * ldc + j], ref, 1e-5 * (mag + 1))
                    << kt.isa << " m=" << m << " n=" << n << " k=" << k << " f16=" << f16;
              }
              // Padding columns past n must stay untouched.
              for (int64_t j = n; j < ldc; ++j) ASSERT_EQ(c[i * ldc + j], 0.5f);
            }
          }
        }
      }
}

TEST_P(KernelTables, RowResultsDoNotDependOnRowCount) {
  // A word's output must not depend on its batch: the same row must give
  // bit-identical results whatever tile it lands in, on the few-row
  // (several panels per tile) and the many-row (widened, balanced tiles)
  // paths, F16 and F32.
  const KernelTable& kt = *GetParam();
  std::mt19937 rng(7);
  const int64_t n = 230, k = 300;
  const auto w = random_vec(n * k, rng);
  const auto p16 = pack<uint16_t>(w, n, k, true);
  const auto p32 = pack<float>(w, n, k, false);
  const auto a = random_vec(40 * k, rng);
  for (const bool f16 : {true, false}) {
    auto run = [&](const float* rows, int64_t m, float* c) {
      if (f16)
        kt.gemm_f16(rows, k, p16.data(), k, n, c, n, m, false);
      else
        kt.gemm_f32(rows, k, p32.data(), k, n, c, n, m, false);
    };
    std::vector<float> all(40 * n), some(40 * n);
    run(a.data(), 40, all.data());
    for (const int64_t m : {1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 15, 25, 29}) {
      for (int64_t first = 0; first + m <= 40; first += 9) {
        run(a.data() + first * k, m, some.data());
        for (int64_t i = 0; i < m * n; ++i)
          ASSERT_EQ(some[i], all[first * n + i])
              << kt.isa << " f16=" << f16 << " rows " << first << ".." << first + m - 1;
      }
    }
  }
}

TEST_P(KernelTables, ElementwiseMatchesDoubleFormulas) {
  const KernelTable& kt = *GetParam();
  std::mt19937 rng(3);
  auto x = random_vec(1000, rng, 4.0f);
  x.push_back(-100.0f);
  x.push_back(100.0f);
  x.push_back(0.0f);
  x.push_back(1e-8f);
  std::vector<float> y(x.size()), up = random_vec(x.size(), rng);
  kt.gelu_new(x.data(), x.size(), y.data());
  std::vector<float> ym(x.size());
  kt.gelu_new_mul(x.data(), up.data(), x.size(), ym.data());
  for (size_t i = 0; i < x.size(); ++i) {
    const double v = x[i];
    const double ref =
        0.5 * v * (1.0 + std::tanh(std::sqrt(2.0 / M_PI) * (v + 0.044715 * v * v * v)));
    EXPECT_NEAR(y[i], ref, 2e-6 * (std::fabs(ref) + 1e-3)) << kt.isa << " x=" << v;
    EXPECT_NEAR(ym[i], ref * up[i], 2e-6 * (std::fabs(ref * up[i]) + 1e-3));
  }
  // RMS norm
  const int64_t dim = 77;
  auto r = random_vec(3 * dim, rng), wt = random_vec(dim, rng);
  std::vector<float> out(3 * dim);
  kt.rms_norm(r.data(), 3, dim, dim, wt.data(), 1e-6f, out.data(), dim);
  for (int64_t row = 0; row < 3; ++row) {
    double ss = 0;
    for (int64_t i = 0; i < dim; ++i) ss += double(r[row * dim + i]) * r[row * dim + i];
    const double inv = 1.0 / std::sqrt(ss / dim + 1e-6);
    for (int64_t i = 0; i < dim; ++i)
      EXPECT_NEAR(out[row * dim + i], wt[i] * r[row * dim + i] * inv, 1e-5);
  }
  // softmax, including a large spread
  auto s = random_vec(50, rng, 20.0f);
  std::vector<double> e(s.size());
  double mx = -1e300, sum = 0;
  for (float v : s) mx = std::max(mx, double(v));
  for (size_t i = 0; i < s.size(); ++i) sum += e[i] = std::exp(double(s[i]) - mx);
  kt.softmax(s.data(), s.size());
  for (size_t i = 0; i < s.size(); ++i) EXPECT_NEAR(s[i], e[i] / sum, 1e-6);
}

TEST_P(KernelTables, AttentionMatchesDoubleReference) {
  const KernelTable& kt = *GetParam();
  std::mt19937 rng(11);
  for (int64_t d : {64, 40, 16}) {
    for (int64_t n : {1, 2, 17, 130}) {
      const int64_t stride = 3 * d + 5;  // keys and values interleaved like a fused qkv
      const auto q = random_vec(d, rng), kv = random_vec(n * stride + 2 * d, rng),
                 bias = random_vec(n, rng, 3.0f);
      std::vector<float> scores(n), out(d);
      for (bool with_bias : {false, true}) {
        kt.attend(q.data(), kv.data(), stride, kv.data() + d, stride, n,
                  with_bias ? bias.data() : nullptr, d, scores.data(), out.data());
        std::vector<double> p(n);
        double mx = -1e300, sum = 0;
        for (int64_t j = 0; j < n; ++j) {
          double s = with_bias ? bias[j] : 0.0;
          for (int64_t i = 0; i < d; ++i) s += double(q[i]) * kv[j * stride + i];
          p[j] = s;
          mx = std::max(mx, s);
        }
        for (auto& x : p) sum += x = std::exp(x - mx);
        for (int64_t i = 0; i < d; ++i) {
          double ref = 0;
          for (int64_t j = 0; j < n; ++j) ref += p[j] / sum * kv[j * stride + d + i];
          ASSERT_NEAR(out[i], ref, 2e-5) << kt.isa << " d=" << d << " n=" << n;
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllIsas, KernelTables, ::testing::ValuesIn(available_kernels()),
                         [](const auto& info) { return std::string(info.param->isa); });

TEST(HalfFloat, ExactRoundTripOfEveryHalf) {
  for (uint32_t h = 0; h < 65536; ++h) {
    const float f = half_to_float(static_cast<uint16_t>(h));
    if (std::isnan(f)) continue;
    ASSERT_EQ(float_to_half(f), h) << std::hex << h;
  }
  EXPECT_EQ(half_to_float(0x3C00), 1.0f);
  EXPECT_EQ(half_to_float(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
  EXPECT_TRUE(std::isinf(half_to_float(0x7C00)));
}

}  // namespace
