// Header-only C++ wrapper over the C ABI (charsiug2p.h): RAII handles and
// exceptions. The CLI uses only this and the C header, so our own tools
// exercise the same ABI every binding does.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "charsiug2p/charsiug2p.h"

namespace charsiug2p {

// A failed call: code is a charsiug2p_error, what() the detail message.
class Error : public std::runtime_error {
 public:
  Error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }
  const char* name() const { return charsiug2p_error_name(code_); }

 private:
  int code_;
};

inline void check(int code) {
  if (code != CHARSIUG2P_OK) throw Error(code, charsiug2p_last_error());
}

// unique_ptr deleter calling the C API's free function.
template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};

inline charsiug2p_options default_options() {
  charsiug2p_options o;
  check(charsiug2p_options_init(&o, sizeof o));
  return o;
}

// Results of one call, in input order. Owns the C result.
class Result {
 public:
  explicit Result(charsiug2p_result* r) : r_(r) {}
  size_t size() const { return charsiug2p_result_count(r_.get()); }
  size_t failures() const { return charsiug2p_result_failures(r_.get()); }
  int error(size_t i) const { return charsiug2p_result_error(r_.get(), i); }
  bool ok(size_t i) const { return error(i) == CHARSIUG2P_OK; }
  std::string_view text(size_t i) const {
    const char* t = charsiug2p_result_text(r_.get(), i);
    return t ? std::string_view(t, charsiug2p_result_length(r_.get(), i)) : std::string_view();
  }
  const char* message(size_t i) const { return charsiug2p_result_message(r_.get(), i); }
  // A charsiug2p_source: model, lexicon or cache.
  int source(size_t i) const { return charsiug2p_result_source(r_.get(), i); }

 private:
  std::unique_ptr<charsiug2p_result, Deleter<charsiug2p_result, charsiug2p_result_free>> r_;
};

// A loaded model; thread-safe to share, movable, not copyable.
class Model {
 public:
  static Model load(const std::string& directory) {
    charsiug2p_model* m = nullptr;
    check(charsiug2p_model_load(directory.c_str(), &m));
    return Model(m);
  }
  static Model load_memory(std::string_view config_json, const void* weights, size_t size) {
    charsiug2p_model* m = nullptr;
    check(charsiug2p_model_load_memory(config_json.data(), config_json.size(), weights, size, &m));
    return Model(m);
  }

  Result phonemize(const std::vector<const char*>& words, const char* lang,
                   const charsiug2p_options& options) const {
    charsiug2p_result* r = nullptr;
    check(charsiug2p_phonemize(m_.get(), words.data(), words.size(), lang, &options, &r));
    return Result(r);
  }
  Result phonemize(const std::vector<const char*>& words, const std::vector<const char*>& langs,
                   const charsiug2p_options& options) const {
    if (langs.size() != words.size())
      throw Error(CHARSIUG2P_ERR_INVALID_ARGUMENT, "one language per word expected");
    charsiug2p_result* r = nullptr;
    check(charsiug2p_phonemize_multi(m_.get(), words.data(), langs.data(), words.size(), &options,
                                     &r));
    return Result(r);
  }
  const char* describe() const { return charsiug2p_model_describe(m_.get()); }
  const charsiug2p_model* get() const { return m_.get(); }

 private:
  explicit Model(charsiug2p_model* m) : m_(m) {}
  std::unique_ptr<charsiug2p_model, Deleter<charsiug2p_model, charsiug2p_model_free>> m_;
};

// A compiled lexicon; immutable, thread-safe to share; movable. Point
// charsiug2p_options::lexicon at get() to use it in calls.
class Lexicon {
 public:
  static Lexicon load(const std::string& path) {
    charsiug2p_lexicon* l = nullptr;
    check(charsiug2p_lexicon_load(path.c_str(), &l));
    return Lexicon(l);
  }
  static Lexicon load_memory(const void* data, size_t size) {
    charsiug2p_lexicon* l = nullptr;
    check(charsiug2p_lexicon_load_memory(data, size, &l));
    return Lexicon(l);
  }
  explicit Lexicon(charsiug2p_lexicon* l) : l_(l) {}
  size_t size() const { return charsiug2p_lexicon_count(l_.get()); }
  // The pronunciation under the lexicon's case rule, if any; lives as long
  // as the lexicon.
  std::optional<std::string_view> lookup(const std::string& lang, const std::string& word) const {
    const char* p = charsiug2p_lexicon_lookup(l_.get(), lang.c_str(), word.c_str());
    return p ? std::optional<std::string_view>(p) : std::nullopt;
  }
  const charsiug2p_lexicon* get() const { return l_.get(); }

