// Attention pieces shared by the encoder and decoder.
#pragma once

#include <cstdint>
#include <vector>

namespace charsiug2p::detail {

// transformers' T5Attention._relative_position_bucket, in the same float32
// arithmetic so bucket edges agree. relative_position = key - query.
int relative_position_bucket(int relative_position, bool bidirectional, int num_buckets,
                             int max_distance);

// out[0..d) = sum_j softmax_j(q . k_j + bias_j) v_j over n keys. T5 does not
// scale scores by 1/sqrt(d). bias may be null. scores needs n floats.
void attend_one(const float* q, const float* k, int64_t k_stride, const float* v, int64_t v_stride,
                int n, const float* bias, int d, float* scores, float* out);

}  // namespace charsiug2p::detail
