// The shipped draft table: every language the models know has drafts, each
// language's bigrams are sorted and unique (draft_next binary-searches
// them), and they hold only tokens a model can emit.
#include <gtest/gtest.h>

#include "draft_table.h"
#include "languages.h"

using namespace charsiug2p::detail;

TEST(DraftTable, EveryLanguageHasSortedValidBigrams) {
  for (const std::string_view lang : language_codes()) {
    const auto table = draft_bigrams(lang);
    if (lang == "unk") {
      EXPECT_TRUE(table.empty());
      continue;
    }
    ASSERT_GE(table.size(), 10u) << lang;
    EXPECT_EQ(table.front().prev, 0) << lang << ": no draft for the first token";
    for (size_t i = 0; i < table.size(); ++i) {
      if (i > 0) {
        EXPECT_LT(table[i - 1].prev, table[i].prev) << lang;
      }
      EXPECT_TRUE(table[i].next == 1 || (table[i].next >= 3 && table[i].next < 259)) << lang;
      EXPECT_EQ(draft_next(table, table[i].prev), table[i].next) << lang;
    }
  }
}

TEST(DraftTable, MissingEntriesAndLanguagesGiveNothing) {
  EXPECT_TRUE(draft_bigrams("xx-none").empty());
  EXPECT_TRUE(draft_bigrams("").empty());
  EXPECT_EQ(draft_next({}, 0), -1);
  const auto eng = draft_bigrams("eng-us");
  EXPECT_EQ(draft_next(eng, 2), -1);  // unk never precedes anything
  EXPECT_EQ(draft_next(eng, 1000), -1);
  // After the lead byte of an IPA letter (0xCA: ʊ ʃ ʒ ...) comes a UTF-8
  // continuation byte.
  const int32_t next = draft_next(eng, 0xCA + 3);
  EXPECT_GE(next, 0x80 + 3);
  EXPECT_LE(next, 0xBF + 3);
}
