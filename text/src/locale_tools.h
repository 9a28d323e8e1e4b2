// The ICU objects one language needs (word break iterator, spell-out rules,
// number symbols), and a pool that lends each to one call at a time: ICU's
// iterators and formatters are not thread-safe, and building them costs
// far more than a short sentence takes to process.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <unicode/brkiter.h>

#include "language_table.h"
#include "number_parse.h"
#include "spellout.h"

namespace charsiug2p::text::detail {

struct LocaleTools {
  explicit LocaleTools(const LanguageEntry& e);  // throws TextError(ICU) if ICU fails
  const LanguageEntry& entry;
  std::unique_ptr<icu::BreakIterator> words;
  SpellOut spell;
  NumberSymbols symbols;
};

// Thread-safe. Tools go back to the pool when the lease ends.
class ToolPool {
 public:
  class Lease {
   public:
    Lease(ToolPool& pool, std::unique_ptr<LocaleTools> tools)
        : pool_(pool), tools_(std::move(tools)) {}
    ~Lease() { pool_.give_back(std::move(tools_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    LocaleTools& operator*() const { return *tools_; }
    LocaleTools* operator->() const { return tools_.get(); }

   private:
    ToolPool& pool_;
    std::unique_ptr<LocaleTools> tools_;
  };

  Lease acquire(const LanguageEntry& entry);

 private:
  void give_back(std::unique_ptr<LocaleTools> tools);

  std::mutex mutex_;
  std::map<std::string, std::vector<std::unique_ptr<LocaleTools>>, std::less<>> idle_;
};

}  // namespace charsiug2p::text::detail
