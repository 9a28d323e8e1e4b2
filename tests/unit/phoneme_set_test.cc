// The Kokoro/misaki phoneme-set conversion: upstream's unit cases, each
// table, each tuning pass on its own, and the strategy names. Expectations
// are derived by hand from the rules (docs: upstream-behaviour.md), not
// from any model.
#include <gtest/gtest.h>

#include <string>

#include "errors.h"
#include "phoneme_passes.h"
#include "phoneme_set.h"
#include "phoneme_tables.h"
#include "utf8_text.h"

namespace {

using namespace charsiug2p::detail;

std::string convert(const std::string& set, const std::string& ipa, Region r = Region::kUs,
                    const std::string& word = "") {
  return convert_phonemes(parse_phoneme_set(set), r, ipa, word);
}

// Runs one pass on UTF-8 text.
template <class Pass>
std::string pass(Pass p, const std::string& s) {
  std::u32string cps = *to_code_points(s);
  p(cps);
  return to_utf8(cps);
}

TEST(PhonemeSet, UpstreamUnitCasesWithTheRecommendedStrategy) {
  const std::string rec = "ipa-flap-vowel-reduced";
  EXPECT_EQ(convert(rec, "bʌtəɹ"), "bʌɾəɹ");
  EXPECT_EQ(convert(rec, "ˈəb"), "ˈʌb");
  EXPECT_EQ(convert(rec, "bɪd"), "bᵻd");
  EXPECT_EQ(convert(rec, "mɪnˈtɑl"), "məntˈɑl");
  EXPECT_EQ(convert(rec, "ɜɹ"), "əɹ");
}

TEST(PhonemeSet, IpaTableThenEspeakTable) {
  EXPECT_EQ(convert("ipa", "tʃɪp"), "ʧɪp");
  EXPECT_EQ(convert("ipa", "dʒɑb"), "ʤɑb");
  EXPECT_EQ(convert("ipa", "aɪ aʊ eɪ ɔɪ"), "I W A Y");
  EXPECT_EQ(convert("ipa", "ɝ"), "ɜɹ");
  EXPECT_EQ(convert("ipa", "ɫɑ"), "lɑ");
  EXPECT_EQ(convert("ipa", "təl"), "tᵊl");
  EXPECT_EQ(convert("ipa", "tən təm"), "tᵊn tᵊm");
  // In table order: ɫ -> l first makes "əl", which the later rule then takes.
  EXPECT_EQ(convert("ipa", "bɑtəɫ"), "bɑtᵊl");
  // Diphthongs with a region rule.
  EXPECT_EQ(convert("ipa", "hoʊ"), "hO");
  EXPECT_EQ(convert("ipa", "hoʊ", Region::kGb), "hoʊ");
  EXPECT_EQ(convert("ipa", "həʊ", Region::kGb), "hQ");
  EXPECT_EQ(convert("ipa", "həʊ"), "həʊ");
  // espeak input is not read through the IPA table.
  EXPECT_EQ(convert("espeak", "tʃ"), "tʃ");
}

TEST(PhonemeSet, EspeakTable) {
  EXPECT_EQ(convert("espeak", "a\u0361ɪ a\u0361ʊ d\u0361ʒ t\u0361ʃ ɔ\u0361ɪ"), "I W ʤ ʧ Y");
  // Longest key first: e^ɪ is one symbol, not e -> A then ^ɪ.
  EXPECT_EQ(convert("espeak", "e\u0361ɪ"), "A");
  EXPECT_EQ(convert("espeak", "e^ɪ"), "A");
  EXPECT_EQ(convert("espeak", "ə\u0361l"), "ᵊl");
  EXPECT_EQ(convert("espeak", "bʌʔˌn\u0329"), "bʌtᵊn");
  EXPECT_EQ(convert("espeak", "bʌʔn\u0329"), "bʌtᵊn");
  EXPECT_EQ(convert("espeak", "bʌʔn"), "bʌtᵊn");
  EXPECT_EQ(convert("espeak", "ʔ"), "t");
  EXPECT_EQ(convert("espeak", "e r x ç ɐ ɚ ɬ"), "A ɹ k k ə əɹ l");
  EXPECT_EQ(convert("espeak", "mʲu"), "mu");
  EXPECT_EQ(convert("espeak", "ɑ\u0303"), "ɑ");
}

TEST(PhonemeSet, SyllabicMarks) {
  EXPECT_EQ(convert("espeak", "bʌtn\u0329"), "bʌtᵊn");
  EXPECT_EQ(convert("espeak", "\u0329l"), "l");      // nothing before it
  EXPECT_EQ(convert("espeak", "a \u0329l"), "a l");  // a space before it
}

TEST(PhonemeSet, RegionRules) {
  EXPECT_EQ(convert("espeak", "bɜːɹd"), "bɜɹd");
  EXPECT_EQ(convert("espeak", "bɜːd"), "bɜɹd");
  EXPECT_EQ(convert("espeak", "nɪə"), "niə");
  EXPECT_EQ(convert("espeak", "siː"), "si");
  EXPECT_EQ(convert("espeak", "niə", Region::kGb), "nɪə");
  EXPECT_EQ(convert("espeak", "ə\u0361ʊ", Region::kGb), "Q");
  EXPECT_EQ(convert("espeak", "siː", Region::kGb), "siː");
}

TEST(PhonemePasses, Vowel) {
  EXPECT_EQ(pass(vowel_pass, "mɪnˈtɑl"), "mɪntˈɑl");
  EXPECT_EQ(pass(vowel_pass, "ˈstɑp"), "stˈɑp");
  EXPECT_EQ(pass(vowel_pass, "ˈst"), "ˈst");  // no vowel to move to
  EXPECT_EQ(pass(vowel_pass, "ˈəb"), "ˈʌb");
  EXPECT_EQ(pass(vowel_pass, "ˌᵊn"), "ˌən");
  EXPECT_EQ(pass(vowel_pass, "ɜɹ"), "əɹ");
  EXPECT_EQ(pass(vowel_pass, "ˈəɹ"), "ˈɜɹ");
  EXPECT_EQ(pass(vowel_pass, "ˈɜɹ"), "ˈɜɹ");
  EXPECT_EQ(pass(vowel_pass, "bɪd hɪz"), "bᵻd hᵻz");
  EXPECT_EQ(pass(vowel_pass, "ˈɪz"), "ˈɪz");
}

TEST(PhonemePasses, Syllabic) {
  EXPECT_EQ(pass(syllabic_pass, "bɑtən"), "bɑtᵊn");
  EXPECT_EQ(pass(syllabic_pass, "lɪtəl"), "lɪtᵊl");
  EXPECT_EQ(pass(syllabic_pass, "bɑtənə"), "bɑtənə");  // a vowel follows
  EXPECT_EQ(pass(syllabic_pass, "təlo"), "təlo");
  EXPECT_EQ(pass(syllabic_pass, "tənˈɑ"), "tənˈɑ");
  EXPECT_EQ(pass(syllabic_pass, "ɑən"), "ɑən");  // no consonant before
  EXPECT_EQ(pass(syllabic_pass, "ən"), "ən");
}

TEST(PhonemePasses, Reduced) {
  EXPECT_EQ(pass(reduced_pass, "mɪntˈɑl"), "məntˈɑl");
  EXPECT_EQ(pass(reduced_pass, "ɪntˈɑl"), "ɪntˈɑl");  // no consonant before
  EXPECT_EQ(pass(reduced_pass, "bɪŋˈɑ"), "bɪŋˈɑ");    // ŋ next
  EXPECT_EQ(pass(reduced_pass, "bɪˈɑ"), "bɪˈɑ");      // stress next
  EXPECT_EQ(pass(reduced_pass, "mɪn"), "mɪn");        // no ˈ later
  EXPECT_EQ(pass(reduced_pass, "ˈmɪn"), "ˈmɪn");
  EXPECT_EQ(pass(reduced_pass, "dɪsɪdˈɑ"), "dəsədˈɑ");
}

TEST(PhonemePasses, Rhotic) {
  EXPECT_EQ(pass(rhotic_pass, "fIɹ"), "fIəɹ");
  EXPECT_EQ(pass(rhotic_pass, "aWɹz"), "aWəɹz");
  EXPECT_EQ(pass(rhotic_pass, "fIɹɑ"), "fIɹɑ");
  EXPECT_EQ(pass(rhotic_pass, "fAɹ"), "fAɹ");
}

TEST(PhonemePasses, Prefix) {
  auto run = [](const std::string& word, const std::string& s) {
    return pass([&](std::u32string& c) { prefix_pass(c, word); }, s);
  };
  EXPECT_EQ(run("understand", "ˈʌndəɹˌstænd"), "ˌʌndəɹˈstænd");
  EXPECT_EQ(run("undo", "ˈʌnˌdu"), "ʌnˈdu");                   // swapped, then un's ˌ dropped
  EXPECT_EQ(run("react", "ɹˌiˈækt"), "ɹiˈækt");                // already ˌ first: only the drop
  EXPECT_EQ(run("Intertwine", "ˈɪntəɹˌtwIn"), "ˌɪntəɹˈtwIn");  // inter, not in
  EXPECT_EQ(run("un", "ˈʌnˌ"), "ˈʌnˌ");                        // not longer than the prefix
  EXPECT_EQ(run("cat", "ˈkæˌt"), "ˈkæˌt");
  EXPECT_EQ(run("overdo", "ˈOvəɹˌduˈ"), "ˈOvəɹˌduˈ");  // two ˈ: left alone
}

TEST(PhonemePasses, StressNormalize) {
  EXPECT_EQ(pass(stress_pass, "ˈæbˈəˈlut"), "ˈæbəˌlut");
  EXPECT_EQ(pass(stress_pass, "ˌæbˈɪˈt"), "ˌæbˈɪˌt");  // the first ˈ stays
  EXPECT_EQ(pass(stress_pass, "ˈæˈᵻˈᵊˈu"), "ˈæᵻᵊˌu");
}

TEST(PhonemePasses, Flap) {
  EXPECT_EQ(pass(flap_pass, "bʌtəɹ"), "bʌɾəɹ");
  EXPECT_EQ(pass(flap_pass, "bʌtˈəɹ"), "bʌɾˈəɹ");
  EXPECT_EQ(pass(flap_pass, "bʌˈtəɹ"), "bʌˈɾəɹ");
  EXPECT_EQ(pass(flap_pass, "stɑp ɑt tɑ ɑntɑ"), "stɑp ɑt tɑ ɑntɑ");
}

TEST(PhonemeSet, StrategiesEnableTheirPassesOnly) {
  EXPECT_EQ(convert("ipa", "ˈbətɝ"), "ˈbətɜɹ");
  EXPECT_EQ(convert("ipa-flap", "ˈbətɝ"), "ˈbəɾɜɹ");
  EXPECT_EQ(convert("ipa-vowel", "ˈbətɝ"), "bˈʌtəɹ");
  EXPECT_EQ(convert("ipa-flap-vowel", "ˈbətɝ"), "bˈʌɾəɹ");
  EXPECT_EQ(convert("ipa-vowel", "ˈæbˈlut"), "ˈæblˈut");
  EXPECT_EQ(convert("ipa-vowel-stress", "ˈæbˈlut"), "ˈæblˌut");
  // ɐ becomes ə only in the espeak table, after the IPA table's ən -> ᵊn.
  EXPECT_EQ(convert("ipa-vowel", "ˈbɑtɐn"), "bˈɑtən");
  EXPECT_EQ(convert("ipa-vowel-syllabic", "ˈbɑtɐn"), "bˈɑtᵊn");
  EXPECT_EQ(convert("ipa-vowel-reduced-rhotic", "ˈfaɪɹ"), "fˈIəɹ");
  EXPECT_EQ(convert("ipa-vowel-reduced", "ˈfaɪɹ"), "fˈIɹ");
  EXPECT_EQ(convert("ipa-vowel", "ˈʌnˌdu", Region::kUs, "undo"), "ˈʌndˌu");
  EXPECT_EQ(convert("ipa-vowel-prefix", "ˈʌnˌdu", Region::kUs, "undo"), "ʌndˈu");

  const auto names = phoneme_set_names();
  ASSERT_EQ(names.size(), 15u);
  for (const auto name : names) {
    const PhonemeSet p = parse_phoneme_set(name);
    EXPECT_EQ(p.ipa_input, name != "espeak") << name;
    EXPECT_EQ(p.flap, name.find("flap") != std::string_view::npos) << name;
    EXPECT_EQ(p.vowel, name.find("vowel") != std::string_view::npos) << name;
    EXPECT_EQ(p.reduced, name.find("reduced") != std::string_view::npos) << name;
    EXPECT_EQ(p.prefix, name.find("prefix") != std::string_view::npos) << name;
    EXPECT_EQ(names[p.id - 1], name);
  }
}

TEST(PhonemeSet, NamesAcceptUnderscorePlusAndCase) {
  EXPECT_EQ(parse_phoneme_set("IPA_flap+vowel-reduced").id,
            parse_phoneme_set("ipa-flap-vowel-reduced").id);
  try {
    parse_phoneme_set("ipa-reduced");
    FAIL() << "accepted an unknown name";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.code(), CHARSIUG2P_ERR_INVALID_ARGUMENT);
    const std::string m = e.what();
    EXPECT_NE(m.find("'ipa-reduced'"), std::string::npos) << m;
    for (const auto name : phoneme_set_names())
      EXPECT_NE(m.find(std::string(name)), std::string::npos) << name;
  }
  EXPECT_THROW(parse_phoneme_set(""), ModelError);
  EXPECT_THROW(parse_phoneme_set("\xff"), ModelError);
}

