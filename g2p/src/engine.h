// The G2P engine behind the C ABI: a loaded model plus the word pipeline
// (validation, lexicon, cache, de-duplication, prefixing, batched decoding
// on threads, phoneme-set conversion).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "charsiug2p/charsiug2p.h"
#include "phoneme_set.h"
#include "t5_model.h"

namespace charsiug2p::detail {

class Lexicon;
class WordCache;

struct CallOptions {
  bool space_after_colon = false;
  int max_output_len = 0;  // 0: 4 x word bytes + 16, capped at kMaxAutoOutput
  int num_threads = 1;
  int batch_size = 24;
  int max_input_bytes = 512;
  PhonemeSet phoneme_set;                   // id 0: the model's IPA unchanged
  int32_t region = CHARSIUG2P_REGION_AUTO;  // a charsiug2p_region once validated
  const Lexicon* lexicon = nullptr;
  WordCache* cache = nullptr;
};

inline constexpr int kMaxAutoOutput = 1024;
inline constexpr int kMaxOutputLimit = 65536;

struct WordOutcome {
  charsiug2p_error code = CHARSIUG2P_OK;
  std::string text;     // the pronunciation when code is OK
  std::string message;  // why it failed otherwise
  charsiug2p_source source = CHARSIUG2P_SOURCE_NONE;
};

class Engine {
 public:
  // Throws ModelError / chrt::Failure.
  static std::unique_ptr<Engine> load_directory(const std::string& dir);
  static std::unique_ptr<Engine> load_memory(std::string_view config_json, const void* weights,
                                             size_t weights_size);

  // langs holds one code for all words or one per word. Never throws for a
  // bad word: that word gets its own error. Thread-safe.
  std::vector<WordOutcome> phonemize(std::span<const std::string_view> words,
                                     std::span<const std::string_view> langs,
                                     const CallOptions& options) const;

  const T5Model& model() const { return *model_; }
  const std::string& description() const { return description_; }
  // Unique per loaded engine in this process (never reused): part of every
  // cache key, so one cache can serve several models.
  uint64_t id() const { return id_; }

 private:
  Engine(std::unique_ptr<T5Model> model, std::string description);
  static std::unique_ptr<Engine> build(std::string_view config_json, chrt::Weights weights,
                                       const std::string& source);

  std::unique_ptr<T5Model> model_;
  std::string description_;
  uint64_t id_;
};

// Checks option values; throws ModelError(INVALID_ARGUMENT) naming the bad one.
void validate_options(const CallOptions& o);

}  // namespace charsiug2p::detail
