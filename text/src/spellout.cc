#include "spellout.h"

#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include <initializer_list>

namespace charsiug2p::text::detail {

namespace {

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The first of `names` that the formatter has, or "".
icu::UnicodeString pick(const icu::RuleBasedNumberFormat& f,
                        std::initializer_list<const char16_t*> names) {
  for (const char16_t* name : names)
    for (int32_t i = 0; i < f.getNumberOfRuleSetNames(); ++i)
      if (f.getRuleSetName(i) == icu::UnicodeString(name)) return icu::UnicodeString(name);
  return {};
}

}  // namespace

SpellOut::SpellOut(const char* locale) {
  const icu::Locale want(locale);
  UErrorCode status = U_ZERO_ERROR;
  auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, want, status);
  if (U_FAILURE(status)) return;
  const icu::Locale got = f->getLocale(ULOC_ACTUAL_LOCALE, status);
  if (U_FAILURE(status) || want.getLanguage()[0] == '\0' ||
      std::string_view(want.getLanguage()) == "und" ||
      std::string_view(got.getLanguage()) != want.getLanguage())
    return;
  year_ = pick(*f, {u"%spellout-numbering-year"});
  ordinal_m_ = pick(*f, {u"%spellout-ordinal-masculine", u"%spellout-ordinal"});
  ordinal_f_ = pick(
      *f, {u"%spellout-ordinal-feminine", u"%spellout-ordinal-masculine", u"%spellout-ordinal"});
  f_ = std::move(f);
  available_ = true;
}

SpellOut::~SpellOut() = default;

std::string SpellOut::format(int64_t v, const icu::UnicodeString& rule_set) const {
  if (!f_ || rule_set.isEmpty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  icu::FieldPosition pos;
  icu::UnicodeString out;
  f_->format(v, rule_set, out, pos, status);
  return U_SUCCESS(status) ? utf8(out) : std::string();
}

std::string SpellOut::cardinal(int64_t v) const {
  if (!f_) return {};
  icu::UnicodeString out;
  f_->format(v, out);
  return utf8(out);
}

std::string SpellOut::decimal(double v) const {
  if (!f_) return {};
  icu::UnicodeString out;
  f_->format(v, out);
  return utf8(out);
}

std::string SpellOut::year(int64_t v) const { return format(v, year_); }

std::string SpellOut::ordinal(int64_t v, bool feminine) const {
  return format(v, feminine ? ordinal_f_ : ordinal_m_);
}

}  // namespace charsiug2p::text::detail
