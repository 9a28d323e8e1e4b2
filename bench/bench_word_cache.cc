// Prints what the word cache buys on running-text-like input: a corpus of
// tokens drawn with Zipf-like repetition (rank r has weight 1/r^s) from the
// CharsiuG2P dev words, phonemized in calls of a paragraph each by two
// threads sharing one cache. A benchmark, not a test: it reports figures.
//
//   bench_word_cache [--model DIR] [--dev DIR] [--tokens N] [--call-words N]
//                    [--zipf S] [--threads N] [--cache-mb N]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "charsiug2p/charsiug2p.hpp"
#include "dev_words.h"

using Clock = std::chrono::steady_clock;

namespace {

struct Token {
  const std::string* word;
  const std::string* lang;
};

// Calls of call_words tokens, taken in turn by `threads` threads; returns
// the seconds the whole corpus took.
double run(const charsiug2p::Model& model, const std::vector<Token>& corpus, size_t call_words,
           int threads, charsiug2p_cache* cache) {
  auto opts = charsiug2p::default_options();
  opts.cache = cache;
  std::atomic<size_t> next{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t begin; (begin = next.fetch_add(call_words)) < corpus.size();) {
        std::vector<const char*> w, l;
        for (size_t i = begin; i < std::min(corpus.size(), begin + call_words); ++i) {
          w.push_back(corpus[i].word->c_str());
          l.push_back(corpus[i].lang->c_str());
        }
        model.phonemize(w, l, opts);
      }
    });
  for (auto& t : pool) t.join();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_dir = std::string(CHARSIUG2P_SOURCE_DIR) + "/models/default";
  std::string dev = std::string(CHARSIUG2P_SOURCE_DIR) + "/../shared/data/charsiug2p/dev";
  size_t tokens = 12000, call_words = 200;
  double zipf = 1.0;
  int threads = 2, cache_mb = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--model")
      model_dir = v;
    else if (a == "--dev")
      dev = v;
    else if (a == "--tokens")
      tokens = std::stoul(v);
    else if (a == "--call-words")
      call_words = std::max<size_t>(1, std::stoul(v));
    else if (a == "--zipf")
      zipf = std::stod(v);
    else if (a == "--threads")
      threads = std::max(1, std::stoi(v));
    else if (a == "--cache-mb")
      cache_mb = std::max(1, std::stoi(v));
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 1;
    }
  }
  const auto [words, langs] = charsiug2p::bench::load_dev_words(dev);
  // Ranks in a fixed random order, so frequent words come from all languages.
  std::mt19937 rng(42);
  std::vector<size_t> rank(words.size());
  for (size_t i = 0; i < rank.size(); ++i) rank[i] = i;
  std::shuffle(rank.begin(), rank.end(), rng);
  std::vector<double> weight(words.size());
  for (size_t r = 0; r < weight.size(); ++r) weight[r] = 1.0 / std::pow(double(r + 1), zipf);
  std::discrete_distribution<size_t> draw(weight.begin(), weight.end());
  std::vector<Token> corpus;
  std::vector<char> seen(words.size(), 0);
  size_t distinct = 0;
  for (size_t i = 0; i < tokens; ++i) {
    const size_t k = rank[draw(rng)];
    distinct += !seen[k];
    seen[k] = 1;
    corpus.push_back({&words[k], &langs[k]});
  }

  const auto model = charsiug2p::Model::load(model_dir);
  std::printf("model: %s\n", model.describe());
  std::printf(
      "corpus: %zu tokens, %zu distinct words of %zu dev words (Zipf s=%.2f), "
      "%zu tokens a call, %d threads\n",
      corpus.size(), distinct, words.size(), zipf, call_words, threads);
  std::vector<Token> warm(corpus.begin(), corpus.begin() + std::min<size_t>(100, corpus.size()));
  run(model, warm, call_words, 1, nullptr);  // page in the weights

  // Without a cache only repeats inside one call are saved.
  size_t decoded_off = 0;
  for (size_t b = 0; b < corpus.size(); b += call_words) {
    std::vector<const std::string*> call;
    for (size_t i = b; i < std::min(corpus.size(), b + call_words); ++i)
      call.push_back(corpus[i].word);  // one language per dev word: the word decides
    std::sort(call.begin(), call.end());
    decoded_off += std::unique(call.begin(), call.end()) - call.begin();
  }
  const double off = run(model, corpus, call_words, threads, nullptr);
  std::printf(
      "cache off:                                             %8.0f words/s (%.1f s), "
      "%zu words decoded (repeats inside one call are decoded once)\n",
      corpus.size() / off, off, decoded_off);
  charsiug2p::Cache cache(static_cast<size_t>(cache_mb) << 20);
  const double on = run(model, corpus, call_words, threads, cache.get());
  const double hits = double(cache.hits()), lookups = double(cache.hits() + cache.misses());
  std::printf(
      "cache on, cold (%d MiB):                               %8.0f words/s (%.1f s), "
      "%.1fx\n",
      cache_mb, corpus.size() / on, on, off / on);
  std::printf(
      "  hit rate %.1f%% of %.0f lookups; %.0f words decoded for %zu tokens "
      "(%.2f model words a token); %llu entries, %.0f KiB\n",
      100.0 * hits / lookups, lookups, lookups - hits, corpus.size(),
      (lookups - hits) / double(corpus.size()), static_cast<unsigned long long>(cache.entries()),
      double(cache.bytes()) / 1024);
  const double again = run(model, corpus, call_words, threads, cache.get());
  std::printf("cache on, warm (the same text again):                  %8.0f words/s (%.3f s)\n",
              corpus.size() / again, again);
  return 0;
}
