// What a lexicon entry may hold, checked alike when a builder adds it and
// when a compiled file is loaded (a file is only as trusted as its checks).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace charsiug2p::detail {

inline constexpr size_t kMaxLexiconWordBytes = 1024;
inline constexpr size_t kMaxLexiconPronunciationBytes = 4096;

// "" when (lang, word, pronunciation) is a valid entry, else the problem:
// unknown language code; empty, over-long, invalid UTF-8 or control
// characters (tab, line breaks, NUL ...) in word or pronunciation.
std::string lexicon_entry_problem(std::string_view lang, std::string_view word,
                                  std::string_view pronunciation);

// The two halves of it, for a loader that checks each language once.
std::string lexicon_language_problem(std::string_view lang);
std::string lexicon_text_problem(std::string_view word, std::string_view pronunciation);

// The sort and search key of an entry: "lang\tword".
std::string lexicon_key(std::string_view lang, std::string_view word);

}  // namespace charsiug2p::detail
