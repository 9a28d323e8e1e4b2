// Collects lexicon entries (from TSV text or one by one), resolves repeated
// words by policy and writes the compiled form (lexicon_format.h).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "charsiug2p/charsiug2p.h"

namespace charsiug2p::detail {

class LexiconBuilder {
 public:
  explicit LexiconBuilder(charsiug2p_duplicates policy) : policy_(policy) {}

  // Throws ModelError(LEXICON_FORMAT) naming the problem; adds nothing then.
  void add(std::string_view lang, std::string_view word, std::string_view pronunciation);
  // All or nothing: bad lines and refused duplicates are all reported (up to
  // 20, as "source:line: problem") in one ModelError(LEXICON_FORMAT).
  void add_tsv(std::string_view text, std::string_view source, std::string_view lang);

  size_t size() const { return entries_.size(); }
  // The compiled file image. Throws ModelError(LEXICON_FORMAT) past the
  // format's 4 GiB of strings.
  std::vector<unsigned char> serialize() const;

 private:
  struct Slot {
    std::string pronunciation;
    std::string where;  // "source:line" of the entry kept
  };
  struct Pending {
    std::string key, pronunciation, where;
  };
  // Applies entries after checking every one against the policy.
  void commit(std::vector<Pending> pending, std::vector<std::string> errors);

  charsiug2p_duplicates policy_;
  std::map<std::string, Slot> entries_;  // by key "lang\tword", sorted as the file is
};

}  // namespace charsiug2p::detail
