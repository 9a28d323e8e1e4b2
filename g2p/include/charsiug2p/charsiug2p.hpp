// Header-only C++ wrapper over the C ABI (charsiug2p.h): RAII handles and
// exceptions. The CLI uses only this and the C header, so our own tools
// exercise the same ABI every binding does.
#pragma once

#include <memory>
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

 private:
  struct Free {
    void operator()(charsiug2p_result* r) const { charsiug2p_result_free(r); }
  };
  std::unique_ptr<charsiug2p_result, Free> r_;
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
  struct Free {
    void operator()(charsiug2p_model* m) const { charsiug2p_model_free(m); }
  };
  std::unique_ptr<charsiug2p_model, Free> m_;
};

}  // namespace charsiug2p
