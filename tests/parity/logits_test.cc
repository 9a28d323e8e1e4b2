// Per-step logits of the fixture checkpoint against transformers'
// (tests/data/fixture_logits.tsv, made by tools/reference/make_logits_fixture.py
// on the GPU machine in fp32).
#include <gtest/gtest.h>

#include <cmath>
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
