// The text front end's public C ABI on the fixture model. No model output
// is written down here: every expectation compares with what the word-level
// ABI itself answers for the same words and options.
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "charsiug2p/charsiug2p_text.hpp"

namespace {

std::string fixture() { return std::string(CHARSIUG2P_SHARED_DIR) + "/fixtures/tiny-g2p-8x4"; }

const charsiug2p::Model& model() {
  static const charsiug2p::Model m = charsiug2p::Model::load(fixture());
  return m;
}

const charsiug2p::TextEngine& engine() {
  static const charsiug2p::TextEngine e(model());
  return e;
}

// What the word-level ABI says for one word.
std::string word_ipa(const std::string& word, const charsiug2p_options& o,
                     const char* lang = "eng-us") {
  const auto r = model().phonemize({word.c_str()}, lang, o);
  return std::string(r.text(0));
}

// The words of an English number's spelled text ("twenty twenty-four").
std::vector<std::string> english_words(std::string_view spelled) {
  std::vector<std::string> out;
  std::string w;
  for (char c : spelled) {
    if (c == ' ' || c == '-') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

// Every spoken token's phonemes equal the word ABI's answer for its words.
void expect_agrees_with_word_abi(const charsiug2p::TextResult& r, const charsiug2p_options& o) {
  for (const auto& t : r.tokens()) {
    if (t.kind == CHARSIUG2P_TEXT_WORD) {
      EXPECT_EQ(t.phonemes, word_ipa(std::string(t.text), o)) << t.text;
    } else if (t.kind == CHARSIUG2P_TEXT_NUMBER) {
      std::string joined;
      for (const std::string& w : english_words(t.text)) {
        if (!joined.empty()) joined += ' ';
        joined += word_ipa(w, o);
      }
      EXPECT_EQ(t.phonemes, joined) << t.text;
    }
  }
}

const char* kSentence = "Dr. Smith paid $1,250 on 3 May 2024, didn't he?";

TEST(TextCApi, IssueSentence) {
  const auto o = charsiug2p::default_options();
  const auto r = engine().phonemize(kSentence, "eng-us", o);
  ASSERT_EQ(r.text_count(), 1u);
  EXPECT_EQ(r.failures(), 0u);
  expect_agrees_with_word_abi(r, o);
  // Punctuation in place: the joined form is built from the tokens in order.
  std::string rebuilt;
  bool after_spoken = false;
  for (const auto& t : r.tokens()) {
    const bool spoken = t.kind == CHARSIUG2P_TEXT_WORD || t.kind == CHARSIUG2P_TEXT_NUMBER;
    if (t.kind == CHARSIUG2P_TEXT_SPACE) {
      rebuilt += ' ';
    } else {
      if (spoken && after_spoken) rebuilt += ' ';
      rebuilt += spoken ? t.phonemes : t.text;
    }
    after_spoken = spoken;
  }
  EXPECT_EQ(r.joined(), rebuilt);
  EXPECT_EQ(r.joined().back(), '?');
  // Source offsets point into the input.
  const auto toks = r.tokens();
  EXPECT_EQ(std::string_view(kSentence).substr(toks[8].source_begin,
                                               toks[8].source_end - toks[8].source_begin),
            "1,250");
  EXPECT_EQ(toks[8].kind, CHARSIUG2P_TEXT_NUMBER);
  EXPECT_EQ(toks[16].flags, CHARSIUG2P_TEXT_FLAG_YEAR);
}

TEST(TextCApi, InlineOverridesWinOverModelAndLexicon) {
  const auto o = charsiug2p::default_options();
  const std::string model_says = word_ipa("Kokoro", o);
  const std::string mine = model_says + "ʔə";  // differs from the model by construction
  const std::string text = "[Kokoro](/" + mine + "/) Kokoro";
  const auto r = engine().phonemize(text, "eng-us", o);
  const auto toks = r.tokens();
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[0].kind, CHARSIUG2P_TEXT_OVERRIDE);
  EXPECT_EQ(toks[0].phonemes, mine);
  EXPECT_NE(toks[0].phonemes, model_says);
  EXPECT_EQ(toks[2].phonemes, model_says);  // the plain word is still the model's
  EXPECT_EQ(r.joined(), mine + " " + model_says);
  EXPECT_EQ(r.model_words(), 1u);

  // A lexicon entry beats the model, the inline override beats both.
  charsiug2p_lexicon_builder* b = nullptr;
  ASSERT_EQ(charsiug2p_lexicon_builder_create(CHARSIUG2P_DUPLICATES_ERROR, &b), CHARSIUG2P_OK);
  ASSERT_EQ(charsiug2p_lexicon_builder_add(b, "eng-us", "Kokoro", "lɛksɪkɒn"), CHARSIUG2P_OK);
  charsiug2p_lexicon* lex = nullptr;
  ASSERT_EQ(charsiug2p_lexicon_builder_finish(b, &lex), CHARSIUG2P_OK);
  charsiug2p_lexicon_builder_free(b);
  auto with_lex = o;
  with_lex.lexicon = lex;
  const auto r2 = engine().phonemize(text, "eng-us", with_lex);
  EXPECT_EQ(r2.tokens()[0].phonemes, mine);
  EXPECT_EQ(r2.tokens()[2].phonemes, "lɛksɪkɒn");
  charsiug2p_lexicon_free(lex);
}

TEST(TextCApi, OptionsPassThroughToTheWordLevel) {
  auto capped = charsiug2p::default_options();
  capped.max_output_len = 3;
  expect_agrees_with_word_abi(engine().phonemize(kSentence, "eng-us", capped), capped);
  auto kokoro = charsiug2p::default_options();
  kokoro.phoneme_set = CHARSIUG2P_PHONEME_SET_RECOMMENDED;
  expect_agrees_with_word_abi(engine().phonemize(kSentence, "eng-us", kokoro), kokoro);
  auto bad = charsiug2p::default_options();
  bad.batch_size = 0;
  charsiug2p_text_result* out = nullptr;
  charsiug2p_text_engine* te = nullptr;
  ASSERT_EQ(charsiug2p_text_engine_create(model().get(), &te), CHARSIUG2P_OK);
  // Bad options fail the call even for text without words.
  EXPECT_EQ(charsiug2p_text_phonemize(te, "...", 3, "eng-us", &bad, &out),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  charsiug2p_text_engine_free(te);
}

TEST(TextCApi, TheWordCacheServesRepeatedText) {
  charsiug2p::Cache cache;
  auto o = charsiug2p::default_options();
  o.cache = cache.get();
  const auto first = engine().phonemize(kSentence, "eng-us", o);
  const uint64_t hits = cache.hits();
  const auto second = engine().phonemize(kSentence, "eng-us", o);
  EXPECT_EQ(second.joined(), first.joined());
  EXPECT_EQ(cache.hits() - hits, second.model_words());  // every distinct word a hit
}

TEST(TextCApi, ManyTextsTokensAndJoinedPerText) {
  const auto o = charsiug2p::default_options();
  const auto r =
      engine().phonemize(std::vector<std::string_view>{"one cat", "", "dogs, 2"}, "eng-us", o);
  ASSERT_EQ(r.text_count(), 3u);
  EXPECT_EQ(r.first_token(0), 0u);
  EXPECT_EQ(r.first_token(1), r.first_token(2));  // the empty text has no tokens
  EXPECT_EQ(r.first_token(3), r.token_count());
  for (size_t i = r.first_token(2); i < r.token_count(); ++i) EXPECT_EQ(r.token(i).text_index, 2u);
  EXPECT_EQ(r.joined(1), "");
  EXPECT_EQ(r.joined(0), engine().phonemize("one cat", "eng-us", o).joined());
  EXPECT_EQ(charsiug2p_text_result_joined(nullptr, 0, nullptr), nullptr);
}

TEST(TextCApi, PerTokenErrorsDoNotFailTheCall) {
  const auto o = charsiug2p::default_options();
  const std::string long_word(600, 'a');
  const std::string text = "ok \xff\xfe " + long_word + " fine";
  const auto r = engine().phonemize(text, "eng-us", o);
  EXPECT_EQ(r.failures(), 2u);
  const auto toks = r.tokens();
  ASSERT_EQ(toks.size(), 7u);
  EXPECT_EQ(toks[2].error, CHARSIUG2P_ERR_INVALID_UTF8);
  EXPECT_EQ(toks[4].error, CHARSIUG2P_ERR_WORD_TOO_LONG);
  EXPECT_EQ(toks[6].phonemes, word_ipa("fine", o));
  // The failed word keeps its text in the joined form; the bad bytes do not.
  EXPECT_NE(r.joined().find(long_word), std::string::npos);
  EXPECT_EQ(r.joined().find('\xff'), std::string::npos);
}

TEST(TextCApi, ArgumentsAndErrors) {
  charsiug2p_text_engine* te = reinterpret_cast<charsiug2p_text_engine*>(1);
  EXPECT_EQ(charsiug2p_text_engine_create(nullptr, &te), CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(te, nullptr);
  EXPECT_EQ(charsiug2p_text_engine_create(model().get(), nullptr), CHARSIUG2P_ERR_INVALID_ARGUMENT);
  charsiug2p_text_result* r = reinterpret_cast<charsiug2p_text_result*>(1);
  EXPECT_EQ(charsiug2p_text_phonemize(nullptr, "a", 1, "eng-us", nullptr, &r),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);
  ASSERT_EQ(charsiug2p_text_engine_create(model().get(), &te), CHARSIUG2P_OK);
  EXPECT_EQ(charsiug2p_text_phonemize(te, "a", 1, "xx-nope", nullptr, &r),
            CHARSIUG2P_ERR_UNKNOWN_LANGUAGE);
  EXPECT_NE(std::string(charsiug2p_text_last_error()).find("xx-nope"), std::string::npos);
  EXPECT_EQ(charsiug2p_text_phonemize(te, nullptr, 1, "eng-us", nullptr, &r),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(charsiug2p_text_phonemize(te, nullptr, 0, "eng-us", nullptr, &r), CHARSIUG2P_OK);
  EXPECT_EQ(charsiug2p_text_result_token_count(r), 0u);
  charsiug2p_text_token t;
  t.struct_size = 0;
  EXPECT_EQ(charsiug2p_text_result_token(r, 0, &t), CHARSIUG2P_ERR_INVALID_ARGUMENT);
  charsiug2p_text_result_free(r);
  charsiug2p_text_result_free(nullptr);
  charsiug2p_text_engine_free(te);
  charsiug2p_text_engine_free(nullptr);
  EXPECT_STREQ(charsiug2p_text_error_name(CHARSIUG2P_TEXT_ERR_ICU), "CHARSIUG2P_TEXT_ERR_ICU");
  EXPECT_STREQ(charsiug2p_text_error_name(CHARSIUG2P_ERR_INVALID_UTF8),
               "CHARSIUG2P_ERR_INVALID_UTF8");
  EXPECT_EQ(charsiug2p_text_version() >> 16, unsigned(CHARSIUG2P_TEXT_VERSION_MAJOR));
  EXPECT_GT(std::strlen(charsiug2p_text_icu_version()), 0u);
}

TEST(TextCApi, TokenStructCanGrow) {
  const auto r = engine().phonemize("hi", "eng-us", charsiug2p::default_options());
  // A caller that knows only the fields up to `flags` gets only those.
  charsiug2p_text_token t;
  std::memset(&t, 0xAB, sizeof t);
  t.struct_size = offsetof(charsiug2p_text_token, text_index);
  charsiug2p_text_result* raw = nullptr;
  charsiug2p_text_engine* te = nullptr;
  ASSERT_EQ(charsiug2p_text_engine_create(model().get(), &te), CHARSIUG2P_OK);
  ASSERT_EQ(charsiug2p_text_phonemize(te, "hi", 2, "eng-us", nullptr, &raw), CHARSIUG2P_OK);
  ASSERT_EQ(charsiug2p_text_result_token(raw, 0, &t), CHARSIUG2P_OK);
  EXPECT_EQ(t.kind, CHARSIUG2P_TEXT_WORD);
  EXPECT_EQ(t.struct_size, offsetof(charsiug2p_text_token, text_index));
  const unsigned char* tail = reinterpret_cast<const unsigned char*>(&t.text_index);
  EXPECT_EQ(tail[0], 0xAB);  // untouched
  charsiug2p_text_result_free(raw);
  charsiug2p_text_engine_free(te);
  EXPECT_EQ(r.token(0).phonemes, word_ipa("hi", charsiug2p::default_options()));
}

TEST(TextCApi, LanguageInfo) {
  const auto en = charsiug2p::text_language_info("eng-us");
  EXPECT_STREQ(en.icu_locale, "en_US");
  EXPECT_EQ(en.has_spellout, 1);
  EXPECT_EQ(en.has_year_rules, 1);
  EXPECT_EQ(en.has_ordinal_suffix, 1);
  const auto ur = charsiug2p::text_language_info("urd");
  EXPECT_EQ(ur.has_spellout, 0);
  EXPECT_STREQ(ur.spell_locale, "");
  charsiug2p_text_language_info info{};
  info.struct_size = sizeof info;
  EXPECT_EQ(charsiug2p_text_language_info_get("xx-nope", &info), CHARSIUG2P_ERR_UNKNOWN_LANGUAGE);
  EXPECT_EQ(charsiug2p_text_language_info_get(nullptr, &info), CHARSIUG2P_ERR_INVALID_ARGUMENT);
}

TEST(TextCApi, ConcurrentCallsOnOneEngine) {
  const auto o = charsiug2p::default_options();
  const std::vector<std::pair<const char*, std::string>> work = {
      {"eng-us", kSentence}, {"tha", "สวัสดีครับ 5 แมว"}, {"ger", "Am 3. Mai 2024 um 1.250,5"}};
  std::vector<std::string> expected;
  for (const auto& [lang, text] : work)
    expected.emplace_back(engine().phonemize(text, lang, o).joined());
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 6; ++i) {
        const size_t k = size_t(t + i) % work.size();
        if (engine().phonemize(work[k].second, work[k].first, o).joined() != expected[k])
          ++mismatches;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
