// Number words from ICU's rule-based number format (RBNF) spell-out rules.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <unicode/rbnf.h>

namespace charsiug2p::text::detail {

// One locale's spell-out rules. Not thread-safe: one thread at a time (the
// engine's pool guarantees it).
class SpellOut {
 public:
  // Never throws for a locale ICU lacks: available() is then false. ICU
  // quietly falls back to the default locale's rules when a language has
  // none, so availability means "the rules found are the language's own".
  explicit SpellOut(const char* locale);
  ~SpellOut();
  SpellOut(const SpellOut&) = delete;
  SpellOut& operator=(const SpellOut&) = delete;

  bool available() const { return available_; }
  bool has_year() const { return !year_.isEmpty(); }
  bool has_ordinal() const { return !ordinal_m_.isEmpty(); }

  // Each returns UTF-8 text, "" when ICU fails or the rules are missing.
  std::string cardinal(int64_t v) const;  // the locale's default rule set
  std::string decimal(double v) const;
  std::string year(int64_t v) const;
  std::string ordinal(int64_t v, bool feminine) const;

 private:
  std::string format(int64_t v, const icu::UnicodeString& rule_set) const;

  std::unique_ptr<icu::RuleBasedNumberFormat> f_;
  bool available_ = false;
  icu::UnicodeString year_, ordinal_m_, ordinal_f_;
};

}  // namespace charsiug2p::text::detail
