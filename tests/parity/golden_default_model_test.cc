// Greedy outputs of the shipped default model (models/default) against
// transformers' own: tests/data/default_model_golden.tsv, made on the GPU
// machine by tools/reference/make_model_golden.py (fp32, TF32 off,
// max_new_tokens 127; 3 words per dev language + 10 with `<unk>:`, each with
// both prefix styles). Columns: lang, word, space, hex of the output bytes,
// readable text, smallest top-2 logit gap along transformers' greedy path.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "parity_support.h"

using namespace charsiug2p::detail;

namespace {

std::string from_hex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

TEST(GoldenDefaultModel, MatchesTransformers) {
  const std::string model_dir = CHARSIUG2P_DEFAULT_MODEL_DIR;
  const auto rows = parity::read_tsv(parity::test_data_dir() + "/default_model_golden.tsv");
  ASSERT_EQ(rows.size(), 620u);
  const auto engine = Engine::load_directory(model_dir);
  size_t same = 0, languages_seen = 0;
  std::string last_lang;
  for (const bool space : {false, true}) {
    std::vector<std::string_view> words, langs;
    std::vector<const std::vector<std::string>*> picked;
    for (const auto& r : rows) {
      ASSERT_EQ(r.size(), 6u);
      if ((r[2] == "1") != space) continue;
      langs.push_back(r[0]);
      words.push_back(r[1]);
      picked.push_back(&r);
      if (!space && r[0] != last_lang) ++languages_seen, last_lang = r[0];
    }
    CallOptions o;
    o.space_after_colon = space;
    o.max_output_len = 127;
    o.num_threads = 2;
    const auto out = engine->phonemize(words, langs, o);
    ASSERT_EQ(out.size(), picked.size());
    for (size_t i = 0; i < out.size(); ++i) {
      ASSERT_EQ(out[i].code, CHARSIUG2P_OK)
          << langs[i] << " " << words[i] << ": " << out[i].message;
      const std::string theirs = from_hex((*picked[i])[3]);
      if (out[i].text == theirs) {
        ++same;
        continue;
      }
      const float margin =
          parity::mismatch_margin(engine->model(), langs[i], words[i], space, out[i].text, theirs);
      EXPECT_GE(margin, 0.0f) << "outputs part after our decode ended";
      EXPECT_LT(margin, 2e-3) << "a mismatch that is not a near tie";
    }
  }
  std::printf("default model golden: %zu / %zu identical, %zu languages + unk\n", same, rows.size(),
              languages_seen - 1);
  EXPECT_GE(languages_seen, 101u);  // 100 dev languages + unk
  EXPECT_GE(same, rows.size() - 2);
}

}  // namespace
