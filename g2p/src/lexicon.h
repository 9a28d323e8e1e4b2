// A compiled lexicon: exact-match pronunciations per language, looked up
// before the model. Memory-mapped (or an owned copy), validated completely
// at load, immutable afterwards and thread-safe to share.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chrt/runtime.hpp"

namespace charsiug2p::detail {

class Lexicon {
 public:
  // Throws chrt::Failure (IO) or ModelError (LEXICON_FORMAT, UNSUPPORTED)
  // with `path: problem`.
  static std::unique_ptr<Lexicon> load_file(const std::string& path);
  // Takes a copy of the bytes; `source` names them in messages.
  static std::unique_ptr<Lexicon> load_memory(const void* data, size_t size,
                                              const std::string& source);

  // The pronunciation of word as spelled, else of its simple lowercase.
  // The view is NUL-terminated and lives as long as the lexicon.
  std::optional<std::string_view> lookup(std::string_view lang, std::string_view word) const;
  // Exact key only (no case rule).
  std::optional<std::string_view> find(std::string_view lang, std::string_view word) const;

  // Entry i < size() in key order: ("lang\tword", pronunciation).
  std::pair<std::string_view, std::string_view> entry(size_t i) const {
    return {key(i), pronunciation(i)};
  }
  size_t size() const { return count_; }
  size_t bytes() const { return size_; }

 private:
  Lexicon() = default;
  void validate(const std::string& source);  // sets the views below or throws
  std::string_view key(size_t i) const;
  std::string_view pronunciation(size_t i) const;

  chrt::File file_;                // when mapped
  std::vector<uint64_t> storage_;  // when copied (8-byte aligned)
  const unsigned char* data_ = nullptr;
  size_t size_ = 0;
  const unsigned char* entries_ = nullptr;
  const char* strings_ = nullptr;
  size_t count_ = 0;
};

}  // namespace charsiug2p::detail
