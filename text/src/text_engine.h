// The text front end behind the C ABI: tokenizes each text with pooled ICU
// objects, sends every distinct word of the request to the word engine in
// one call, and puts the answers back into the tokens.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "locale_tools.h"
#include "token.h"
#include "word_phonemizer.h"

namespace charsiug2p::text::detail {

// Inputs larger than this are refused: ICU's break iterators index text
// with 32-bit offsets.
inline constexpr size_t kMaxTextBytes = size_t(1) << 30;

struct TextBatch {
  std::vector<Token> tokens;        // all texts, in order
  std::vector<size_t> first;        // tokens of text i: [first[i], first[i + 1])
  std::vector<std::string> joined;  // one per text
  size_t failures = 0;              // tokens with an error
  size_t model_words = 0;           // distinct words handed to the model
};

class TextEngine {
 public:
  explicit TextEngine(std::unique_ptr<WordPhonemizer> words) : words_(std::move(words)) {}

  // Thread-safe. Throws TextError: CHARSIUG2P_ERR_UNKNOWN_LANGUAGE for a
  // code the word library does not list, INVALID_ARGUMENT for a text over
  // kMaxTextBytes, CHARSIUG2P_TEXT_ERR_ICU, or whatever the word call fails with.
  TextBatch run(std::span<const std::string_view> texts, const char* lang,
                const charsiug2p_options* options) const;

 private:
  std::unique_ptr<WordPhonemizer> words_;
  mutable ToolPool pool_;
};

// Whether the word library lists `code` (charsiug2p_language_code).
bool is_model_language(std::string_view code);

}  // namespace charsiug2p::text::detail