 private:
  std::unique_ptr<charsiug2p_lexicon, Deleter<charsiug2p_lexicon, charsiug2p_lexicon_free>> l_;
};

// Builds lexicons from TSV text or single entries. Not thread-safe.
class LexiconBuilder {
 public:
  explicit LexiconBuilder(charsiug2p_duplicates duplicates = CHARSIUG2P_DUPLICATES_ERROR) {
    charsiug2p_lexicon_builder* b = nullptr;
    check(charsiug2p_lexicon_builder_create(duplicates, &b));
    b_.reset(b);
  }
  void add(const std::string& lang, const std::string& word, const std::string& pronunciation) {
    check(charsiug2p_lexicon_builder_add(b_.get(), lang.c_str(), word.c_str(),
                                         pronunciation.c_str()));
  }
  // lang nullptr: lines of lang<TAB>word<TAB>pronunciation.
  void add_tsv(std::string_view text, const std::string& source_name, const char* lang = nullptr) {
    check(charsiug2p_lexicon_builder_add_tsv(b_.get(), text.data(), text.size(),
                                             source_name.c_str(), lang));
  }
  void add_tsv_file(const std::string& path, const char* lang = nullptr) {
    check(charsiug2p_lexicon_builder_add_tsv_file(b_.get(), path.c_str(), lang));
  }
  size_t size() const { return charsiug2p_lexicon_builder_count(b_.get()); }
  void write(const std::string& path) const {
    check(charsiug2p_lexicon_builder_write(b_.get(), path.c_str()));
  }
  Lexicon finish() const {
    charsiug2p_lexicon* l = nullptr;
    check(charsiug2p_lexicon_builder_finish(b_.get(), &l));
    return Lexicon(l);
  }

 private:
  std::unique_ptr<charsiug2p_lexicon_builder,
                  Deleter<charsiug2p_lexicon_builder, charsiug2p_lexicon_builder_free>>
      b_;
};

// A word cache shared by calls and threads; point charsiug2p_options::cache
// at get(). Must outlive the calls that use it.
class Cache {
 public:
  explicit Cache(size_t max_bytes = 0) {
    charsiug2p_cache* c = nullptr;
    check(charsiug2p_cache_create(max_bytes, &c));
    c_.reset(c);
  }
  charsiug2p_cache* get() const { return c_.get(); }
  uint64_t hits() const { return charsiug2p_cache_hits(c_.get()); }
  uint64_t misses() const { return charsiug2p_cache_misses(c_.get()); }
  uint64_t entries() const { return charsiug2p_cache_entries(c_.get()); }
  uint64_t bytes() const { return charsiug2p_cache_bytes(c_.get()); }
  uint64_t max_bytes() const { return charsiug2p_cache_max_bytes(c_.get()); }
  void clear() { charsiug2p_cache_clear(c_.get()); }

 private:
  std::unique_ptr<charsiug2p_cache, Deleter<charsiug2p_cache, charsiug2p_cache_free>> c_;
};

// The accepted phoneme-set names (canonical spelling).
inline std::vector<std::string> phoneme_set_names() {
  std::vector<std::string> names;
  for (size_t i = 0; i < charsiug2p_phoneme_set_count(); ++i)
    names.emplace_back(charsiug2p_phoneme_set_name(i));
  return names;
}

// Converts one IPA pronunciation into a phoneme set (see charsiug2p.h).
inline std::string convert_phonemes(const std::string& phoneme_set, const std::string& ipa,
                                    int32_t region = CHARSIUG2P_REGION_US,
                                    const std::string& word = "") {
  char* out = nullptr;
  check(
      charsiug2p_phoneme_set_convert(phoneme_set.c_str(), region, ipa.c_str(), word.c_str(), &out));
  std::string s(out);
  charsiug2p_string_free(out);
  return s;
}

}  // namespace charsiug2p
