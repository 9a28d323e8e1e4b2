// Which ICU locale serves each language code of the model (the table is
// documented in text/LANGUAGES.md).
#pragma once

#include <string_view>

namespace charsiug2p::text::detail {

// How written ordinals look in a language ("3rd", "1er", "2º").
enum class OrdinalStyle { kNone, kEnglish, kFrench, kRomanceIndicator };

struct LanguageEntry {
  std::string_view code;     // a charsiug2p language code
  const char* icu_locale;    // word breaks and number symbols
  const char* spell_locale;  // whose spell-out rules to use (if ICU has them)
  OrdinalStyle ordinals;
};

// The entry for `code`; codes missing from the table (a newer model) get
// the root locale and no spell-out, so their digits go to the model.
const LanguageEntry& language_entry(std::string_view code);

// The whole table (for tests and documentation), sorted by code.
const LanguageEntry* language_table_begin();
const LanguageEntry* language_table_end();

}  // namespace charsiug2p::text::detail
