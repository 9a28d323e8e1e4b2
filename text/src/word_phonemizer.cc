#include "word_phonemizer.h"

#include "text_error.h"

namespace charsiug2p::text::detail {

namespace {

class ModelPhonemizer final : public WordPhonemizer {
 public:
  explicit ModelPhonemizer(const charsiug2p_model* model) : model_(model) {}

  std::vector<WordAnswer> phonemize(const std::vector<const char*>& words, const char* lang,
                                    const charsiug2p_options* options) const override {
    charsiug2p_result* r = nullptr;
    const int code = charsiug2p_phonemize(model_, words.data(), words.size(), lang, options, &r);
    if (code != CHARSIUG2P_OK) throw TextError(code, charsiug2p_last_error());
    std::vector<WordAnswer> out(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      out[i].error = charsiug2p_result_error(r, i);
      if (out[i].error == CHARSIUG2P_OK)
        out[i].phonemes.assign(charsiug2p_result_text(r, i), charsiug2p_result_length(r, i));
      else
        out[i].message = charsiug2p_result_message(r, i);
    }
    charsiug2p_result_free(r);
    return out;
  }

 private:
  const charsiug2p_model* model_;
};

}  // namespace

std::unique_ptr<WordPhonemizer> model_phonemizer(const charsiug2p_model* model) {
  return std::make_unique<ModelPhonemizer>(model);
}

}  // namespace charsiug2p::text::detail
