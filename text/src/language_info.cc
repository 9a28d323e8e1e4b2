#include "language_info.h"

#include "language_table.h"
#include "spellout.h"

namespace charsiug2p::text::detail {

charsiug2p_text_language_info describe_language(std::string_view code) {
  const LanguageEntry& e = language_entry(code);
  const SpellOut spell(e.spell_locale);
  charsiug2p_text_language_info info{};
  info.icu_locale = e.icu_locale;
  info.spell_locale = spell.available() ? e.spell_locale : "";
  info.has_spellout = spell.available();
  info.has_year_rules = spell.available() && spell.has_year();
  info.has_ordinal_suffix =
      spell.available() && spell.has_ordinal() && e.ordinals != OrdinalStyle::kNone;
  return info;
}

}  // namespace charsiug2p::text::detail
