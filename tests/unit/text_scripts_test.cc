// Segmentation, punctuation placement and number expansion per script
// family, seen through the token structure and the words the text front end
// hands to the word engine (a fake here: no model outputs are involved).
// Number words are ICU's CLDR spell-out data.
#include <gtest/gtest.h>

#include <algorithm>

#include "text_test_support.h"

namespace charsiug2p::text::detail {
namespace {

using Words = std::vector<std::string>;

TEST(TextScripts, LatinIssueSentence) {
  FakeEngine fe;
  const std::string s = "Dr. Smith paid $1,250 on 3 May 2024, didn't he?";
  const TextBatch b = fe.run(s, "eng-us");
  EXPECT_EQ(kinds(b), "W._W_W_.N_W_N_W_N._W_W.");
  EXPECT_EQ(fe.last_words(),
            (Words{"Dr", "Smith", "paid", "one", "thousand", "two", "hundred", "fifty", "on",
                   "three", "May", "twenty", "four", "didn't", "he"}));
  EXPECT_EQ(b.joined[0],
            "<Dr>. <Smith> <paid> $<one> <thousand> <two> <hundred> <fifty> <on> <three> <May> "
            "<twenty> <twenty> <four>, <didn't> <he>?");
  EXPECT_TRUE(tiles(b, s.size()));
  // The year is read as one, "1,250" (grouped) as a cardinal.
  EXPECT_EQ(b.tokens[16].text, "twenty twenty-four");
  EXPECT_EQ(b.tokens[16].flags, CHARSIUG2P_TEXT_FLAG_YEAR);
  EXPECT_EQ(b.tokens[8].text, "one thousand two hundred fifty");
  EXPECT_EQ(b.tokens[8].flags, 0u);
  EXPECT_EQ(b.model_words, 15u);  // "twenty" twice, handed over once
}

TEST(TextScripts, Cyrillic) {
  FakeEngine fe;
  const std::string s = "У меня 3 кота, 25,5 кг.";
  const TextBatch b = fe.run(s, "rus");
  EXPECT_EQ(kinds(b), "W_W_N_W._N_W.");
  EXPECT_EQ(sources(b, s)[9], "25,5");  // the Russian decimal comma
  EXPECT_EQ(fe.last_words(),
            (Words{"У", "меня", "три", "кота", "двадцать", "пять", "целых", "десятых", "кг"}));
  EXPECT_EQ(b.joined[0],
            "<У> <меня> <три> <кота>, <двадцать> <пять> <целых> <пять> <десятых> <кг>.");
}

TEST(TextScripts, ArabicWithArabicIndicAndLatinDigits) {
  FakeEngine fe;
  const std::string s = "مرحبا بالعالم، ١٢٣ و 45.";
  const TextBatch b = fe.run(s, "ara");
  EXPECT_EQ(kinds(b), "W_W._N_W_N.");
  EXPECT_EQ(sources(b, s)[3], "،");  // Arabic comma kept in place
  EXPECT_EQ(b.tokens[5].text, "مائة وثلاثة وعشرون");
  EXPECT_EQ(b.tokens[9].text, "خمسة وأربعون");
  EXPECT_EQ(b.joined[0], "<مرحبا> <بالعالم>، <مائة> <وثلاثة> <وعشرون> <و> <خمسة> <وأربعون>.");
}

TEST(TextScripts, DevanagariWithDanda) {
  FakeEngine fe;
  const std::string s = "नमस्ते दुनिया। मेरे पास १२ किताबें हैं।";
  const TextBatch b = fe.run(s, "hin");
  EXPECT_EQ(kinds(b), "W_W._W_W_N_W_W.");
  EXPECT_EQ(fe.last_words(), (Words{"नमस्ते", "दुनिया", "मेरे", "पास", "बारह", "किताबें", "हैं"}));
  EXPECT_EQ(b.joined[0], "<नमस्ते> <दुनिया>। <मेरे> <पास> <बारह> <किताबें> <हैं>।");
}

TEST(TextScripts, ThaiWithoutSpaces) {
  FakeEngine fe;
  const std::string s = "สวัสดีครับ แมว 3 ตัว";
  const TextBatch b = fe.run(s, "tha");
  // Two dictionary words where the text has no space between them; the
  // joined form marks the boundary.
  EXPECT_EQ(kinds(b), "WW_W_N_W");
  EXPECT_EQ(fe.last_words(), (Words{"สวัสดี", "ครับ", "แมว", "สาม", "ตัว"}));
  EXPECT_EQ(b.joined[0], "<สวัสดี> <ครับ> <แมว> <สาม> <ตัว>");
}

TEST(TextScripts, ThaiSpellOutIsCutIntoWords) {
  FakeEngine fe;
  // ICU's Thai rules write U+200B between number words; the model gets words.
  const TextBatch b = fe.run("1250", "tha");
  ASSERT_EQ(kinds(b), "N");
  EXPECT_GE(b.tokens[0].words.size(), 4u);
  for (const std::string& w : b.tokens[0].words)
    EXPECT_EQ(w.find("\u200B"), std::string::npos) << w;
}

TEST(TextScripts, KhmerLaoBurmeseAreSegmented) {
  for (const auto& [lang, text] :
       std::vector<std::pair<const char*, std::string>>{{"khm", "សួស្តីពិភពលោក"}, {"bur", "မင်္ဂလာပါ"}}) {
    FakeEngine fe;
    const TextBatch b = fe.run(text, lang);
    EXPECT_EQ(kinds(b), "WW") << lang;
    EXPECT_TRUE(tiles(b, text.size())) << lang;
  }
}

TEST(TextScripts, ChineseDictionaryWordsAndYear) {
  FakeEngine fe;
  const std::string s = "我爱北京天安门。今天是2024年5月3日";
  const TextBatch b = fe.run(s, "zho-s");
  EXPECT_EQ(kinds(b), "WWWW.WNWNWNW");
  EXPECT_EQ(sources(b, s)[2], "北京");
  EXPECT_EQ(sources(b, s)[4], "。");
  EXPECT_EQ(b.tokens[6].text, "二〇二四");  // year reading: digit by digit
  EXPECT_EQ(b.tokens[6].flags, CHARSIUG2P_TEXT_FLAG_YEAR);
  EXPECT_EQ(b.tokens[8].text, "五");
}

TEST(TextScripts, Japanese) {
  FakeEngine fe;
  const std::string s = "東京都に住んでいます。3人です。";
  const TextBatch b = fe.run(s, "jpn");
  const auto src = sources(b, s);
  EXPECT_EQ(src[0], "東京");
  EXPECT_EQ(b.tokens[b.tokens.size() - 1].text, "。");
  const auto three = std::find(src.begin(), src.end(), "3");
  ASSERT_NE(three, src.end());
  EXPECT_EQ(b.tokens[size_t(three - src.begin())].text, "三");
  EXPECT_TRUE(tiles(b, s.size()));
}

TEST(TextScripts, HangulWithCounterAfterDigits) {
  FakeEngine fe;
  const std::string s = "안녕하세요, 세계! 123개";
  const TextBatch b = fe.run(s, "kor");
  // "123개" is one ICU word: the number and the counter are split.
  EXPECT_EQ(kinds(b), "W._W._NW");
  EXPECT_EQ(fe.last_words(), (Words{"안녕하세요", "세계", "백이십삼", "개"}));
  EXPECT_EQ(b.joined[0], "<안녕하세요>, <세계>! <백이십삼> <개>");
}

}  // namespace
}  // namespace charsiug2p::text::detail
