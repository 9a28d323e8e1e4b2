#include "locale_tools.h"

#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>

#include "text_error.h"

namespace charsiug2p::text::detail {

namespace {

char32_t first_code_point(const icu::UnicodeString& s) {
  return s.isEmpty() ? 0 : char32_t(s.char32At(0));
}

void add(std::u32string& set, char32_t c, const std::u32string& other) {
  if (c != 0 && set.find(c) == std::u32string::npos && other.find(c) == std::u32string::npos)
    set += c;
}

// The separators of the locale's own digits first, then those it uses with
// Latin digits (Arabic text mixes "١٢٣٫٤" and "1,250"), never letting one
// character be both.
NumberSymbols number_symbols(const char* locale) {
  NumberSymbols out;
  for (const std::string& id : {std::string(locale), std::string(locale) + "@numbers=latn"}) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DecimalFormatSymbols sym(icu::Locale(id.c_str()), status);
    if (U_FAILURE(status)) continue;
    add(out.decimal,
        first_code_point(sym.getConstSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol)),
        out.grouping);
    add(out.grouping,
        first_code_point(sym.getConstSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol)),
        out.decimal);
  }
  // Where the locale groups digits with a no-break space (fr U+202F, ru
  // U+00A0), people type any of the no-break or thin spaces.
  const char32_t g = out.grouping.empty() ? 0 : out.grouping[0];
  if (g == 0x00A0 || g == 0x202F || g == 0x2009)
    for (char32_t c : {U'\u00A0', U'\u202F', U'\u2009'}) add(out.grouping, c, out.decimal);
  return out;
}

}  // namespace

LocaleTools::LocaleTools(const LanguageEntry& e)
    : entry(e), spell(e.spell_locale), symbols(number_symbols(e.icu_locale)) {
  UErrorCode status = U_ZERO_ERROR;
  words.reset(icu::BreakIterator::createWordInstance(icu::Locale(e.icu_locale), status));
  if (U_FAILURE(status) || !words)
    throw TextError(CHARSIUG2P_TEXT_ERR_ICU, std::string("no ICU word break iterator for '") +
                                                 e.icu_locale + "': " + u_errorName(status));
}

ToolPool::Lease ToolPool::acquire(const LanguageEntry& entry) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = idle_.find(entry.code);
    if (it != idle_.end() && !it->second.empty()) {
      std::unique_ptr<LocaleTools> tools = std::move(it->second.back());
      it->second.pop_back();
      return Lease(*this, std::move(tools));
    }
  }
  // Built outside the lock: another language's calls need not wait.
  return Lease(*this, std::make_unique<LocaleTools>(entry));
}

void ToolPool::give_back(std::unique_ptr<LocaleTools> tools) {
  if (!tools) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_[std::string(tools->entry.code)].push_back(std::move(tools));
}

}  // namespace charsiug2p::text::detail
