// Prints the text front end's speed on running text: lines built from the
// CharsiuG2P dev words of several languages with Zipf-like repetition (rank
// r drawn with weight 1/r^s), commas, full stops and numbers, written
// without spaces in the scripts that use none. Reports words/s with the
// word cache off and on, and the cache's hit rate. A benchmark: it prints
// figures and checks nothing.
//
//   bench_text [--model DIR] [--dev DIR] [--words N] [--zipf S]
//              [--lines-per-call N] [--threads N] [--off-fraction F (0: skip)]
//
// Words are the word and number tokens after segmentation (a Thai or
// Chinese dev word may be several). "cold" starts from an empty cache, so
// every distinct word of the corpus is decoded once by the model; "warm"
// runs the same text again: the text front end plus cache lookups.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "charsiug2p/charsiug2p_text.hpp"
#include "dev_words.h"

using Clock = std::chrono::steady_clock;

namespace {

const char* const kLangs[] = {"eng-us", "ger", "fra", "spa",   "ita", "por-bz", "rus", "pol",
                              "ara",    "hin", "tha", "zho-s", "jpn", "kor",    "tur", "vie-n"};

bool without_spaces(const std::string& lang) {
  return lang == "tha" || lang == "zho-s" || lang == "jpn";
}

struct Corpus {
  std::map<std::string, std::vector<std::string>> lines;  // per language
  size_t words = 0, distinct = 0;
};

Corpus build_corpus(const charsiug2p::bench::DevWords& dev, size_t total_words, double zipf) {
  std::map<std::string, std::vector<std::string>> vocab;
  for (size_t i = 0; i < dev.words.size(); ++i) vocab[dev.langs[i]].push_back(dev.words[i]);
  std::mt19937 rng(42);
  Corpus c;
  std::set<std::string> seen;
  const size_t per_lang = total_words / std::size(kLangs);
  for (const std::string lang : kLangs) {
    std::vector<std::string> words = vocab[lang];
    std::shuffle(words.begin(), words.end(), rng);
    std::vector<double> weight(words.size());
    for (size_t r = 0; r < weight.size(); ++r) weight[r] = 1.0 / std::pow(double(r + 1), zipf);
    std::discrete_distribution<size_t> draw(weight.begin(), weight.end());
    std::uniform_int_distribution<int> length(5, 16), percent(0, 99), number(1, 99999),
        year(1900, 2030);
    const char* gap = without_spaces(lang) ? "" : " ";
    for (size_t n = 0; n < per_lang;) {
      std::string line;
      const int len = length(rng);
      for (int k = 0; k < len; ++k, ++n) {
        if (k > 0) line += percent(rng) < 8 ? std::string(",") + gap : std::string(gap);
        const int p = percent(rng);
        if (p < 3) {
          line += std::to_string(number(rng));
        } else if (p < 5) {
          line += std::to_string(year(rng));
        } else {
          const std::string& w = words[draw(rng)];
          c.distinct += seen.insert(lang + '\t' + w).second;
          line += w;
        }
      }
      c.lines[lang].push_back(line + ".");
      c.words += len;
    }
  }
  return c;
}

struct Outcome {
  double seconds = 0;
  size_t words = 0;  // spoken tokens: words, numbers
};

// Each language's lines in calls of lines_per_call (a paragraph), the
// languages taking turns; `callers` threads take calls in order, each call
// using `threads` word-engine threads. `fraction` of each language's lines.
Outcome run(const charsiug2p::TextEngine& engine, const Corpus& c, size_t lines_per_call,
            int callers, int threads, charsiug2p_cache* cache, double fraction = 1.0) {
  struct Call {
    const char* lang;
    std::vector<std::string_view> lines;
  };
  std::vector<Call> calls;
  for (size_t b = 0;; b += lines_per_call) {
    bool any = false;
    for (const auto& [lang, all] : c.lines) {
      const size_t n = std::max<size_t>(1, size_t(double(all.size()) * fraction));
      if (b >= n) continue;
      any = true;
      calls.push_back(
          {lang.c_str(), {all.begin() + b, all.begin() + std::min(n, b + lines_per_call)}});
    }
    if (!any) break;
  }
  auto opts = charsiug2p::default_options();
  opts.num_threads = threads;
  opts.cache = cache;
  std::atomic<size_t> next{0}, words{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < callers; ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < calls.size();) {
        const auto r = engine.phonemize(calls[i].lines, calls[i].lang, opts);
        size_t n = 0;
        for (size_t k = 0; k < r.token_count(); ++k) {
          const auto kind = r.token(k).kind;
          n += kind == CHARSIUG2P_TEXT_WORD || kind == CHARSIUG2P_TEXT_NUMBER;
        }
        words += n;
      }
    });
  for (auto& t : pool) t.join();
  return {std::chrono::duration<double>(Clock::now() - t0).count(), words.load()};
}

