#include "text_engine.h"

#include <unordered_map>

#include "joined.h"
#include "text_error.h"
#include "tokenizer.h"

namespace charsiug2p::text::detail {

namespace {

// Phonemes of a token from the answers to its words: a number's words are
// joined by spaces; the first failing word fails the token.
void fill(Token& t, const std::vector<size_t>& ids, const std::vector<WordAnswer>& answers) {
  std::string phonemes;
  for (size_t id : ids) {
    const WordAnswer& a = answers[id];
    if (a.error != CHARSIUG2P_OK) {
      t.error = a.error;
      t.message = a.message;
      t.phonemes.clear();
      return;
    }
    if (!phonemes.empty() && !a.phonemes.empty()) phonemes += ' ';
    phonemes += a.phonemes;
  }
  t.phonemes = std::move(phonemes);
}

}  // namespace

bool is_model_language(std::string_view code) {
  for (size_t i = 0; i < charsiug2p_language_count(); ++i)
    if (code == charsiug2p_language_code(i)) return true;
  return false;
}

TextBatch TextEngine::run(std::span<const std::string_view> texts, const char* lang,
                          const charsiug2p_options* options) const {
  if (!is_model_language(lang))
    throw TextError(CHARSIUG2P_ERR_UNKNOWN_LANGUAGE,
                    std::string("unknown language code '") + lang +
                        "' (charsiug2p_language_code lists the known ones)");
  for (const std::string_view t : texts)
    if (t.size() > kMaxTextBytes)
      throw TextError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "a text of " + std::to_string(t.size()) +
                                                           " bytes exceeds the limit of " +
                                                           std::to_string(kMaxTextBytes));
  TextBatch out;
  {
    const auto tools = pool_.acquire(language_entry(lang));
    for (const std::string_view t : texts) {
      out.first.push_back(out.tokens.size());
      std::vector<Token> tokens = tokenize(t, *tools, lang);
      out.tokens.insert(out.tokens.end(), std::make_move_iterator(tokens.begin()),
                        std::make_move_iterator(tokens.end()));
    }
    out.first.push_back(out.tokens.size());
  }
  // Each distinct word once: running text repeats its words a lot.
  std::unordered_map<std::string_view, size_t> index;
  std::vector<const char*> unique;
  std::vector<std::vector<size_t>> ids(out.tokens.size());
  for (size_t i = 0; i < out.tokens.size(); ++i)
    for (const std::string& w : out.tokens[i].words) {
      const auto [it, added] = index.try_emplace(w, unique.size());
      if (added) unique.push_back(w.c_str());
      ids[i].push_back(it->second);
    }
  const std::vector<WordAnswer> answers = words_->phonemize(unique, lang, options);
  if (answers.size() != unique.size())
    throw TextError(CHARSIUG2P_ERR_INTERNAL, "the word engine answered a different word count");
  out.model_words = unique.size();
  for (size_t i = 0; i < out.tokens.size(); ++i) {
    if (!ids[i].empty()) fill(out.tokens[i], ids[i], answers);
    out.failures += out.tokens[i].error != CHARSIUG2P_OK;
  }
  for (size_t i = 0; i + 1 < out.first.size(); ++i)
    out.joined.push_back(join_tokens(
        std::span<const Token>(out.tokens).subspan(out.first[i], out.first[i + 1] - out.first[i])));
  return out;
}

}  // namespace charsiug2p::text::detail
