#include "lexicon_entry.h"

#include <algorithm>

#include "languages.h"
#include "tokenizer.h"

namespace charsiug2p::detail {

namespace {

std::string text_problem(const char* what, std::string_view s, size_t limit) {
  if (s.empty()) return std::string("empty ") + what;
  if (s.size() > limit)
    return std::string(what) + " is " + std::to_string(s.size()) + " bytes; the limit is " +
           std::to_string(limit);
  if (!is_valid_utf8(s)) return std::string(what) + " is not valid UTF-8";
  const bool control = std::any_of(
      s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
  if (control) return std::string(what) + " holds a control character (tab, line break, NUL...)";
  return "";
}

}  // namespace

std::string lexicon_entry_problem(std::string_view lang, std::string_view word,
                                  std::string_view pronunciation) {
  if (lang.empty()) return "empty language code";
  if (!is_known_language(lang)) {
    const bool printable = lang.size() <= 32 && text_problem("", lang, 32).empty();
    return "unknown language code '" +
           (printable ? std::string(lang) : std::string("<unprintable>")) +
           "' (see charsiug2p languages)";
  }
  if (std::string p = text_problem("word", word, kMaxLexiconWordBytes); !p.empty()) return p;
  return text_problem("pronunciation", pronunciation, kMaxLexiconPronunciationBytes);
}

std::string lexicon_key(std::string_view lang, std::string_view word) {
  std::string key;
  key.reserve(lang.size() + 1 + word.size());
  key.append(lang).append(1, '\t').append(word);
  return key;
}

}  // namespace charsiug2p::detail
