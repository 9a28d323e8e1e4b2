// Greedy outputs of the fixture checkpoint against transformers' own
// (../shared/fixtures/tiny-g2p-8x4/golden_dev_{nosp,sp}.tsv: fp32 on GPU,
// max_length 128, i.e. at most 127 generated tokens).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "parity_support.h"

using namespace charsiug2p::detail;

namespace {

void check_golden(const std::string& file, bool space) {
  const std::string path = parity::fixture_dir() + "/" + file;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  const auto engine = Engine::load_directory(parity::fixture_dir());
  const auto rows = parity::read_tsv(path);
  ASSERT_EQ(rows.size(), 5000u);
  std::vector<std::string_view> words, langs;
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 4u);
    langs.push_back(r[0]);
    words.push_back(r[1]);
  }
  CallOptions o;
  o.space_after_colon = space;
  o.max_output_len = 127;
  o.num_threads = 2;
  const auto out = engine->phonemize(words, langs, o);
  size_t same = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(out[i].code, CHARSIUG2P_OK) << out[i].message;
    if (out[i].text == rows[i][3]) {
      ++same;
      continue;
    }
    // A mismatch must be a near tie: find the first differing byte (= step,
    // one token per byte) and the top-2 logit gap we saw there.
    const std::string& ours = out[i].text;
    const std::string& theirs = rows[i][3];
    size_t step = 0;
    while (step < ours.size() && step < theirs.size() && ours[step] == theirs[step]) ++step;
    parity::Recorder rec;
    parity::decode_one(engine->model(), prefixed_input(langs[i], words[i], space), 127, &rec);
    ASSERT_LT(step, rec.steps.size());
    const float margin = parity::top2_margin(rec.steps[step]);
    std::printf("mismatch %s %s at step %zu: top-2 margin %.3g\n  ours   %s\n  theirs %s\n",
                rows[i][0].c_str(), rows[i][1].c_str(), step, margin, ours.c_str(), theirs.c_str());
    EXPECT_LT(margin, 2e-3) << "a mismatch that is not a near tie";
  }
  std::printf("%s: %zu / %zu identical\n", file.c_str(), same, rows.size());
  EXPECT_GE(same, 4990u);  // >= 99.8%
}

TEST(GoldenFixture, NoSpaceAfterColon) { check_golden("golden_dev_nosp.tsv", false); }
TEST(GoldenFixture, SpaceAfterColon) { check_golden("golden_dev_sp.tsv", true); }

}  // namespace