void report(const char* what, const Outcome& o, const charsiug2p::Cache* cache, uint64_t hits0 = 0,
            uint64_t misses0 = 0) {
  std::printf("  %-34s %9.0f words/s (%zu words, %.2f s)", what, o.words / o.seconds, o.words,
              o.seconds);
  if (cache) {
    const double h = double(cache->hits() - hits0), m = double(cache->misses() - misses0);
    // The cache counts one lookup per distinct word of a call; misses are
    // what the model decoded.
    std::printf(", cache hit rate %.1f%% (%.0f hits, %.0f misses: %.1f%% of the words decoded)",
                100 * h / (h + m), h, m, 100 * m / double(o.words));
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_dir = std::string(CHARSIUG2P_SOURCE_DIR) + "/models/default";
  std::string dev = std::string(CHARSIUG2P_SOURCE_DIR) + "/../shared/data/charsiug2p/dev";
  size_t total = 100000, lines_per_call = 8;
  double off_fraction = 0.1;
  double zipf = 1.0;
  int threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--model") {
      model_dir = v;
    } else if (a == "--dev") {
      dev = v;
    } else if (a == "--words") {
      total = std::stoul(v);
    } else if (a == "--zipf") {
      zipf = std::stod(v);
    } else if (a == "--lines-per-call") {
      lines_per_call = std::max<size_t>(1, std::stoul(v));
    } else if (a == "--off-fraction") {
      off_fraction = std::clamp(std::stod(v), 0.0, 1.0);
    } else if (a == "--threads") {
      threads = std::max(1, std::stoi(v));
    } else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 1;
    }
  }
  const Corpus corpus = build_corpus(charsiug2p::bench::load_dev_words(dev), total, zipf);
  const auto model = charsiug2p::Model::load(model_dir);
  const charsiug2p::TextEngine engine(model);
  size_t lines = 0;
  for (const auto& [lang, l] : corpus.lines) lines += l.size();
  std::printf("model: %s; ICU %s\n", model.describe(), charsiug2p_text_icu_version());
  std::printf(
      "corpus: %zu languages, %zu lines, %zu words (%zu distinct dev words, Zipf s=%.2f, "
      "~5%% numbers), %zu lines a call\n",
      corpus.lines.size(), lines, corpus.words, corpus.distinct, zipf, lines_per_call);
  // Warm up: ICU's data and the model's weights paged in, the pools filled.
  Corpus warm;
  for (const auto& [lang, l] : corpus.lines) warm.lines[lang].assign(l.begin(), l.begin() + 1);
  run(engine, warm, lines_per_call, 1, threads, nullptr);

  std::printf("1 caller, %d word-engine threads a call:\n", threads);
  // Without the cache only repeats inside one call are decoded once; timed
  // on the first part of each language's lines (the rate, not the total).
  char off_label[64];
  std::snprintf(off_label, sizeof off_label, "cache off (first %.0f%% of lines)",
                100 * off_fraction);
  if (off_fraction > 0)
    report(off_label, run(engine, corpus, lines_per_call, 1, threads, nullptr, off_fraction),
           nullptr);
  {
    const charsiug2p::Cache cache;
    report("cache on, cold", run(engine, corpus, lines_per_call, 1, threads, cache.get()), &cache);
    const uint64_t h = cache.hits(), m = cache.misses();
    report("cache on, warm (same text again)",
           run(engine, corpus, lines_per_call, 1, threads, cache.get()), &cache, h, m);
  }
  std::printf("%d callers sharing the engine and the cache, 1 thread a call:\n", threads);
  const charsiug2p::Cache cache;
  report("cache on, cold", run(engine, corpus, lines_per_call, threads, 1, cache.get()), &cache);
  const uint64_t h = cache.hits(), m = cache.misses();
  report("cache on, warm (same text again)",
         run(engine, corpus, lines_per_call, threads, 1, cache.get()), &cache, h, m);
  return 0;
}
