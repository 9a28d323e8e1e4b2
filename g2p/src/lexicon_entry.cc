#include "lexicon_entry.h"

#include "chrt/runtime.h"
#include "languages.h"

namespace charsiug2p::detail {

namespace {

// One pass for UTF-8 and control characters: loading a lexicon checks every
// string, so ASCII takes the short path.
std::string text_problem(const char* what, std::string_view s, size_t limit) {
  if (s.empty()) return std::string("empty ") + what;
  if (s.size() > limit)
    return std::string(what) + " is " + std::to_string(s.size()) + " bytes; the limit is " +
           std::to_string(limit);
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F)
      return std::string(what) + " holds a control character (tab, line break, NUL...)";
    if (b < 0x80) {
      ++i;
      continue;
    }
    const int32_t n = chrt_utf8_sequence(s.data() + i, s.size() - i);
    if (n <= 0) return std::string(what) + " is not valid UTF-8";
    i += static_cast<size_t>(n);
  }
  return "";
}

}  // namespace

std::string lexicon_language_problem(std::string_view lang) {
  if (lang.empty()) return "empty language code";
  if (is_known_language(lang)) return "";
  const bool printable = lang.size() <= 32 && text_problem("", lang, 32).empty();
  return "unknown language code '" +
         (printable ? std::string(lang) : std::string("<unprintable>")) +
         "' (see charsiug2p languages)";
}

std::string lexicon_text_problem(std::string_view word, std::string_view pronunciation) {
  if (std::string p = text_problem("word", word, kMaxLexiconWordBytes); !p.empty()) return p;
  return text_problem("pronunciation", pronunciation, kMaxLexiconPronunciationBytes);
}

std::string lexicon_entry_problem(std::string_view lang, std::string_view word,
                                  std::string_view pronunciation) {
  if (std::string p = lexicon_language_problem(lang); !p.empty()) return p;
  return lexicon_text_problem(word, pronunciation);
}

std::string lexicon_key(std::string_view lang, std::string_view word) {
  std::string key;
  key.reserve(lang.size() + 1 + word.size());
  key.append(lang).append(1, '\t').append(word);
  return key;
}

}  // namespace charsiug2p::detail
