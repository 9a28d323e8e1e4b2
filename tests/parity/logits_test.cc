// Per-step logits of the fixture checkpoint against transformers'
// (tests/data/fixture_logits.tsv, made by tools/reference/make_logits_fixture.py
// on the GPU machine in fp32).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>

#include "parity_support.h"

using namespace charsiug2p::detail;

TEST(Logits, WithinOneEMinus4OfTransformers) {
  const std::string path = parity::test_data_dir() + "/fixture_logits.tsv";
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  if (!std::filesystem::exists(parity::fixture_dir())) GTEST_SKIP() << "no fixture model";
  const auto engine = Engine::load_directory(parity::fixture_dir());
  std::map<std::string, parity::Recorder> runs;
  double worst = 0;
  size_t values = 0;
  for (const auto& r : parity::read_tsv(path)) {
    ASSERT_GE(r.size(), 4u);
    const std::string& input = r[0];
    const int step = std::stoi(r[1]);
    if (!runs.count(input)) parity::decode_one(engine->model(), input, 127, &runs[input]);
    const auto& steps = runs[input].steps;
    ASSERT_LT(static_cast<size_t>(step), steps.size()) << input;
    std::istringstream vals(r[3]);
    float v;
    size_t j = 0;
    while (vals >> v) {
      ASSERT_LT(j, steps[step].size());
      worst = std::max(worst, std::fabs(double(v) - steps[step][j]));
      ++j;
      ++values;
    }
    EXPECT_EQ(j, steps[step].size());
  }
  std::printf("%zu logits from %zu words, max |diff| %.3g\n", values, runs.size(), worst);
  EXPECT_GT(values, 1000u);
  EXPECT_LT(worst, 1e-4);
}

// Layer 0's q, k, v come from a per-token table (t5_model.h); the lookup must
// give exactly what computing them for that row would, whatever the rows.
TEST(Logits, LayerZeroTablesEqualComputedRowsBitForBit) {
  if (!std::filesystem::exists(parity::fixture_dir())) GTEST_SKIP() << "no fixture model";
  const auto engine = Engine::load_directory(parity::fixture_dir());
  const T5Model& m = engine->model();
  const T5Config& c = m.config();
  const int64_t d = c.d_model, width = 3 * c.inner_dim();
  struct Stack {
    const SelfAttentionWeights* attn;
    const std::vector<float>* table;
  };
  for (const Stack s : {Stack{&m.encoder.front().attn, &m.encoder_qkv0},
                        Stack{&m.decoder.front().self, &m.decoder_qkv0}}) {
    ASSERT_EQ(s.table->size(), static_cast<size_t>(c.vocab_size * width));
    // 1, 3 and 17 rows take the three kernel paths (one row, few rows
    // straight from F16, many rows widened).
    for (const int rows : {1, 3, 17}) {
      std::vector<int32_t> tokens;
      for (int r = 0; r < rows; ++r) tokens.push_back((r * 37 + rows * 11) % c.vocab_size);
      std::vector<float> x(rows * d), h(rows * d), y(rows * width);
      for (int r = 0; r < rows; ++r)
        std::copy_n(m.embedding.data() + tokens[r] * d, d, x.data() + r * d);
      chrt_rms_norm(x.data(), rows, d, d, s.attn->norm.data(), c.layer_norm_epsilon, h.data(), d);
      chrt_matmul(s.attn->qkv.get(), h.data(), rows, d, y.data(), width, 0);
      for (int r = 0; r < rows; ++r)
        EXPECT_EQ(0, std::memcmp(y.data() + r * width, s.table->data() + tokens[r] * width,
                                 sizeof(float) * width))
            << "token " << tokens[r] << " in a batch of " << rows;
    }
  }
}
