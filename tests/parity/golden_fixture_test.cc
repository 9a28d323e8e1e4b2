// Greedy outputs of the fixture checkpoint against transformers' own
// (../shared/fixtures/tiny-g2p-8x4/golden_dev_{nosp,sp}.tsv: fp32 on GPU,
// max_length 128, i.e. at most 127 generated tokens).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "parity_support.h"

using namespace charsiug2p::detail;

namespace {

void check_golden(const std::string& file, bool space) {
  const std::string path = parity::fixture_dir() + "/" + file;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  const auto engine = Engine::load_directory(parity::fixture_dir());
  const auto all_rows = parity::read_tsv(path);
  ASSERT_EQ(all_rows.size(), 5000u);
  const size_t stride = parity::golden_stride();
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < all_rows.size(); i += stride) rows.push_back(all_rows[i]);
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
    const float margin = parity::mismatch_margin(engine->model(), langs[i], words[i], space,
                                                 out[i].text, rows[i][3]);
    EXPECT_GE(margin, 0.0f) << "outputs part after our decode ended";
    EXPECT_LT(margin, 2e-3) << "a mismatch that is not a near tie";
  }
  std::printf("%s: %zu / %zu identical\n", file.c_str(), same, rows.size());
  EXPECT_GE(same * 1000, rows.size() * 998);  // >= 99.8%
}

TEST(GoldenFixture, NoSpaceAfterColon) { check_golden("golden_dev_nosp.tsv", false); }
TEST(GoldenFixture, SpaceAfterColon) { check_golden("golden_dev_sp.tsv", true); }

}  // namespace
