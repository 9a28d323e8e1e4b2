// C entry points of the elementwise kernels: thin forwards to the table
// chosen at load time.
#include "chrt/runtime.h"
#include "kernel_table.h"

using chrt::detail::kernels;

extern "C" {

CHRT_API void chrt_rms_norm(const float* x, int64_t rows, int64_t dim, int64_t ldx,
                            const float* weight, float eps, float* y, int64_t ldy) {
  kernels().rms_norm(x, rows, dim, ldx, weight, eps, y, ldy);
}

CHRT_API void chrt_gelu_new_mul(const float* gate, const float* up, int64_t n, float* out) {
  kernels().gelu_new_mul(gate, up, n, out);
}

CHRT_API void chrt_gelu_new(const float* x, int64_t n, float* out) {
  kernels().gelu_new(x, n, out);
}

CHRT_API void chrt_relu(const float* x, int64_t n, float* out) {
  for (int64_t i = 0; i < n; ++i) out[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

CHRT_API void chrt_softmax(float* x, int64_t n) { kernels().softmax(x, n); }

CHRT_API int64_t chrt_argmax(const float* x, int64_t n) {
  int64_t best = 0;
  for (int64_t i = 1; i < n; ++i)
    if (x[i] > x[best]) best = i;
  return best;
}

CHRT_API float chrt_dot(const float* a, const float* b, int64_t n) {
  return kernels().dot(a, b, n);
}

CHRT_API void chrt_axpy(float a, const float* x, float* y, int64_t n) {
  kernels().axpy(a, x, y, n);
}

CHRT_API void chrt_attend(const float* q, const float* k, int64_t k_stride, const float* v,
                          int64_t v_stride, int64_t n, const float* bias, int64_t d, float* scores,
                          float* out) {
  kernels().attend(q, k, k_stride, v, v_stride, n, bias, d, scores, out);
}

}  // extern "C"
