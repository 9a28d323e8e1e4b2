// Number expansion: grouping and decimal separators per locale, signs,
// ordinals, years, long digit strings, and the fallback where ICU has no
// spell-out rules for a language.
#include <gtest/gtest.h>

#include "number_parse.h"
#include "number_reading.h"
#include "text_test_support.h"

namespace charsiug2p::text::detail {
namespace {

// The token of `text` (a single number, maybe with a sign) in `lang`.
Token number(const std::string& text, const char* lang) {
  FakeEngine fe;
  const TextBatch b = fe.run(text, lang);
  for (const Token& t : b.tokens)
    if (t.kind == CHARSIUG2P_TEXT_NUMBER) return t;
  ADD_FAILURE() << "no number in '" << text << "'";
  return {};
}

TEST(TextNumbers, ParseFollowsTheLocaleSeparators) {
  const NumberSymbols en{U".", U","}, de{U",", U"."};
  auto parsed = [](std::string_view s, const NumberSymbols& sym) {
    const auto n = parse_number(s, sym);
    return n ? n->int_digits + "|" + n->frac_digits : std::string("none");
  };
  EXPECT_EQ(parsed("1,250", en), "1250|");
  EXPECT_EQ(parsed("1,250", de), "1|250");
  EXPECT_EQ(parsed("1.250,5", de), "1250|5");
  EXPECT_EQ(parsed("1,234,567.25", en), "1234567|25");
  EXPECT_EQ(parsed("1,25", en), "none");  // not a thousands group
  EXPECT_EQ(parsed("1,2345", en), "none");
  EXPECT_EQ(parsed("1.2.3", en), "none");  // two decimal separators
  EXPECT_EQ(parsed("1,250.5.5", en), "none");
  EXPECT_EQ(parsed("1,00,000", en), "100000|");  // Indian grouping
  EXPECT_EQ(parsed("١٢٣", en), "123|");          // digits of any script
  EXPECT_EQ(parsed("", en), "none");
  EXPECT_EQ(parsed(",5", en), "none");
}

TEST(TextNumbers, DecimalsAndGroupingPerLanguage) {
  EXPECT_EQ(number("3.14", "eng-us").text, "three point one four");
  EXPECT_EQ(number("3,14", "ger").text, "drei Komma eins vier");
  EXPECT_EQ(number("1.250", "ger").words,
            (std::vector<std::string>{"eintausendzweihundertfünfzig"}));
  // French groups with a narrow no-break space: one number, not two.
  const Token fr = number("1\u202F250,5", "fra");
  EXPECT_EQ(fr.text, "mille deux cent cinquante virgule cinq");
  EXPECT_EQ(fr.end, std::string("1\u202F250,5").size());
}

TEST(TextNumbers, SignOnlyWhereItIsASign) {
  EXPECT_EQ(number("-5", "eng-us").text, "minus five");
  EXPECT_EQ(number("-5", "eng-us").flags, CHARSIUG2P_TEXT_FLAG_NEGATIVE);
  EXPECT_EQ(number("(−2.5)", "eng-us").text, "minus two point five");
  FakeEngine fe;
  const std::string s = "5-3 COVID-19";
  const TextBatch b = fe.run(s, "eng-us");
  EXPECT_EQ(kinds(b), "N.N_W.N");  // a range and a name keep their hyphen
  EXPECT_EQ(b.joined[0], "<five>-<three> <COVID>-<nineteen>");
}

TEST(TextNumbers, WrittenOrdinals) {
  EXPECT_EQ(number("3rd", "eng-us").text, "third");
  EXPECT_EQ(number("21ST", "eng-us").text, "twenty-first");
  EXPECT_EQ(number("3rd", "eng-us").flags, CHARSIUG2P_TEXT_FLAG_ORDINAL);
  EXPECT_EQ(number("1er", "fra").text, "premier");
  EXPECT_EQ(number("1re", "fra").text, "première");
  EXPECT_EQ(number("2e", "fra").text, "deuxième");
  EXPECT_EQ(number("2º", "spa").text, "segundo");
  EXPECT_EQ(number("3ª", "spa").text, "tercera");
  // A suffix another language uses is not an ordinal here: split instead.
  FakeEngine fe;
  const TextBatch b = fe.run("3rd", "ger");
  EXPECT_EQ(kinds(b), "NW");
  EXPECT_EQ(b.tokens[0].text, "drei");
}

TEST(TextNumbers, YearsOnlyForFourBareDigits) {
  EXPECT_EQ(number("1984", "eng-us").flags, CHARSIUG2P_TEXT_FLAG_YEAR);
  EXPECT_EQ(number("1984", "eng-us").text, "nineteen eighty-four");
  EXPECT_EQ(number("1,984", "eng-us").flags, 0u);
  EXPECT_EQ(number("3984", "eng-us").flags, 0u);
  EXPECT_EQ(number("984", "eng-us").flags, 0u);
}

TEST(TextNumbers, LongDigitStrings) {
  EXPECT_EQ(number("007", "eng-us").text, "zero zero seven");
  const std::string twenty(20, '9');
  EXPECT_EQ(number(twenty, "eng-us").words.size(), 20u);  // beyond int64: digit by digit
  const Token huge = number(std::string(kMaxSpelledDigits + 1, '1'), "eng-us");
  EXPECT_EQ(huge.flags, CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT);
  EXPECT_NE(huge.message.find("too long"), std::string::npos);
  EXPECT_EQ(number("3.1415926535897932384", "eng-us").flags, CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT);
}

TEST(TextNumbers, MalformedDigitStringsAreReadPieceByPiece) {
  FakeEngine fe;
  const TextBatch b = fe.run("1,2,3", "eng-us");
  EXPECT_EQ(kinds(b), "N.N.N");
  EXPECT_EQ(b.joined[0], "<one>,<two>,<three>");
}

TEST(TextNumbers, LettersAndDigitsMixed) {
  FakeEngine fe;
  const TextBatch b = fe.run("MP3 4K v1.2", "eng-us");
  EXPECT_EQ(kinds(b), "WN_NW_WN");
  EXPECT_EQ(fe.last_words(),
            (std::vector<std::string>{"MP", "three", "four", "K", "v", "one", "point", "two"}));
}

TEST(TextNumbers, NoSpellOutRulesKeepsDigitsWithANote) {
  for (const char* lang : {"urd", "unk", "lat-clas"}) {
    FakeEngine fe;
    const TextBatch b = fe.run("x 12", lang);
    ASSERT_EQ(kinds(b), "W_N") << lang;
    const Token& n = b.tokens[2];
    EXPECT_EQ(n.flags, CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT) << lang;
    EXPECT_EQ(n.text, "12");
    EXPECT_NE(n.message.find("no ICU spell-out rules"), std::string::npos) << n.message;
    EXPECT_EQ(fe.last_words(), (std::vector<std::string>{"x", "12"}));  // the model reads them
    EXPECT_EQ(n.phonemes, "<12>");
  }
  // Without spell-out a minus stays punctuation.
  FakeEngine fe;
  EXPECT_EQ(kinds(fe.run("-5", "urd")), ".N");
}

}  // namespace
}  // namespace charsiug2p::text::detail