TEST(PhonemeSet, WorksOnCodePointsNotBytes) {
  // ˈ is two bytes (CB 88), ɜ two (C9 9C): a byte-wise pass would split them.
  EXPECT_EQ(convert("ipa-flap-vowel-reduced", "ˈɜɹˈɜɹ"), "ˈɜɹˈɜɹ");
  EXPECT_EQ(convert("ipa", "日本"), "日本");
  try {
    convert("ipa", "b\xe2\x82");
    FAIL() << "accepted invalid UTF-8";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.code(), CHARSIUG2P_ERR_INVALID_UTF8);
  }
}

TEST(Utf8Text, SimpleLowercase) {
  EXPECT_EQ(*lowercase_utf8("HeLLo ÄÖÜ ΣΑΣ ДОМ Ǆ"), "hello äöü σασ дом ǆ");
  EXPECT_EQ(*lowercase_utf8("İ"), "İ");  // lowercase is two code points: kept
  EXPECT_EQ(*lowercase_utf8("日本 ɜ"), "日本 ɜ");
  EXPECT_EQ(simple_lowercase(U'Ā'), U'ā');
  EXPECT_EQ(simple_lowercase(U'ā'), U'ā');
  EXPECT_FALSE(lowercase_utf8("\xc3"));
}

}  // namespace
