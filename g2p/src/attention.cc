#include "attention.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "chrt/runtime.h"

namespace charsiug2p::detail {

int relative_position_bucket(int relative_position, bool bidirectional, int num_buckets,
                             int max_distance) {
  int bucket = 0;
  int n = num_buckets;
  int rp = relative_position;
  if (bidirectional) {
    n /= 2;
    if (rp > 0) bucket += n;
    rp = std::abs(rp);
  } else {
    rp = -std::min(rp, 0);
  }
  const int max_exact = n / 2;
  if (rp < max_exact) return bucket + rp;
  // torch: log(rp.float() / max_exact) / math.log(max_distance / max_exact)
  // * (n - max_exact), all float32, truncated toward zero.
  const float ratio = static_cast<float>(rp) / static_cast<float>(max_exact);
  const float denom = static_cast<float>(
      std::log(static_cast<double>(max_distance) / static_cast<double>(max_exact)));
  const float scaled = std::log(ratio) / denom * static_cast<float>(n - max_exact);
  const int large = std::min(max_exact + static_cast<int>(scaled), n - 1);
  return bucket + large;
}

void attend_one(const float* q, const float* k, int64_t k_stride, const float* v, int64_t v_stride,
                int n, const float* bias, int d, float* scores, float* out) {
  chrt_attend(q, k, k_stride, v, v_stride, n, bias, d, scores, out);
}

}  // namespace charsiug2p::detail
