#include "lexicon.h"

#include <algorithm>
#include <cstring>

#include "errors.h"
#include "lexicon_entry.h"
#include "lexicon_format.h"
#include "utf8_text.h"

namespace charsiug2p::detail {

namespace {

using namespace lexfmt;

int compare(std::string_view a, std::string_view b) {
  const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  return c != 0 ? c : (a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0);
}

}  // namespace

std::unique_ptr<Lexicon> Lexicon::load_file(const std::string& path) {
  chrt_file* f = nullptr;
  chrt::check(chrt_file_map(path.c_str(), &f));
  std::unique_ptr<Lexicon> lex(new Lexicon());
  lex->file_.reset(f);
  lex->data_ = static_cast<const unsigned char*>(chrt_file_data(f));
  lex->size_ = static_cast<size_t>(chrt_file_size(f));
  lex->validate(path);
  return lex;
}

std::unique_ptr<Lexicon> Lexicon::load_memory(const void* data, size_t size,
                                              const std::string& source) {
  std::unique_ptr<Lexicon> lex(new Lexicon());
  lex->storage_.resize((size + 7) / 8);
  if (size > 0) std::memcpy(lex->storage_.data(), data, size);
  lex->data_ = reinterpret_cast<const unsigned char*>(lex->storage_.data());
  lex->size_ = size;
  lex->validate(source);
  return lex;
}

void Lexicon::validate(const std::string& source) {
  auto bad = [&](const std::string& problem) {
    throw ModelError(CHARSIUG2P_ERR_LEXICON_FORMAT, source + ": " + problem);
  };
  // The magic first, as far as there are bytes: a TSV given by mistake
  // should say so rather than "truncated".
  if (size_ == 0 || std::memcmp(data_, kMagic, std::min(size_, sizeof kMagic)) != 0)
    bad("not a compiled charsiug2p lexicon (bad magic; build one with 'charsiug2p lexicon build')");
  if (size_ < kHeaderSize)
    bad("truncated: " + std::to_string(size_) + " bytes, a lexicon header alone is " +
        std::to_string(kHeaderSize));
  const uint32_t version = load32(data_ + kOffVersion);
  if (version != kVersion)
    throw ModelError(CHARSIUG2P_ERR_UNSUPPORTED,
                     source + ": lexicon format version " + std::to_string(version) +
                         "; this library reads version " + std::to_string(kVersion));
  if (load32(data_ + kOffHeaderSize) != kHeaderSize) bad("header size is not 64");
  const uint64_t file_size = load64(data_ + kOffFileSize);
  if (file_size != size_)
    bad("the header says " + std::to_string(file_size) + " bytes but there are " +
        std::to_string(size_) + " (truncated or padded)");
  if (load32(data_ + kOffFlags) != 0) bad("unknown flags set");
  const uint64_t count = load32(data_ + kOffCount);
  const uint64_t entries = load64(data_ + kOffEntries), strings = load64(data_ + kOffStrings);
  const uint64_t strings_size = load64(data_ + kOffStringsSize);
  // Sections back to back: header, entries, strings, end of file. Each
  // operand is at most the file size here, so nothing overflows.
  if (entries != kHeaderSize || count > (size_ - kHeaderSize) / kEntrySize ||
      strings != entries + count * kEntrySize || strings_size != size_ - strings)
    bad("section offsets or sizes do not match the file (" + std::to_string(count) +
        " entries, strings at " + std::to_string(strings) + ")");
  if (checksum(data_, size_) != load64(data_ + kOffChecksum)) bad("checksum mismatch (corrupted)");
  entries_ = data_ + entries;
  strings_ = reinterpret_cast<const char*>(data_ + strings);
  std::string_view previous, previous_lang;
  for (uint64_t i = 0; i < count; ++i) {
    const unsigned char* e = entries_ + i * kEntrySize;
    const uint64_t spans[2][2] = {{load32(e), load32(e + 4)}, {load32(e + 8), load32(e + 12)}};
    for (const auto& [offset, length] : spans)
      if (offset + length >= strings_size || strings_[offset + length] != '\0')
        bad("entry " + std::to_string(i) + " points outside the strings");
    const std::string_view k(strings_ + spans[0][0], spans[0][1]);
    const std::string_view pron(strings_ + spans[1][0], spans[1][1]);
    const size_t tab = k.find('\t');
    if (tab == std::string_view::npos) bad("entry " + std::to_string(i) + " has no language");
    const std::string_view lang = k.substr(0, tab), word = k.substr(tab + 1);
    // Sorted keys keep a language's entries together: check it once.
    std::string problem = lang == previous_lang ? "" : lexicon_language_problem(lang);
    if (problem.empty()) problem = lexicon_text_problem(word, pron);
    if (!problem.empty()) bad("entry " + std::to_string(i) + ": " + problem);
    if (i > 0 && compare(previous, k) >= 0)
      bad("entries are not strictly sorted at entry " + std::to_string(i));
    previous = k;
    previous_lang = lang;
  }
  count_ = static_cast<size_t>(count);
}

std::string_view Lexicon::key(size_t i) const {
  const unsigned char* e = entries_ + i * kEntrySize;
  return {strings_ + load32(e), load32(e + 4)};
}

std::string_view Lexicon::pronunciation(size_t i) const {
  const unsigned char* e = entries_ + i * kEntrySize;
  return {strings_ + load32(e + 8), load32(e + 12)};
}

std::optional<std::string_view> Lexicon::find(std::string_view lang, std::string_view word) const {
  const std::string k = lexicon_key(lang, word);
  size_t lo = 0, hi = count_;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = compare(key(mid), k);
    if (c == 0) return pronunciation(mid);
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return std::nullopt;
}

std::optional<std::string_view> Lexicon::lookup(std::string_view lang,
                                                std::string_view word) const {
  if (auto hit = find(lang, word)) return hit;
  const std::optional<std::string> lower = lowercase_utf8(word);
  if (!lower || *lower == word) return std::nullopt;
  return find(lang, *lower);
}

}  // namespace charsiug2p::detail
