// Test seam for the text front end: a fake word phonemizer that records
// the words each request hands to the model and answers "<word>", so tests
// see segmentation, number expansion and punctuation without a model.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text_engine.h"
#include "text_error.h"
#include "word_phonemizer.h"

namespace charsiug2p::text::detail {

class FakePhonemizer final : public WordPhonemizer {
 public:
  struct Log {
    std::mutex mutex;
    std::vector<std::vector<std::string>> calls;  // words of each request
    std::set<std::string> failing;                // words answered with an error
  };
  explicit FakePhonemizer(std::shared_ptr<Log> log) : log_(std::move(log)) {}

  std::vector<WordAnswer> phonemize(const std::vector<const char*>& words, const char*,
                                    const charsiug2p_options*) const override {
    std::lock_guard<std::mutex> lock(log_->mutex);
    log_->calls.emplace_back(words.begin(), words.end());
    std::vector<WordAnswer> out;
    for (const char* w : words) {
      if (log_->failing.count(w))
        out.push_back({CHARSIUG2P_ERR_WORD_TOO_LONG, "", "fake failure"});
      else
        out.push_back({CHARSIUG2P_OK, angle(w), ""});
    }
    return out;
  }

 private:
  // (Appends rather than operator+: GCC 12 warns falsely on the latter.)
  static std::string angle(const char* w) {
    std::string s("<");
    s += w;
    s += '>';
    return s;
  }
  std::shared_ptr<Log> log_;
};

// An engine on the fake, and what it was asked.
struct FakeEngine {
  std::shared_ptr<FakePhonemizer::Log> log = std::make_shared<FakePhonemizer::Log>();
  TextEngine engine{std::make_unique<FakePhonemizer>(log)};

  TextBatch run(std::string_view text, const char* lang) {
    const std::string_view texts[1] = {text};
    return engine.run(texts, lang, nullptr);
  }
  // The words of the last request, in the order handed over.
  std::vector<std::string> last_words() {
    std::lock_guard<std::mutex> lock(log->mutex);
    return log->calls.empty() ? std::vector<std::string>() : log->calls.back();
  }
};

// One letter per token: W word, N number, O override, . punctuation, _ space.
inline std::string kinds(const TextBatch& b) {
  std::string out;
  for (const Token& t : b.tokens) out += "W._NO"[t.kind];
  return out;
}

// The source text of each token, to compare against the input.
inline std::vector<std::string> sources(const TextBatch& b, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : b.tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

// Tokens tile the text: contiguous, in order, from 0 to its size.
inline bool tiles(const TextBatch& b, size_t size) {
  size_t pos = 0;
  for (const Token& t : b.tokens) {
    if (t.begin != pos || t.end <= t.begin) return false;
    pos = t.end;
  }
  return pos == size;
}

}  // namespace charsiug2p::text::detail
