// The public C ABI on the fixture model: per-word errors, batch
// independence, option struct growth, concurrent calls on one model.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "charsiug2p/charsiug2p.hpp"

namespace {

std::string fixture() { return std::string(CHARSIUG2P_SHARED_DIR) + "/fixtures/tiny-g2p-8x4"; }

charsiug2p::Model& model() {
  static charsiug2p::Model m = charsiug2p::Model::load(fixture());
  return m;
}

std::vector<std::string> dev_words(const std::string& lang, size_t n) {
  std::ifstream in(std::string(CHARSIUG2P_SHARED_DIR) + "/data/charsiug2p/dev/" + lang + ".tsv");
  std::vector<std::string> out;
  std::string line;
  while (out.size() < n && std::getline(in, line)) out.push_back(line.substr(0, line.find('\t')));
  return out;
}

TEST(CApi, BadWordsFailAloneAndOthersStillAnswer) {
  std::string longword(600, 'a');
  std::vector<const char*> w = {"hello", "", "bad\xff", longword.c_str(), "world"};
  const auto opts = charsiug2p::default_options();
  const auto r = model().phonemize(w, "eng-us", opts);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_TRUE(r.ok(0));
  EXPECT_EQ(r.error(1), CHARSIUG2P_ERR_EMPTY_WORD);
  EXPECT_EQ(r.error(2), CHARSIUG2P_ERR_INVALID_UTF8);
  EXPECT_EQ(r.error(3), CHARSIUG2P_ERR_WORD_TOO_LONG);
  EXPECT_NE(std::string(r.message(3)).find("609 bytes"), std::string::npos) << r.message(3);
  EXPECT_TRUE(r.ok(4));
  EXPECT_EQ(r.failures(), 3u);
  EXPECT_EQ(charsiug2p_result_text(nullptr, 0), nullptr);

  const std::vector<const char*> l = {"eng-us", "xx-nope", "unk"};
  const std::vector<const char*> w3 = {"a", "b", "c"};
  const auto r2 = model().phonemize(w3, l, opts);
  EXPECT_TRUE(r2.ok(0));
  EXPECT_EQ(r2.error(1), CHARSIUG2P_ERR_UNKNOWN_LANGUAGE);
  EXPECT_NE(std::string(r2.message(1)).find("xx-nope"), std::string::npos);
  EXPECT_TRUE(r2.ok(2));
}

TEST(CApi, NullAndBadArgumentsAreErrorsNotCrashes) {
  charsiug2p_result* r = reinterpret_cast<charsiug2p_result*>(1);
  EXPECT_EQ(charsiug2p_phonemize(nullptr, nullptr, 0, "eng-us", nullptr, &r),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(r, nullptr);
  const char* w[] = {"x"};
  EXPECT_EQ(charsiug2p_phonemize(model().get(), w, 1, nullptr, nullptr, &r),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  charsiug2p_options o;
  charsiug2p_options_init(&o, sizeof o);
  o.batch_size = 0;
  EXPECT_EQ(charsiug2p_phonemize(model().get(), w, 1, "eng-us", &o, &r),
            CHARSIUG2P_ERR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(charsiug2p_last_error()).find("batch_size"), std::string::npos);
  charsiug2p_model* m = nullptr;
  EXPECT_EQ(charsiug2p_model_load("/nonexistent/dir", &m), CHARSIUG2P_ERR_IO);
  EXPECT_EQ(m, nullptr);
  EXPECT_NE(std::string(charsiug2p_last_error()).find("/nonexistent/dir"), std::string::npos);
  charsiug2p_model_free(nullptr);
  charsiug2p_result_free(nullptr);
  EXPECT_STREQ(charsiug2p_error_name(CHARSIUG2P_ERR_INVALID_UTF8), "CHARSIUG2P_ERR_INVALID_UTF8");
  EXPECT_STREQ(charsiug2p_error_name(999), "CHARSIUG2P_ERR_UNKNOWN");
}

TEST(CApi, OlderSmallerOptionsStructStillWorks) {
  // A caller compiled when the struct ended after max_output_len.
  charsiug2p_options o;
  const size_t old_size = offsetof(charsiug2p_options, num_threads);
  ASSERT_EQ(charsiug2p_options_init(&o, old_size), CHARSIUG2P_OK);
  EXPECT_EQ(o.struct_size, old_size);
  o.max_output_len = 3;
  const char* w[] = {"hello"};
  charsiug2p_result* r = nullptr;
  ASSERT_EQ(charsiug2p_phonemize(model().get(), w, 1, "eng-us", &o, &r), CHARSIUG2P_OK);
  EXPECT_LE(charsiug2p_result_length(r, 0), 3u);
  charsiug2p_result_free(r);
}

TEST(CApi, OutputDoesNotDependOnBatchCompanions) {
  std::vector<std::string> words;
  for (const char* lang : {"eng-us", "tha", "ady", "kor"})
    for (auto& w : dev_words(lang, 12)) words.push_back(w);
  auto opts = charsiug2p::default_options();
  std::vector<std::string> alone;
  for (const auto& w : words) {
    const auto r = model().phonemize({w.c_str()}, "unk", opts);
    alone.emplace_back(r.text(0));
  }
  std::mt19937 rng(1);
  for (int batch : {3, 7, 64}) {
    std::vector<size_t> order(words.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<const char*> w;
    for (size_t i : order) w.push_back(words[i].c_str());
    opts.batch_size = batch;
    opts.num_threads = 2;
    const auto r = model().phonemize(w, "unk", opts);
    for (size_t k = 0; k < order.size(); ++k)
      EXPECT_EQ(r.text(k), alone[order[k]]) << "batch " << batch << " word " << words[order[k]];
  }
}

TEST(CApi, EightThreadsShareOneModel) {
  std::vector<std::vector<std::string>> batches;
  for (const char* lang : {"eng-us", "ger", "tha", "ady", "kor", "rus", "fin", "hin"})
    batches.push_back(dev_words(lang, 20));
  const auto opts = charsiug2p::default_options();
  auto run = [&](size_t b) {
    std::vector<const char*> w;
    for (const auto& s : batches[b]) w.push_back(s.c_str());
    const auto r = model().phonemize(w, "unk", opts);
    std::vector<std::string> out;
    for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.text(i));
    return out;
  };
  std::vector<std::vector<std::string>> serial, parallel(batches.size());
  for (size_t b = 0; b < batches.size(); ++b) serial.push_back(run(b));
  std::vector<std::thread> threads;
  for (size_t b = 0; b < batches.size(); ++b)
    threads.emplace_back([&, b] {
      for (int rep = 0; rep < 3; ++rep) parallel[b] = run(b);
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(serial, parallel);
}

}  // namespace
