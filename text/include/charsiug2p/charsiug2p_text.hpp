// Header-only C++ wrapper over the text front end's C ABI
// (charsiug2p_text.h): RAII handles, exceptions (charsiug2p::Error), views.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "charsiug2p/charsiug2p.hpp"
#include "charsiug2p/charsiug2p_text.h"

namespace charsiug2p {

inline void check_text(int code) {
  if (code != CHARSIUG2P_OK) throw Error(code, charsiug2p_text_last_error());
}

// One token; the views live as long as the TextResult they came from.
struct TextToken {
  charsiug2p_text_token_kind kind;
  int error;
  uint32_t flags;
  size_t text_index, source_begin, source_end;
  std::string_view text, phonemes;
  const char* message;
};

class TextResult {
 public:
  explicit TextResult(charsiug2p_text_result* r) : r_(r) {}
  size_t text_count() const { return charsiug2p_text_result_text_count(r_.get()); }
  std::string_view joined(size_t text_index = 0) const {
    size_t n = 0;
    const char* s = charsiug2p_text_result_joined(r_.get(), text_index, &n);
    return s ? std::string_view(s, n) : std::string_view();
  }
  size_t token_count() const { return charsiug2p_text_result_token_count(r_.get()); }
  size_t first_token(size_t text_index) const {
    return charsiug2p_text_result_first_token(r_.get(), text_index);
  }
  TextToken token(size_t index) const {
    charsiug2p_text_token t{};
    t.struct_size = sizeof t;
    check_text(charsiug2p_text_result_token(r_.get(), index, &t));
    return {static_cast<charsiug2p_text_token_kind>(t.kind),
            t.error,
            t.flags,
            t.text_index,
            t.source_begin,
            t.source_end,
            std::string_view(t.text, t.text_length),
            std::string_view(t.phonemes, t.phonemes_length),
            t.message};
  }
  // The tokens of one text.
  std::vector<TextToken> tokens(size_t text_index = 0) const {
    std::vector<TextToken> out;
    for (size_t i = first_token(text_index); i < first_token(text_index + 1); ++i)
      out.push_back(token(i));
    return out;
  }
  size_t failures() const { return charsiug2p_text_result_failures(r_.get()); }
  size_t model_words() const { return charsiug2p_text_result_model_words(r_.get()); }

 private:
  struct Free {
    void operator()(charsiug2p_text_result* r) const { charsiug2p_text_result_free(r); }
  };
  std::unique_ptr<charsiug2p_text_result, Free> r_;
};

// A text engine over a Model (which must outlive it); thread-safe to share.
class TextEngine {
 public:
  explicit TextEngine(const Model& model) {
    charsiug2p_text_engine* e = nullptr;
    check_text(charsiug2p_text_engine_create(model.get(), &e));
    e_.reset(e);
  }
  TextResult phonemize(std::string_view text, const char* lang,
                       const charsiug2p_options& options) const {
    charsiug2p_text_result* r = nullptr;
    check_text(charsiug2p_text_phonemize(e_.get(), text.data(), text.size(), lang, &options, &r));
    return TextResult(r);
  }
  TextResult phonemize(const std::vector<std::string_view>& texts, const char* lang,
                       const charsiug2p_options& options) const {
    std::vector<const char*> data;
    std::vector<size_t> sizes;
    for (std::string_view t : texts) {
      data.push_back(t.data());
      sizes.push_back(t.size());
    }
    charsiug2p_text_result* r = nullptr;
    check_text(charsiug2p_text_phonemize_many(e_.get(), data.data(), sizes.data(), texts.size(),
                                              lang, &options, &r));
    return TextResult(r);
  }

 private:
  struct Free {
    void operator()(charsiug2p_text_engine* e) const { charsiug2p_text_engine_free(e); }
  };
  std::unique_ptr<charsiug2p_text_engine, Free> e_;
};

// How text in `lang` is handled (see charsiug2p_text_language_info).
inline charsiug2p_text_language_info text_language_info(const char* lang) {
  charsiug2p_text_language_info info{};
  info.struct_size = sizeof info;
  check_text(charsiug2p_text_language_info_get(lang, &info));
  return info;
}

}  // namespace charsiug2p
