#include "lexicon_builder.h"

#include <cstring>
#include <limits>
#include <unordered_map>

#include "errors.h"
#include "lexicon_entry.h"
#include "lexicon_format.h"
#include "lexicon_tsv.h"

namespace charsiug2p::detail {

namespace {

constexpr size_t kMaxListedErrors = 20;

[[noreturn]] void fail(const std::vector<std::string>& errors) {
  std::string message = std::to_string(errors.size()) + " bad lexicon entr" +
                        (errors.size() == 1 ? "y" : "ies") + ":";
  for (size_t i = 0; i < errors.size() && i < kMaxListedErrors; ++i) message += "\n" + errors[i];
  if (errors.size() > kMaxListedErrors)
    message += "\n... and " + std::to_string(errors.size() - kMaxListedErrors) + " more";
  throw ModelError(CHARSIUG2P_ERR_LEXICON_FORMAT, message);
}

std::string shown_key(const std::string& key) {
  const size_t tab = key.find('\t');
  return key.substr(0, tab) + " '" + key.substr(tab + 1) + "'";
}

}  // namespace

void LexiconBuilder::add(std::string_view lang, std::string_view word,
                         std::string_view pronunciation) {
  if (std::string problem = lexicon_entry_problem(lang, word, pronunciation); !problem.empty())
    throw ModelError(CHARSIUG2P_ERR_LEXICON_FORMAT, problem);
  commit({{lexicon_key(lang, word), std::string(pronunciation),
           "entry " + std::to_string(size() + 1)}},
         {});
}

void LexiconBuilder::add_tsv(std::string_view text, std::string_view source,
                             std::string_view lang) {
  TsvParse parsed = parse_lexicon_tsv(text, source, lang);
  std::vector<Pending> pending;
  pending.reserve(parsed.entries.size());
  for (TsvEntry& e : parsed.entries)
    pending.push_back({lexicon_key(e.lang, e.word), std::move(e.pronunciation),
                       std::string(source) + ":" + std::to_string(e.line)});
  commit(std::move(pending), std::move(parsed.errors));
}

void LexiconBuilder::commit(std::vector<Pending> pending, std::vector<std::string> errors) {
  // What each key will hold after this batch; entries_ is only touched
  // once the whole batch is known to be good.
  std::unordered_map<std::string_view, const Pending*> batch;
  for (const Pending& p : pending) {
    const std::string *pron = nullptr, *where = nullptr;
    if (auto b = batch.find(p.key); b != batch.end()) {
      pron = &b->second->pronunciation;
      where = &b->second->where;
    } else if (auto e = entries_.find(p.key); e != entries_.end()) {
      pron = &e->second.pronunciation;
      where = &e->second.where;
    }
    if (!pron || (policy_ == CHARSIUG2P_DUPLICATES_LAST && *pron != p.pronunciation)) {
      batch[p.key] = &p;
    } else if (*pron != p.pronunciation && policy_ == CHARSIUG2P_DUPLICATES_ERROR) {
      errors.push_back(p.where + ": duplicate entry for " + shown_key(p.key) + " (first at " +
                       *where + "); keep one with duplicates first or last");
    }
  }
  if (!errors.empty()) fail(errors);
  for (const auto& [key, p] : batch) entries_[p->key] = Slot{p->pronunciation, p->where};
}

std::vector<unsigned char> LexiconBuilder::serialize() const {
  using namespace lexfmt;
  uint64_t strings_size = 0;
  for (const auto& [key, slot] : entries_)
    strings_size += key.size() + slot.pronunciation.size() + 2;
  if (strings_size > std::numeric_limits<uint32_t>::max())
    throw ModelError(CHARSIUG2P_ERR_LEXICON_FORMAT,
                     "lexicon too large: " + std::to_string(strings_size) +
                         " bytes of strings, the format holds 4 GiB");
  const size_t strings = kHeaderSize + entries_.size() * kEntrySize;
  std::vector<unsigned char> out(strings + strings_size, 0);
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  store32(&out[kOffVersion], kVersion);
  store32(&out[kOffHeaderSize], kHeaderSize);
  store64(&out[kOffFileSize], out.size());
  store32(&out[kOffCount], static_cast<uint32_t>(entries_.size()));
  store64(&out[kOffEntries], kHeaderSize);
  store64(&out[kOffStrings], strings);
  store64(&out[kOffStringsSize], strings_size);
  size_t entry = kHeaderSize, text = 0;
  auto put = [&](const std::string& s) {
    store32(&out[entry], static_cast<uint32_t>(text));
    store32(&out[entry + 4], static_cast<uint32_t>(s.size()));
    entry += 8;
    std::memcpy(&out[strings + text], s.data(), s.size());
    text += s.size() + 1;  // the NUL is already there
  };
  for (const auto& [key, slot] : entries_) {
    put(key);
    put(slot.pronunciation);
  }
  store64(&out[kOffChecksum], checksum(out.data(), out.size()));
  return out;
}

}  // namespace charsiug2p::detail
