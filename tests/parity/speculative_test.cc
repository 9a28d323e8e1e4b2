// Speculative decoding (t5_forward.h) must change only the number of passes:
// the same tokens and bit-identical logits as plain greedy decoding, for
// drafts from the shipped table, drafts that are always wrong, drafts that
// are always right, tight output limits, and words sharing a batch.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "draft_table.h"
#include "parity_support.h"

using namespace charsiug2p::detail;

namespace {

// Logits per (word, position), in the order reported.
struct AllLogits : StepObserver {
  std::map<int, std::vector<std::vector<float>>> by_word;
  void on_logits(int word, int position, const float* logits, int vocab) override {
    auto& steps = by_word[word];
    EXPECT_EQ(static_cast<size_t>(position), steps.size()) << "positions out of order";
    steps.emplace_back(logits, logits + vocab);
  }
};

struct Word {
  std::string lang, word;
  std::string input() const { return lang + ":" + word; }
};

// Every 25th golden word: 200 words, two per language (every 250th, 20
// words, under CHARSIUG2P_GOLDEN_STRIDE=500 for the emulated arm64 run).
std::vector<Word> sample_words() {
  std::vector<Word> out;
  const auto rows = parity::read_tsv(parity::fixture_dir() + "/golden_dev_nosp.tsv");
  const size_t step = 25 * std::max<size_t>(1, parity::golden_stride() / 50);
  for (size_t i = 0; i < rows.size(); i += step) out.push_back({rows[i][0], rows[i][1]});
  return out;
}

// Under emulation (CHARSIUG2P_GOLDEN_STRIDE > 50, the arm64 run) each test
// decodes a handful of words: a decode takes seconds there.
bool light() { return parity::golden_stride() > 50; }

struct Decoded {
  std::vector<std::vector<int32_t>> ids;
  AllLogits logits;
};

Decoded decode(const T5Model& m, const std::vector<Word>& words, int max_new,
               const std::vector<std::span<const DraftBigram>>& drafts) {
  TokenBatch batch;
  for (size_t i = 0; i < words.size(); ++i)
    batch.add(encode_bytes(words[i].input()), max_new,
              drafts.empty() ? std::span<const DraftBigram>{} : drafts[i]);
  Workspace ws;
  Decoded d;
  d.ids = greedy_decode(m, batch, ws, &d.logits);
  return d;
}

void expect_same(const Decoded& plain, const Decoded& spec, const std::string& what) {
  ASSERT_EQ(plain.ids, spec.ids) << what;
  ASSERT_EQ(plain.logits.by_word.size(), spec.logits.by_word.size()) << what;
  for (const auto& [word, steps] : plain.logits.by_word) {
    const auto& other = spec.logits.by_word.at(word);
    ASSERT_EQ(steps.size(), other.size()) << what << " word " << word;
    for (size_t t = 0; t < steps.size(); ++t)
      ASSERT_EQ(steps[t], other[t]) << what << " word " << word << " position " << t;
  }
}

class Speculative : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(parity::fixture_dir())) GTEST_SKIP() << "no fixture model";
    engine_ = Engine::load_directory(parity::fixture_dir());
    words_ = sample_words();
    ASSERT_GE(words_.size(), 20u);
  }
  const T5Model& model() const { return engine_->model(); }
  std::unique_ptr<Engine> engine_;
  std::vector<Word> words_;
};

TEST_F(Speculative, ShippedTableGivesPlainGreedyResultsWordByWord) {
  size_t drafted_languages = 0;
  for (const Word& w : words_) {
    const auto table = draft_bigrams(w.lang);
    drafted_languages += !table.empty();
    expect_same(decode(model(), {w}, 127, {}), decode(model(), {w}, 127, {table}), w.input());
  }
  EXPECT_EQ(drafted_languages, words_.size()) << "every dev language has drafts";
}

TEST_F(Speculative, WrongAndPerfectDraftsChangeNothing) {
  for (size_t i = 0; i < words_.size(); i += words_.size() / (light() ? 4 : 20)) {
    const Word& w = words_[i];
    const Decoded plain = decode(model(), {w}, 127, {});
    // Always wrong: every token is followed by a byte the model never picks.
    std::vector<DraftBigram> wrong;
    for (uint16_t t = 0; t < 384; ++t) wrong.push_back({t, 3});
    expect_same(plain, decode(model(), {w}, 127, {wrong}), w.input() + " (wrong drafts)");
    // Right up to the first repeated token: the plain output's own bigrams.
    std::vector<DraftBigram> right;
    int32_t prev = 0;
    for (const int32_t t : plain.ids[0]) {
      if (std::none_of(right.begin(), right.end(),
                       [&](const DraftBigram& b) { return b.prev == prev; }))
        right.push_back({static_cast<uint16_t>(prev), static_cast<uint16_t>(t)});
      prev = t;
    }
    std::sort(right.begin(), right.end(), [](auto a, auto b) { return a.prev < b.prev; });
    expect_same(plain, decode(model(), {w}, 127, {right}), w.input() + " (own drafts)");
  }
}

TEST_F(Speculative, OutputLimitsHoldWithDrafts) {
  for (size_t i = 0; i < words_.size(); i += words_.size() / (light() ? 2 : 10))
    for (const int max_new : {1, 2, 3, 5}) {
      const Word& w = words_[i];
      const Decoded spec = decode(model(), {w}, max_new, {draft_bigrams(w.lang)});
      EXPECT_LE(spec.ids[0].size(), static_cast<size_t>(max_new));
      expect_same(decode(model(), {w}, max_new, {}), spec,
                  w.input() + " max_new " + std::to_string(max_new));
    }
}

TEST_F(Speculative, WordsSharingABatchGetTheirOwnResults) {
  // Batches of 1 to 5 words: with few words left every word drafts; words
  // finish at different passes and positions diverge.
  for (size_t size = 1; size <= 5; ++size) {
    for (size_t start = 0; start + size <= (light() ? 8 : 40); start += 7) {
      std::vector<Word> group(words_.begin() + start, words_.begin() + start + size);
      std::vector<std::span<const DraftBigram>> drafts;
      for (const Word& w : group) drafts.push_back(draft_bigrams(w.lang));
      const Decoded together = decode(model(), group, 127, drafts);
      for (size_t i = 0; i < group.size(); ++i) {
        const Decoded alone = decode(model(), {group[i]}, 127, {});
        ASSERT_EQ(alone.ids[0], together.ids[i]) << group[i].input();
        const auto& a = alone.logits.by_word.at(0);
        const auto& t = together.logits.by_word.at(static_cast<int>(i));
        ASSERT_EQ(a, t) << group[i].input() << " in a batch of " << size;
      }
    }
  }
}

}  // namespace
