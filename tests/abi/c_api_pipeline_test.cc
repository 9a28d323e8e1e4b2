// The word pipeline through the public C ABI on the fixture model: lexicon
// entries win, cached answers equal uncached ones, repeated words are
// decoded once, phoneme sets equal the standalone conversion of the model's
// own IPA, and callers built against the 0.1 options struct keep working.
// Every expectation is relative to the engine's own outputs.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "charsiug2p/charsiug2p.hpp"

namespace {

using charsiug2p::Cache;
using charsiug2p::Lexicon;
using charsiug2p::LexiconBuilder;

std::string fixture() { return std::string(CHARSIUG2P_SHARED_DIR) + "/fixtures/tiny-g2p-8x4"; }

const charsiug2p::Model& model() {
  static const charsiug2p::Model m = charsiug2p::Model::load(fixture());
  return m;
}

std::vector<std::string> dev_words(const std::string& lang, size_t n) {
  std::ifstream in(std::string(CHARSIUG2P_SHARED_DIR) + "/data/charsiug2p/dev/" + lang + ".tsv");
  std::vector<std::string> out;
  std::string line;
  while (out.size() < n && std::getline(in, line)) out.push_back(line.substr(0, line.find('\t')));
  return out;
}

std::vector<const char*> ptrs(const std::vector<std::string>& v) {
  std::vector<const char*> p;
  for (const auto& s : v) p.push_back(s.c_str());
  return p;
}

std::vector<std::string> texts(const charsiug2p::Result& r) {
  std::vector<std::string> t;
  for (size_t i = 0; i < r.size(); ++i) t.emplace_back(r.text(i));
  return t;
}

TEST(Pipeline, LexiconEntriesWinOverTheModel) {
  const auto words = dev_words("eng-us", 6);
  const auto opts = charsiug2p::default_options();
  const auto plain = texts(model().phonemize(ptrs(words), "eng-us", opts));
  LexiconBuilder b;
  // Pronunciations the model cannot have produced for these words.
  b.add("eng-us", words[1], "LEX-" + plain[1]);
  b.add("eng-us", words[3], "LEX-" + plain[3]);
  b.add("ger", words[0], "LEX-wrong-language");
  const std::string upper = "ÄRGER";  // the entry is lowercase: any casing matches
  b.add("eng-us", "ärger", "ˈɛɹɡəɹ");
  const Lexicon lex = b.finish();
  auto with = opts;
  with.lexicon = lex.get();
  auto w = words;
  w.push_back(upper);
  const auto r = model().phonemize(ptrs(w), "eng-us", with);
  for (size_t i = 0; i < words.size(); ++i) {
    const bool listed = i == 1 || i == 3;
    EXPECT_EQ(r.text(i), listed ? "LEX-" + plain[i] : plain[i]) << words[i];
    EXPECT_EQ(r.source(i), listed ? CHARSIUG2P_SOURCE_LEXICON : CHARSIUG2P_SOURCE_MODEL);
  }
  EXPECT_EQ(r.text(words.size()), "ˈɛɹɡəɹ");
  // A lexicon answers words too long for the model.
  const std::string longword(600, 'a');
  b.add("eng-us", longword, "long");
  const Lexicon lex2 = b.finish();
  with.lexicon = lex2.get();
  const auto r2 = model().phonemize({longword.c_str()}, "eng-us", with);
  EXPECT_EQ(r2.text(0), "long");
}

TEST(Pipeline, CachedAnswersEqualUncachedOnesAndRepeatsDecodeOnce) {
  std::vector<std::string> words;
  for (const char* lang : {"eng-us", "fra", "kor"})
    for (auto& w : dev_words(lang, 6)) words.push_back(w);
  auto opts = charsiug2p::default_options();
  const auto plain = texts(model().phonemize(ptrs(words), "unk", opts));
  Cache cache;
  opts.cache = cache.get();
  // Each word three times in one call: answered once, copied twice.
  std::vector<std::string> tripled;
  for (int k = 0; k < 3; ++k) tripled.insert(tripled.end(), words.begin(), words.end());
  const auto first = model().phonemize(ptrs(tripled), "unk", opts);
  EXPECT_EQ(cache.misses(), words.size());
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(cache.entries(), words.size());
  for (size_t i = 0; i < tripled.size(); ++i) {
    EXPECT_EQ(first.text(i), plain[i % words.size()]) << tripled[i];
    EXPECT_EQ(first.source(i), CHARSIUG2P_SOURCE_MODEL);
  }
  const auto second = model().phonemize(ptrs(words), "unk", opts);
  EXPECT_EQ(texts(second), plain);
  EXPECT_EQ(cache.hits(), words.size());
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(second.source(i), CHARSIUG2P_SOURCE_CACHE);
  // Options that change answers are part of the key: no stale answers.
  opts.max_output_len = 3;
  const auto capped = model().phonemize(ptrs(words), "unk", opts);
  opts.cache = nullptr;
  EXPECT_EQ(texts(capped), texts(model().phonemize(ptrs(words), "unk", opts)));
  for (size_t i = 0; i < words.size(); ++i) EXPECT_LE(capped.text(i).size(), 3u);
  // Another language is another key.
  opts = charsiug2p::default_options();
  opts.cache = cache.get();
  const uint64_t misses = cache.misses();
  model().phonemize(ptrs(words), "eng-uk", opts);
  EXPECT_EQ(cache.misses(), misses + words.size());
}

TEST(Pipeline, OneCacheServesTwoModelsWithoutMixingThem) {
  const charsiug2p::Model other = charsiug2p::Model::load(fixture());
  Cache cache;
  auto opts = charsiug2p::default_options();
  opts.cache = cache.get();
  model().phonemize({"hello"}, "eng-us", opts);
  other.phonemize({"hello"}, "eng-us", opts);
  EXPECT_EQ(cache.misses(), 2u);  // a model's answers are not another's
  EXPECT_EQ(cache.entries(), 2u);
}

TEST(Pipeline, PhonemeSetEqualsConvertingTheModelsIpa) {
  const auto us = dev_words("eng-us", 3), uk = dev_words("eng-uk", 3);
  auto opts = charsiug2p::default_options();
  const auto ipa_us = texts(model().phonemize(ptrs(us), "eng-us", opts));
  const auto ipa_uk = texts(model().phonemize(ptrs(uk), "eng-uk", opts));
  Cache cache;
  for (const std::string& set : charsiug2p::phoneme_set_names()) {
    opts.phoneme_set = set.c_str();
    opts.cache = cache.get();
    for (int round = 0; round < 2; ++round) {  // computed, then from the cache
      const auto r_us = model().phonemize(ptrs(us), "eng-us", opts);
      const auto r_uk = model().phonemize(ptrs(uk), "eng-uk", opts);  // region auto: GB
      for (size_t i = 0; i < us.size(); ++i) {
        EXPECT_EQ(r_us.text(i),
                  charsiug2p::convert_phonemes(set, ipa_us[i], CHARSIUG2P_REGION_US, us[i]))
            << set << " " << us[i];
        EXPECT_EQ(r_uk.text(i),
                  charsiug2p::convert_phonemes(set, ipa_uk[i], CHARSIUG2P_REGION_GB, uk[i]))
            << set << " " << uk[i];
      }
    }
  }
  // A region given explicitly overrides the language's.
  opts.cache = nullptr;
  opts.phoneme_set = "ipa";
  opts.phoneme_region = CHARSIUG2P_REGION_US;
  const auto forced = model().phonemize(ptrs(uk), "eng-uk", opts);
  for (size_t i = 0; i < uk.size(); ++i)
    EXPECT_EQ(forced.text(i), charsiug2p::convert_phonemes("ipa", ipa_uk[i], CHARSIUG2P_REGION_US));
  // Lexicon answers are converted like model answers.
  LexiconBuilder b;
  b.add("eng-us", "butter", "bʌtəɹ");
  const Lexicon lex = b.finish();
  opts.lexicon = lex.get();
  opts.phoneme_set = CHARSIUG2P_PHONEME_SET_RECOMMENDED;
  EXPECT_EQ(model().phonemize({"butter"}, "eng-us", opts).text(0), "bʌɾəɹ");
}

// The same for lexicon answers, on every dev pronunciation of English
// (no model work, so all of them): the pipeline and the standalone
// conversion agree for every set and region.
TEST(Pipeline, PhonemeSetOfLexiconAnswersEqualsStandaloneConversion) {
  for (const char* lang : {"eng-us", "eng-uk"}) {
    std::ifstream in(std::string(CHARSIUG2P_SHARED_DIR) + "/data/charsiug2p/dev/" + lang + ".tsv");
    std::vector<std::string> words, prons;
    LexiconBuilder b(CHARSIUG2P_DUPLICATES_FIRST);
    for (std::string line; std::getline(in, line);) {
      const size_t tab = line.find('\t');
      words.push_back(line.substr(0, tab));
      prons.push_back(line.substr(tab + 1, line.find(',') - tab - 1));
      b.add(lang, words.back(), prons.back());
    }
    ASSERT_GE(words.size(), 40u);
    const Lexicon lex = b.finish();
    auto opts = charsiug2p::default_options();
    opts.lexicon = lex.get();
    for (const std::string& set : charsiug2p::phoneme_set_names()) {
      opts.phoneme_set = set.c_str();
      const auto r = model().phonemize(ptrs(words), lang, opts);
      const int32_t region =
          std::string(lang) == "eng-uk" ? CHARSIUG2P_REGION_GB : CHARSIUG2P_REGION_US;
      for (size_t i = 0; i < words.size(); ++i) {
        ASSERT_EQ(r.source(i), CHARSIUG2P_SOURCE_LEXICON);
        EXPECT_EQ(r.text(i), charsiug2p::convert_phonemes(set, prons[i], region, words[i]))
            << set << " " << words[i];
      }
    }
  }
}

TEST(Pipeline, BadPhonemeOptionsFailTheCallClearly) {
  auto opts = charsiug2p::default_options();
  opts.phoneme_set = "ipa-flap-vowl";
  try {
    model().phonemize({"a"}, "eng-us", opts);
    FAIL();
  } catch (const charsiug2p::Error& e) {
    EXPECT_EQ(e.code(), CHARSIUG2P_ERR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(e.what()).find("ipa-flap-vowel-reduced"), std::string::npos);
  }
  opts.phoneme_set = "";  // empty: no conversion
  EXPECT_TRUE(model().phonemize({"a"}, "eng-us", opts).ok(0));
  opts.phoneme_region = 7;
  EXPECT_THROW(model().phonemize({"a"}, "eng-us", opts), charsiug2p::Error);
  char* out = nullptr;
  EXPECT_EQ(charsiug2p_phoneme_set_convert("ipa", 0, "b\xff", nullptr, &out),
            CHARSIUG2P_ERR_INVALID_UTF8);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(charsiug2p_phoneme_set_convert(nullptr, 0, "b", nullptr, &out),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(charsiug2p_phoneme_set_convert("ipa", 3, "b", nullptr, &out),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(charsiug2p_phoneme_set_convert("ipa", 0, "b", nullptr, nullptr),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  ASSERT_EQ(charsiug2p_phoneme_set_convert("ipa_flap", 0, "bʌtəɹ", nullptr, &out), CHARSIUG2P_OK);
  EXPECT_STREQ(out, "bʌɾəɹ");
  charsiug2p_string_free(out);
  charsiug2p_string_free(nullptr);
  EXPECT_EQ(charsiug2p_phoneme_set_name(charsiug2p_phoneme_set_count()), nullptr);
}

TEST(Pipeline, OptionsStructOfVersion01IsStillAccepted) {
  // A 0.1 caller's struct ends after max_input_bytes; what lies beyond is
  // not ours and must not be read (junk here would be a bad pointer).
  constexpr size_t kV01 = offsetof(charsiug2p_options, phoneme_region);
  static_assert(kV01 == 6 * sizeof(int32_t));
  alignas(charsiug2p_options) unsigned char buf[sizeof(charsiug2p_options)];
  std::memset(buf, 0xA5, sizeof buf);
  auto* o = reinterpret_cast<charsiug2p_options*>(buf);
  ASSERT_EQ(charsiug2p_options_init(o, kV01), CHARSIUG2P_OK);
  EXPECT_EQ(o->struct_size, kV01);
  EXPECT_EQ(buf[kV01], 0xA5);  // init wrote nothing past the caller's size
  o->max_output_len = 3;
  const char* w[] = {"hello", "hello"};
  charsiug2p_result* r = nullptr;
  ASSERT_EQ(charsiug2p_phonemize(model().get(), w, 2, "eng-us", o, &r), CHARSIUG2P_OK)
      << charsiug2p_last_error();
  EXPECT_LE(charsiug2p_result_length(r, 0), 3u);
  EXPECT_EQ(charsiug2p_result_source(r, 0), CHARSIUG2P_SOURCE_MODEL);
  EXPECT_STREQ(charsiug2p_result_text(r, 0), charsiug2p_result_text(r, 1));
  EXPECT_EQ(charsiug2p_result_source(r, 2), CHARSIUG2P_SOURCE_NONE);
  charsiug2p_result_free(r);
}

TEST(Pipeline, ThreadsShareOneCacheAndLexicon) {
  std::vector<std::string> words;
  for (const char* lang : {"eng-us", "ger", "rus"})
    for (auto& w : dev_words(lang, 5)) words.push_back(w);
  auto opts = charsiug2p::default_options();
  const auto plain = texts(model().phonemize(ptrs(words), "unk", opts));
  LexiconBuilder b;
  b.add("unk", words[0], "LEX");
  const Lexicon lex = b.finish();
  Cache cache(64 * 1024);
  opts.cache = cache.get();
  opts.lexicon = lex.get();
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 3; ++rep) got[t] = texts(model().phonemize(ptrs(words), "unk", opts));
    });
  for (auto& t : threads) t.join();
  auto want = plain;
  want[0] = "LEX";
  for (const auto& g : got) EXPECT_EQ(g, want);
  EXPECT_GT(cache.hits(), 0u);
  EXPECT_LE(cache.bytes(), cache.max_bytes());
}

TEST(LexiconApi, FilesBuildersAndErrors) {
  const std::string dir = ::testing::TempDir();
  const std::string tsv = dir + "/capi_lex.tsv", bin = dir + "/capi_lex.g2plex";
  std::ofstream(tsv) << "hello\thəˈloʊ\nworld\twɜɹld\n";
  charsiug2p_lexicon_builder* b = nullptr;
  ASSERT_EQ(charsiug2p_lexicon_builder_create(CHARSIUG2P_DUPLICATES_ERROR, &b), CHARSIUG2P_OK);
  ASSERT_EQ(charsiug2p_lexicon_builder_add_tsv_file(b, tsv.c_str(), "eng-us"), CHARSIUG2P_OK)
      << charsiug2p_last_error();
  const char bad[] = "eng-us\tx\ty\nno tabs\n";
  EXPECT_EQ(charsiug2p_lexicon_builder_add_tsv(b, bad, sizeof bad - 1, "mem.tsv", nullptr),
            CHARSIUG2P_ERR_LEXICON_FORMAT);
  EXPECT_NE(std::string(charsiug2p_last_error()).find("mem.tsv:2:"), std::string::npos);
  EXPECT_EQ(charsiug2p_lexicon_builder_count(b), 2u);
  EXPECT_EQ(charsiug2p_lexicon_builder_add(b, "eng-us", "", "x"), CHARSIUG2P_ERR_LEXICON_FORMAT);
  EXPECT_EQ(charsiug2p_lexicon_builder_add(b, nullptr, "a", "x"), CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(charsiug2p_lexicon_builder_add_tsv_file(b, (dir + "/none.tsv").c_str(), nullptr),
            CHARSIUG2P_ERR_IO);
  ASSERT_EQ(charsiug2p_lexicon_builder_write(b, bin.c_str()), CHARSIUG2P_OK);
  EXPECT_EQ(charsiug2p_lexicon_builder_write(b, (dir + "/no/such/dir/x").c_str()),
            CHARSIUG2P_ERR_IO);
  charsiug2p_lexicon_builder_free(b);
  charsiug2p_lexicon_builder_free(nullptr);
  EXPECT_EQ(charsiug2p_lexicon_builder_create(3, &b), CHARSIUG2P_ERR_INVALID_ARGUMENT);

  charsiug2p_lexicon* lex = nullptr;
  ASSERT_EQ(charsiug2p_lexicon_load(bin.c_str(), &lex), CHARSIUG2P_OK);
  EXPECT_EQ(charsiug2p_lexicon_count(lex), 2u);
  EXPECT_STREQ(charsiug2p_lexicon_lookup(lex, "eng-us", "World"), "wɜɹld");
  EXPECT_EQ(charsiug2p_lexicon_lookup(lex, "eng-us", "nope"), nullptr);
  EXPECT_EQ(charsiug2p_lexicon_lookup(lex, nullptr, "World"), nullptr);
  // From memory: a copy, so the buffer may go away.
  std::string image;
  {
    std::ifstream in(bin, std::ios::binary);
    image.assign(std::istreambuf_iterator<char>(in), {});
  }
  charsiug2p_lexicon* mem = nullptr;
  ASSERT_EQ(charsiug2p_lexicon_load_memory(image.data(), image.size(), &mem), CHARSIUG2P_OK);
  image.assign(image.size(), '\0');
  EXPECT_STREQ(charsiug2p_lexicon_lookup(mem, "eng-us", "hello"), "həˈloʊ");
  charsiug2p_lexicon_free(mem);
  charsiug2p_lexicon_free(lex);
  charsiug2p_lexicon_free(nullptr);

  std::ofstream(bin, std::ios::binary | std::ios::app) << "x";  // now one byte too long
  EXPECT_EQ(charsiug2p_lexicon_load(bin.c_str(), &lex), CHARSIUG2P_ERR_LEXICON_FORMAT);
  EXPECT_EQ(lex, nullptr);
  EXPECT_NE(std::string(charsiug2p_last_error()).find(bin), std::string::npos);
  EXPECT_EQ(charsiug2p_lexicon_load(tsv.c_str(), &lex), CHARSIUG2P_ERR_LEXICON_FORMAT);
  EXPECT_NE(std::string(charsiug2p_last_error()).find("lexicon build"), std::string::npos);
  EXPECT_EQ(charsiug2p_lexicon_load((dir + "/none.g2plex").c_str(), &lex), CHARSIUG2P_ERR_IO);
  EXPECT_EQ(charsiug2p_lexicon_load_memory(nullptr, 5, &lex), CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(charsiug2p_error_name(CHARSIUG2P_ERR_LEXICON_FORMAT),
               "CHARSIUG2P_ERR_LEXICON_FORMAT");
}

TEST(CacheApi, CreateBoundsAndNulls) {
  charsiug2p_cache* c = nullptr;
  ASSERT_EQ(charsiug2p_cache_create(0, &c), CHARSIUG2P_OK);
  EXPECT_EQ(charsiug2p_cache_max_bytes(c), CHARSIUG2P_CACHE_DEFAULT_BYTES);
  EXPECT_EQ(charsiug2p_cache_entries(c), 0u);
  charsiug2p_cache_clear(c);
  charsiug2p_cache_free(c);
  EXPECT_EQ(charsiug2p_cache_create(100, nullptr), CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(charsiug2p_cache_hits(nullptr), 0u);
  charsiug2p_cache_clear(nullptr);
  charsiug2p_cache_free(nullptr);
}

}  // namespace
