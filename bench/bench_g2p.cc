// Prints throughput and single-word latency of a model on the CharsiuG2P dev
// words (all languages). A benchmark, not a test: it reports figures.
//
//   bench_g2p [--model DIR] [--dev DIR] [--threads N] [--batch-size N]
//             [--max-output-len N] [--latency-words N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p.hpp"
#include "chrt/runtime.h"
#include "dev_words.h"

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::string model_dir = std::string(CHARSIUG2P_SOURCE_DIR) + "/models/default";
  std::string dev = std::string(CHARSIUG2P_SOURCE_DIR) + "/../shared/data/charsiug2p/dev";
  int threads = 2, batch = 24, max_out = 0, latency_words = 5000, repeats = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--model")
      model_dir = v;
    else if (a == "--dev")
      dev = v;
    else if (a == "--threads")
      threads = std::stoi(v);
    else if (a == "--batch-size")
      batch = std::stoi(v);
    else if (a == "--max-output-len")
      max_out = std::stoi(v);
    else if (a == "--latency-words")
      latency_words = std::stoi(v);
    else if (a == "--repeats")
      repeats = std::stoi(v);
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 1;
    }
  }
  const auto [words, langs] = charsiug2p::bench::load_dev_words(dev);
  std::vector<const char*> w, l;
  for (size_t i = 0; i < words.size(); ++i) {
    w.push_back(words[i].c_str());
    l.push_back(langs[i].c_str());
  }
  const auto model = charsiug2p::Model::load(model_dir);
  std::printf("model: %s\nkernels: %s\nwords: %zu from %s\n", model.describe(), chrt_kernel_isa(),
              words.size(), dev.c_str());

  auto opts = charsiug2p::default_options();
  opts.num_threads = threads;
  opts.batch_size = batch;
  opts.max_output_len = max_out;
  model.phonemize(std::vector<const char*>(w.begin(), w.begin() + 200),
                  std::vector<const char*>(l.begin(), l.begin() + 200), opts);  // warm-up
  double best = 1e30;
  size_t out_bytes = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = Clock::now();
    const auto res = model.phonemize(w, l, opts);
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    out_bytes = 0;
    for (size_t i = 0; i < res.size(); ++i) out_bytes += res.text(i).size();
  }
  std::printf(
      "throughput: %.0f words/s (%d threads, batch %d, best of %d, %.1f output bytes/word)\n",
      words.size() / best, threads, batch, repeats, double(out_bytes) / words.size());

  auto one = charsiug2p::default_options();
  one.max_output_len = max_out;
  std::vector<double> ms;
  const size_t n = std::min<size_t>(latency_words, words.size());
  for (size_t i = 0; i < n; ++i) {
    const size_t k = i * words.size() / n;
    const auto t0 = Clock::now();
    model.phonemize({w[k]}, {l[k]}, one);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("latency: median %.2f ms, p90 %.2f ms per single word (1 thread, %zu words)\n",
              ms[ms.size() / 2], ms[ms.size() * 9 / 10], n);
  return 0;
}
