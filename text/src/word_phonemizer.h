// The seam between the text front end and the word-level engine: the real
// one calls the public C ABI (charsiug2p_phonemize); unit tests inject a
// fake to see exactly which words a text hands to the model.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p.h"

namespace charsiug2p::text::detail {

struct WordAnswer {
  int32_t error = CHARSIUG2P_OK;
  std::string phonemes;
  std::string message;
};

class WordPhonemizer {
 public:
  virtual ~WordPhonemizer() = default;
  // One answer per word, in order, for words all in `lang`; `options` is
  // passed through untouched. Called once per request, also with no words
  // (so that bad options fail every request alike). Throws TextError when
  // the whole call fails. Must be thread-safe.
  virtual std::vector<WordAnswer> phonemize(const std::vector<const char*>& words, const char* lang,
                                            const charsiug2p_options* options) const = 0;
};

// Phonemizes through charsiug2p_phonemize on `model` (borrowed).
std::unique_ptr<WordPhonemizer> model_phonemizer(const charsiug2p_model* model);

}  // namespace charsiug2p::text::detail
