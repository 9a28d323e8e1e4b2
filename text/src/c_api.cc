// The text front end's C ABI: every entry point catches every exception and
// turns it into a numbered code plus a thread-local message.
#include <unicode/uversion.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p_text.h"
#include "language_info.h"
#include "text_engine.h"
#include "text_error.h"

using namespace charsiug2p::text::detail;

struct charsiug2p_text_engine {
  std::unique_ptr<TextEngine> engine;
};

struct charsiug2p_text_result {
  TextBatch batch;
};

namespace {

thread_local std::string t_last_error;

int fail(int code, const std::string& message) {
  t_last_error = message;
  return code;
}

template <class F>
int guarded(F&& f) noexcept {
  try {
    f();
    return CHARSIUG2P_OK;
  } catch (const TextError& e) {
    return fail(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    return fail(CHARSIUG2P_ERR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(CHARSIUG2P_ERR_INTERNAL, e.what());
  } catch (...) {
    return fail(CHARSIUG2P_ERR_INTERNAL, "unknown exception");
  }
}

void require(bool ok, const char* message) {
  if (!ok) throw TextError(CHARSIUG2P_ERR_INVALID_ARGUMENT, message);
}

}  // namespace

extern "C" {

CHARSIUG2P_API const char* charsiug2p_text_error_name(int code) {
  return code == CHARSIUG2P_TEXT_ERR_ICU ? "CHARSIUG2P_TEXT_ERR_ICU" : charsiug2p_error_name(code);
}

CHARSIUG2P_API const char* charsiug2p_text_last_error(void) { return t_last_error.c_str(); }

CHARSIUG2P_API uint32_t charsiug2p_text_version(void) {
  return (CHARSIUG2P_TEXT_VERSION_MAJOR << 16) | (CHARSIUG2P_TEXT_VERSION_MINOR << 8) |
         CHARSIUG2P_TEXT_VERSION_PATCH;
}

CHARSIUG2P_API const char* charsiug2p_text_icu_version(void) { return U_ICU_VERSION; }

CHARSIUG2P_API int charsiug2p_text_language_info_get(const char* lang,
                                                     charsiug2p_text_language_info* out) {
  return guarded([&] {
    require(lang && out && out->struct_size >= sizeof(uint32_t),
            "lang or out is NULL, or out->struct_size is not set");
    if (!is_model_language(lang))
      throw TextError(CHARSIUG2P_ERR_UNKNOWN_LANGUAGE,
                      std::string("unknown language code '") + lang + "'");
    charsiug2p_text_language_info info = describe_language(lang);
    info.struct_size = static_cast<uint32_t>(std::min<size_t>(out->struct_size, sizeof info));
    std::memcpy(out, &info, info.struct_size);
  });
}

CHARSIUG2P_API int charsiug2p_text_engine_create(const charsiug2p_model* model,
                                                 charsiug2p_text_engine** out) {
  if (!out) return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return guarded([&] {
    require(model != nullptr, "model is NULL");
    auto e = std::make_unique<charsiug2p_text_engine>();
    e->engine = std::make_unique<TextEngine>(model_phonemizer(model));
    *out = e.release();
  });
}

CHARSIUG2P_API void charsiug2p_text_engine_free(charsiug2p_text_engine* engine) { delete engine; }

CHARSIUG2P_API int charsiug2p_text_phonemize_many(const charsiug2p_text_engine* engine,
                                                  const char* const* texts, const size_t* sizes,
                                                  size_t n, const char* lang,
                                                  const charsiug2p_options* options,
                                                  charsiug2p_text_result** out) {
  if (!out) return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return guarded([&] {
    require(engine != nullptr, "engine is NULL");
    require(lang != nullptr, "lang is NULL");
    require(n == 0 || (texts && sizes), "texts or sizes is NULL");
    std::vector<std::string_view> views(n);
    for (size_t i = 0; i < n; ++i) {
      if (!texts[i] && sizes[i] > 0)
        throw TextError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                        "texts[" + std::to_string(i) + "] is NULL");
      views[i] = sizes[i] ? std::string_view(texts[i], sizes[i]) : std::string_view();
    }
    auto r = std::make_unique<charsiug2p_text_result>();
    r->batch = engine->engine->run(views, lang, options);
    *out = r.release();
  });
}

CHARSIUG2P_API int charsiug2p_text_phonemize(const charsiug2p_text_engine* engine, const char* text,
                                             size_t size, const char* lang,
                                             const charsiug2p_options* options,
                                             charsiug2p_text_result** out) {
  const char* texts[1] = {text};
  const size_t sizes[1] = {size};
  return charsiug2p_text_phonemize_many(engine, texts, sizes, 1, lang, options, out);
}

CHARSIUG2P_API size_t charsiug2p_text_result_text_count(const charsiug2p_text_result* r) {
  return r ? r->batch.joined.size() : 0;
}

CHARSIUG2P_API const char* charsiug2p_text_result_joined(const charsiug2p_text_result* r,
                                                         size_t text_index, size_t* length) {
  if (!r || text_index >= r->batch.joined.size()) {
    if (length) *length = 0;
    return nullptr;
  }
  const std::string& s = r->batch.joined[text_index];
  if (length) *length = s.size();
  return s.c_str();
}

CHARSIUG2P_API size_t charsiug2p_text_result_token_count(const charsiug2p_text_result* r) {
  return r ? r->batch.tokens.size() : 0;
}

CHARSIUG2P_API size_t charsiug2p_text_result_first_token(const charsiug2p_text_result* r,
                                                         size_t text_index) {
  if (!r) return 0;
  const auto& first = r->batch.first;
  return text_index < first.size() ? first[text_index] : r->batch.tokens.size();
}

CHARSIUG2P_API int charsiug2p_text_result_token(const charsiug2p_text_result* r, size_t index,
                                                charsiug2p_text_token* out) {
  return guarded([&] {
    require(r && out && out->struct_size >= sizeof(uint32_t),
            "result or out is NULL, or out->struct_size is not set");
    require(index < r->batch.tokens.size(), "token index out of range");
    const Token& t = r->batch.tokens[index];
    const auto& first = r->batch.first;
    charsiug2p_text_token v{};
    v.struct_size = static_cast<uint32_t>(std::min<size_t>(out->struct_size, sizeof v));
    v.kind = t.kind;
    v.error = t.error;
    v.flags = t.flags;
    v.text_index = size_t(std::upper_bound(first.begin(), first.end(), index) - first.begin()) - 1;
    v.source_begin = t.begin;
    v.source_end = t.end;
    v.text = t.text.c_str();
    v.text_length = t.text.size();
    v.phonemes = t.phonemes.c_str();
    v.phonemes_length = t.phonemes.size();
    v.message = t.message.c_str();
    std::memcpy(out, &v, v.struct_size);
  });
}

CHARSIUG2P_API size_t charsiug2p_text_result_failures(const charsiug2p_text_result* r) {
  return r ? r->batch.failures : 0;
}

CHARSIUG2P_API size_t charsiug2p_text_result_model_words(const charsiug2p_text_result* r) {
  return r ? r->batch.model_words : 0;
}

CHARSIUG2P_API void charsiug2p_text_result_free(charsiug2p_text_result* r) { delete r; }

}  // extern "C"
