// Inline overrides and malformed input: unbalanced brackets, invalid UTF-8,
// control characters, NUL bytes, 1 MB lines. Nothing crashes and no byte
// is lost: the tokens always tile the input.
#include <gtest/gtest.h>

#include "overrides.h"
#include "text_test_support.h"

namespace charsiug2p::text::detail {
namespace {

using Words = std::vector<std::string>;

TEST(TextOverrides, MarkupIsFound) {
  const std::string s = "Say [Kokoro](/kəˈkɔɹo/) and [New York](/nuː jɔɹk/).";
  const auto marks = find_overrides(s);
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(s.substr(marks[0].text_begin, marks[0].text_end - marks[0].text_begin), "Kokoro");
  EXPECT_EQ(s.substr(marks[0].phonemes_begin, marks[0].phonemes_end - marks[0].phonemes_begin),
            "kəˈkɔɹo");
  EXPECT_EQ(s.substr(marks[1].begin, marks[1].end - marks[1].begin), "[New York](/nuː jɔɹk/)");
}

TEST(TextOverrides, OnlyTheSlashFormIsAnOverride) {
  for (const char* s : {"[a](b)", "[a](/b)", "[a]", "[](/x/)", "[ ](/x/)", "a](/x/)", "[a(/x/)",
                        "[a] (/x/)", "[[[[", "]]]]", "[a](/", "(/x/)"})
    EXPECT_TRUE(find_overrides(s).empty()) << s;
  // The innermost bracket pair is the candidate; an empty override is silence.
  const auto m = find_overrides("[a [b](/x/) [c](//)");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].begin, 3u);
  EXPECT_EQ(m[1].phonemes_begin, m[1].phonemes_end);
}

TEST(TextOverrides, TheOverrideIsNeverAskedOfTheModel) {
  FakeEngine fe;
  const std::string s = "Hi [Kokoro](/kəˈkɔɹo/), [New York](/nuː jɔɹk/)!";
  const TextBatch b = fe.run(s, "eng-us");
  EXPECT_EQ(kinds(b), "W_O._O.");
  EXPECT_EQ(fe.last_words(), (Words{"Hi"}));
  EXPECT_EQ(b.tokens[2].text, "Kokoro");
  EXPECT_EQ(b.tokens[2].phonemes, "kəˈkɔɹo");
  EXPECT_EQ(b.joined[0], "<Hi> kəˈkɔɹo, nuː jɔɹk!");
  EXPECT_TRUE(tiles(b, s.size()));
}

TEST(TextInput, UnbalancedBracketsAreText) {
  FakeEngine fe;
  const std::string s = "[a [b](/x/) [c](d) [e](/f) ]] [(/";
  const TextBatch b = fe.run(s, "eng-us");
  EXPECT_TRUE(tiles(b, s.size()));
  EXPECT_EQ(fe.last_words(), (Words{"a", "c", "d", "e", "f"}));
  EXPECT_EQ(b.joined[0], "[<a> x [<c>](<d>) [<e>](/<f>) ]] [(/");
}

TEST(TextInput, InvalidUtf8KeepsItsPlace) {
  FakeEngine fe;
  const std::string s =
      "ab\xff\xfe"
      "cd \xe2\x82 ok \xed\xa0\x80";  // bad bytes, cut, surrogate
  const TextBatch b = fe.run(s, "eng-us");
  EXPECT_TRUE(tiles(b, s.size()));
  EXPECT_EQ(kinds(b), "W.W_._W_.");
  EXPECT_EQ(b.tokens[1].error, CHARSIUG2P_ERR_INVALID_UTF8);
  EXPECT_EQ(b.tokens[1].text, "\xff\xfe");
  EXPECT_EQ(b.failures, 3u);
  EXPECT_EQ(fe.last_words(), (Words{"ab", "cd", "ok"}));
  EXPECT_EQ(b.joined[0], "<ab> <cd> <ok>");  // the bad bytes are left out of the joined form
}

TEST(TextInput, ControlCharactersAndNulSeparateWords) {
  FakeEngine fe;
  const std::string s = std::string(
                            "a\x01"
                            "b\tc\r\n") +
                        '\0' +
                        "d\x7f"
                        "e";
  const TextBatch b = fe.run(s, "eng-us");
  EXPECT_TRUE(tiles(b, s.size()));
  EXPECT_EQ(fe.last_words(), (Words{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(b.joined[0], "<a> <b> <c> <d> <e>");
}

TEST(TextInput, InvisibleCharactersLeaveTheWordForm) {
  FakeEngine fe;
  // Soft hyphen, zero-width space inside words; decomposed é; curly apostrophe.
  const TextBatch b = fe.run("Kin\u00ADder caf\u0065\u0301 don\u2019t", "eng-us");
  EXPECT_EQ(fe.last_words(), (Words{"Kinder", "café", "don't"}));
}

TEST(TextInput, EmptyAndSeparatorOnlyTexts) {
  FakeEngine fe;
  EXPECT_TRUE(fe.run("", "eng-us").tokens.empty());
  const TextBatch b = fe.run(" \t\n", "eng-us");
  EXPECT_TRUE(tiles(b, 3));
  EXPECT_EQ(b.joined[0], "");
  EXPECT_EQ(fe.log->calls.size(), 2u);  // still one word call each (options are checked)
}

TEST(TextInput, OneMegabyteLines) {
  const size_t mb = 1 << 20;
  std::string words;
  while (words.size() < mb) words += "alpha beta, gamma! ";
  for (const std::string& s : {words, std::string(mb, 'a'), std::string(mb, '7'),
                               std::string(mb, '['), std::string(mb, '\xff')}) {
    FakeEngine fe;
    const TextBatch b = fe.run(s, "eng-us");
    EXPECT_TRUE(tiles(b, s.size())) << s.substr(0, 10);
    EXPECT_EQ(fe.log->calls.size(), 1u);
  }
  // Running text: the three distinct words go to the model once.
  FakeEngine fe;
  const TextBatch b = fe.run(words, "eng-us");
  EXPECT_EQ(fe.last_words(), (Words{"alpha", "beta", "gamma"}));
  EXPECT_EQ(b.joined[0].substr(0, 31), "<alpha> <beta>, <gamma>! <alpha");
}

TEST(TextInput, OneMegabyteOfThaiAndHan) {
  std::string thai, han;
  while (thai.size() < (1 << 20)) thai += "สวัสดีครับแมว";
  while (han.size() < (1 << 20)) han += "我爱北京天安门";
  for (const auto& [s, lang] : {std::pair{thai, "tha"}, std::pair{han, "zho-s"}}) {
    FakeEngine fe;
    EXPECT_TRUE(tiles(fe.run(s, lang), s.size())) << lang;
  }
}

}  // namespace
}  // namespace charsiug2p::text::detail
