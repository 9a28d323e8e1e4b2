// GFLOP/s of chrt_matmul at the shapes the G2P model uses, F16 and F32
// weights; with oneDNN's sgemm beside it when built with CHARSIUG2P_BENCH_DNNL
// (the measurement behind choosing our own kernels).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "chrt/runtime.h"
#ifdef CHARSIUG2P_BENCH_DNNL
#include <dnnl.h>
#endif

namespace {

double seconds_per_call(auto&& fn) {
  fn();
  double best = 1e30;
  for (int rep = 0; rep < 5; ++rep) {
    int calls = 0;
    const auto t0 = std::chrono::steady_clock::now();
    double el = 0;
    do {
      fn();
      ++calls;
      el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    } while (el < 0.05);
    best = std::min(best, el / calls);
  }
  return best;
}

}  // namespace

int main() {
  std::mt19937 rng(1);
  std::normal_distribution<float> d;
  std::printf("kernels: %s (single thread)\n", chrt_kernel_isa());
  std::printf("%6s %6s %6s  %10s %10s %10s\n", "M", "K", "N", "f16 GF/s", "f32 GF/s", "dnnl GF/s");
  const int shapes[][3] = {{1, 256, 1152},   {1, 1024, 256},  {8, 256, 2048}, {64, 256, 1152},
                           {64, 256, 2048},  {64, 1024, 256}, {64, 256, 384}, {960, 256, 1152},
                           {960, 256, 2048}, {960, 1024, 256}};
  for (const auto& s : shapes) {
    const int m = s[0], k = s[1], n = s[2];
    std::vector<float> a(m * k), w(n * k), c(m * n);
    for (auto& x : a) x = d(rng);
    for (auto& x : w) x = d(rng);
    std::vector<uint16_t> h(n * k);
    chrt_tensor_info f32info{"w", CHRT_DTYPE_F32, 2, {n, k}, w.data(), uint64_t(n) * k * 4};
    std::vector<float> hw(n * k);
    // F16 copy of the same weights via the runtime's conversion path.
    for (size_t i = 0; i < w.size(); ++i) {
      _Float16 v = static_cast<_Float16>(w[i]);
      __builtin_memcpy(&h[i], &v, 2);
    }
    chrt_tensor_info f16info{"w", CHRT_DTYPE_F16, 2, {n, k}, h.data(), uint64_t(n) * k * 2};
    chrt_matrix *m16 = nullptr, *m32 = nullptr;
    chrt_matrix_create(&f16info, 1, &m16);
    chrt_matrix_create(&f32info, 1, &m32);
    const double flop = 2.0 * m * n * k;
    const double t16 = seconds_per_call([&] { chrt_matmul(m16, a.data(), m, k, c.data(), n, 0); });
    const double t32 = seconds_per_call([&] { chrt_matmul(m32, a.data(), m, k, c.data(), n, 0); });
    double tdnnl = 0;
#ifdef CHARSIUG2P_BENCH_DNNL
    tdnnl = seconds_per_call(
        [&] { dnnl_sgemm('N', 'T', m, n, k, 1.0f, a.data(), k, w.data(), k, 0.0f, c.data(), n); });
#endif
    std::printf("%6d %6d %6d  %10.1f %10.1f %10.1f\n", m, k, n, flop / t16 * 1e-9,
                flop / t32 * 1e-9, tdnnl > 0 ? flop / tdnnl * 1e-9 : 0.0);
    chrt_matrix_free(m16);
    chrt_matrix_free(m32);
  }

  // One decoder step of the fixture model (4 layers: self qkv and o, cross
  // q and o, gated FFN, then lm_head; 11 MB of F16, more than L2) for a few
  // rows: what verifying drafted tokens costs next to decoding one.
  const int step_shapes[][2] = {{256, 1152}, {384, 256},  {256, 384},
                                {384, 256},  {256, 2048}, {1024, 256}};
  std::vector<chrt_matrix*> step;
  std::vector<std::vector<uint16_t>> store;
  auto add = [&](int k, int n) {
    store.emplace_back(static_cast<size_t>(n) * k);
    for (auto& v : store.back()) {
      _Float16 x = static_cast<_Float16>(d(rng) * 0.05f);
      __builtin_memcpy(&v, &x, 2);
    }
    chrt_tensor_info info{"w", CHRT_DTYPE_F16, 2, {n, k}, store.back().data(), uint64_t(n) * k * 2};
    chrt_matrix* mat = nullptr;
    chrt_matrix_create(&info, 1, &mat);
    step.push_back(mat);
  };
  for (int layer = 0; layer < 4; ++layer)
    for (const auto& s : step_shapes) add(s[0], s[1]);
  add(256, 384);
  std::printf("\ndecoder step, fixture shapes (%zu matrices, F16):\n%6s %10s\n", step.size(),
              "rows", "us/step");
  for (int rows = 1; rows <= 6; ++rows) {
    std::vector<float> x(static_cast<size_t>(rows) * 2048, 0.5f),
        y(static_cast<size_t>(rows) * 2048);
    const double t = seconds_per_call([&] {
      for (chrt_matrix* mat : step)
        chrt_matmul(mat, x.data(), rows, chrt_matrix_k(mat), y.data(), chrt_matrix_n(mat), 0);
    });
    std::printf("%6d %10.1f\n", rows, t * 1e6);
  }
  for (chrt_matrix* mat : step) chrt_matrix_free(mat);

  // A whole fixture encoder pass over one word's rows (8 layers: qkv, o and
  // the gated FFN; layer 0's qkv is a table lookup), F16 weights (16 MB):
  // the compute-bound part of single-word latency (dev words: 15.4 rows on
  // average with their prefix).
  step.clear();
  const int enc_shapes[][2] = {{256, 1152}, {384, 256}, {256, 2048}, {1024, 256}};
  double enc_flop_per_row = 0;
  for (int layer = 0; layer < 8; ++layer)
    for (int i = layer == 0 ? 1 : 0; i < 4; ++i) {
      add(enc_shapes[i][0], enc_shapes[i][1]);
      enc_flop_per_row += 2.0 * enc_shapes[i][0] * enc_shapes[i][1];
    }
  std::printf("\nencoder pass, fixture shapes (%zu matrices, F16):\n%6s %10s %10s\n", step.size(),
              "rows", "us/pass", "GF/s");
  for (int rows : {8, 12, 16, 20, 24, 32}) {
    std::vector<float> x(static_cast<size_t>(rows) * 2048, 0.5f),
        y(static_cast<size_t>(rows) * 2048);
    const double t = seconds_per_call([&] {
      for (chrt_matrix* mat : step)
        chrt_matmul(mat, x.data(), rows, chrt_matrix_k(mat), y.data(), chrt_matrix_n(mat), 0);
    });
    std::printf("%6d %10.1f %10.1f\n", rows, t * 1e6, enc_flop_per_row * rows / t * 1e-9);
  }
  for (chrt_matrix* mat : step) chrt_matrix_free(mat);
}
