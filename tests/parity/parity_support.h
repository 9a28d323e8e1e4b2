// Helpers shared by the parity tests: fixture paths, TSV reading, and a
// decoder observer that records per-step logits.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine.h"
#include "t5_forward.h"
#include "tokenizer.h"

namespace parity {

inline std::string shared_dir() { return CHARSIUG2P_SHARED_DIR; }
inline std::string fixture_dir() { return shared_dir() + "/fixtures/tiny-g2p-8x4"; }
inline std::string test_data_dir() { return CHARSIUG2P_TEST_DATA_DIR; }

// CHARSIUG2P_GOLDEN_STRIDE=N checks every Nth word only: the emulated arm64
// run in CI (qemu is many times slower) takes a deterministic subset that
// still spans all 100 languages of the file (50 words each) when N <= 50.
inline size_t golden_stride() {
  const char* s = std::getenv("CHARSIUG2P_GOLDEN_STRIDE");
  const long n = s ? std::strtol(s, nullptr, 10) : 1;
  return n >= 1 ? static_cast<size_t>(n) : 1;
}

inline std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (;;) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

// Logits of every step of a single-word decode.
struct Recorder : charsiug2p::detail::StepObserver {
  std::vector<std::vector<float>> steps;
  void on_logits(int, int, const float* logits, int vocab) override {
    steps.emplace_back(logits, logits + vocab);
  }
};

inline float top2_margin(const std::vector<float>& v) {
  float a = -1e30f, b = -1e30f;
  for (float x : v) {
    if (x > a) {
      b = a;
      a = x;
    } else if (x > b) {
      b = x;
    }
  }
  return a - b;
}

// Decodes one prefixed input alone, recording logits.
inline std::vector<int32_t> decode_one(const charsiug2p::detail::T5Model& model,
                                       const std::string& input, int max_new, Recorder* rec) {
  charsiug2p::detail::TokenBatch batch;
  batch.add(charsiug2p::detail::encode_bytes(input), max_new);
  charsiug2p::detail::Workspace ws;
  return charsiug2p::detail::greedy_decode(model, batch, ws, rec)[0];
}

// A mismatch is acceptable only as a near tie: decodes the word alone and
// returns the top-2 logit gap at the first differing output byte (one token
// per byte), or -1 when the outputs part after our decode ended. Prints both.
inline float mismatch_margin(const charsiug2p::detail::T5Model& model, std::string_view lang,
                             std::string_view word, bool space, const std::string& ours,
                             const std::string& theirs) {
  size_t step = 0;
  while (step < ours.size() && step < theirs.size() && ours[step] == theirs[step]) ++step;
  Recorder rec;
  decode_one(model, charsiug2p::detail::prefixed_input(lang, word, space), 127, &rec);
  const float margin = step < rec.steps.size() ? top2_margin(rec.steps[step]) : -1.0f;
  std::printf(
      "mismatch %.*s %.*s (space %d) at step %zu: top-2 margin %.3g\n  ours   %s\n  theirs %s\n",
      static_cast<int>(lang.size()), lang.data(), static_cast<int>(word.size()), word.data(),
      space ? 1 : 0, step, margin, ours.c_str(), theirs.c_str());
  return margin;
}

}  // namespace parity
