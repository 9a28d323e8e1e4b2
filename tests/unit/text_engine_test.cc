// The engine around the tokenizer: one word call per request for all its
// texts, repeats sent once, answers and failures put back per token, the
// language table, and concurrent use of one engine.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "language_table.h"
#include "text_test_support.h"

namespace charsiug2p::text::detail {
namespace {

using Words = std::vector<std::string>;

TEST(TextEngine, ManyTextsOneWordCall) {
  FakeEngine fe;
  const std::vector<std::string_view> texts = {"the cat", "", "the dog, 2 cats"};
  const TextBatch b = fe.engine.run(texts, "eng-us", nullptr);
  ASSERT_EQ(fe.log->calls.size(), 1u);
  EXPECT_EQ(fe.last_words(), (Words{"the", "cat", "dog", "two", "cats"}));
  ASSERT_EQ(b.first, (std::vector<size_t>{0, 3, 3, 11}));
  EXPECT_EQ(b.joined, (Words{"<the> <cat>", "", "<the> <dog>, <two> <cats>"}));
  EXPECT_EQ(b.model_words, 5u);
  // Offsets are per text.
  EXPECT_EQ(b.tokens[3].begin, 0u);
}

TEST(TextEngine, FailedWordsKeepTheirTextAndOthersTheirAnswers) {
  FakeEngine fe;
  fe.log->failing = {"bad", "twelve"};
  const TextBatch b = fe.run("good bad 12 ok", "eng-us");
  EXPECT_EQ(kinds(b), "W_W_N_W");
  EXPECT_EQ(b.tokens[2].error, CHARSIUG2P_ERR_WORD_TOO_LONG);
  EXPECT_EQ(b.tokens[2].message, "fake failure");
  EXPECT_EQ(b.tokens[4].error, CHARSIUG2P_ERR_WORD_TOO_LONG);  // its word "twelve" failed
  EXPECT_EQ(b.failures, 2u);
  EXPECT_EQ(b.joined[0], "<good> bad twelve <ok>");
}

TEST(TextEngine, UnknownLanguageFailsTheRequest) {
  FakeEngine fe;
  try {
    fe.run("hello", "xx-bad");
    FAIL() << "no error";
  } catch (const TextError& e) {
    EXPECT_EQ(e.code(), CHARSIUG2P_ERR_UNKNOWN_LANGUAGE);
    EXPECT_NE(std::string(e.what()).find("xx-bad"), std::string::npos);
  }
  EXPECT_TRUE(fe.log->calls.empty());
}

TEST(TextEngine, TableCoversEveryModelLanguage) {
  std::set<std::string> table;
  for (const LanguageEntry* e = language_table_begin(); e != language_table_end(); ++e) {
    EXPECT_TRUE(table.insert(std::string(e->code)).second) << "duplicate " << e->code;
    if (e != language_table_begin()) {
      EXPECT_LT((e - 1)->code, e->code) << "unsorted";
    }
  }
  for (size_t i = 0; i < charsiug2p_language_count(); ++i)
    EXPECT_TRUE(table.count(charsiug2p_language_code(i))) << charsiug2p_language_code(i);
  EXPECT_EQ(table.size(), charsiug2p_language_count());
}

TEST(TextEngine, EveryLanguageSegmentsAndSpellsOrKeepsDigits) {
  for (size_t i = 0; i < charsiug2p_language_count(); ++i) {
    const char* lang = charsiug2p_language_code(i);
    FakeEngine fe;
    const std::string s = "abc 42.";
    const TextBatch b = fe.run(s, lang);
    EXPECT_TRUE(tiles(b, s.size())) << lang;
    ASSERT_EQ(kinds(b), "W_N.") << lang;
    const Token& n = b.tokens[2];
    if (n.flags & CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT) {
      EXPECT_EQ(n.words, Words{"42"}) << lang;
    } else {
      EXPECT_TRUE(!n.words.empty() && n.words[0] != "42") << lang;
    }
  }
}

TEST(TextEngine, ConcurrentRequestsShareOneEngine) {
  FakeEngine fe;
  const std::vector<std::pair<const char*, std::string>> work = {
      {"eng-us", "In 1999, 3 cats met 21 dogs."},
      {"tha", "สวัสดีครับ 5"},
      {"rus", "Привет, 25,5 мир"},
      {"zho-s", "我爱北京天安门2024"}};
  std::vector<std::string> expected;
  for (const auto& [lang, text] : work) expected.push_back(fe.run(text, lang).joined[0]);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const size_t k = size_t(t + i) % work.size();
        if (fe.run(work[k].second, work[k].first).joined[0] != expected[k]) ++mismatches;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace charsiug2p::text::detail
