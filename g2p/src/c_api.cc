// The C ABI: every entry point catches every exception and turns it into a
// numbered code plus a thread-local message.
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "c_api_guard.h"
#include "languages.h"

using namespace charsiug2p::detail;

struct charsiug2p_result {
  std::vector<WordOutcome> words;
  size_t failures = 0;
};

namespace charsiug2p::detail {

namespace {
thread_local std::string t_last_error;
}  // namespace

int fail(int code, const std::string& message) {
  t_last_error = message;
  return code;
}

int from_chrt(int status) {
  switch (status) {
    case CHRT_ERR_IO:
      return CHARSIUG2P_ERR_IO;
    case CHRT_ERR_FORMAT:
    case CHRT_ERR_NOT_FOUND:
      return CHARSIUG2P_ERR_MODEL_FORMAT;
    case CHRT_ERR_UNSUPPORTED:
      return CHARSIUG2P_ERR_UNSUPPORTED;
    case CHRT_ERR_OUT_OF_MEMORY:
      return CHARSIUG2P_ERR_OUT_OF_MEMORY;
    case CHRT_ERR_VERSION:
      return CHARSIUG2P_ERR_RUNTIME_VERSION;
    case CHRT_ERR_INVALID_ARGUMENT:
      return CHARSIUG2P_ERR_INVALID_ARGUMENT;
    default:
      return CHARSIUG2P_ERR_INTERNAL;
  }
}

}  // namespace charsiug2p::detail

namespace {

// Reads only the fields an older caller's struct has; the rest keep defaults.
CallOptions read_options(const charsiug2p_options* o) {
  CallOptions c;
  if (!o) return c;
  if (o->struct_size < sizeof(uint32_t))
    throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                     "options.struct_size is not set; call charsiug2p_options_init first");
  auto has = [&](size_t offset, size_t size) { return o->struct_size >= offset + size; };
#define CHARSIUG2P_READ(field, target) \
  if (has(offsetof(charsiug2p_options, field), sizeof(o->field))) target = o->field
  CHARSIUG2P_READ(space_after_colon, c.space_after_colon);
  CHARSIUG2P_READ(max_output_len, c.max_output_len);
  CHARSIUG2P_READ(num_threads, c.num_threads);
  CHARSIUG2P_READ(batch_size, c.batch_size);
  CHARSIUG2P_READ(max_input_bytes, c.max_input_bytes);
  CHARSIUG2P_READ(phoneme_region, c.region);
  const char* phoneme_set = nullptr;
  CHARSIUG2P_READ(phoneme_set, phoneme_set);
  if (phoneme_set && *phoneme_set) c.phoneme_set = parse_phoneme_set(phoneme_set);
  const charsiug2p_lexicon* lexicon = nullptr;
  CHARSIUG2P_READ(lexicon, lexicon);
  if (lexicon) c.lexicon = lexicon->impl.get();
  charsiug2p_cache* cache = nullptr;
  CHARSIUG2P_READ(cache, cache);
  if (cache) c.cache = &cache->impl;
#undef CHARSIUG2P_READ
  return c;
}

int run(const charsiug2p_model* model, const char* const* words, const char* const* langs,
        size_t n_langs, size_t n, const charsiug2p_options* options, charsiug2p_result** out) {
  if (!out) return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return guarded([&] {
    if (!model) throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "model is NULL");
    if (n > 0 && !words) throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "words is NULL");
    if (!langs) throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "language is NULL");
    const CallOptions opts = read_options(options);
    std::vector<std::string_view> w(n), l(n_langs);
    for (size_t i = 0; i < n; ++i) {
      if (!words[i])
        throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                         "words[" + std::to_string(i) + "] is NULL");
      w[i] = words[i];
    }
    for (size_t i = 0; i < n_langs; ++i) {
      if (!langs[i])
        throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                         "langs[" + std::to_string(i) + "] is NULL");
      l[i] = langs[i];
    }
    auto result = std::make_unique<charsiug2p_result>();
    result->words = model->engine->phonemize(w, l, opts);
    for (const auto& r : result->words) result->failures += r.code != CHARSIUG2P_OK;
    *out = result.release();
  });
}

const WordOutcome* at(const charsiug2p_result* r, size_t i) {
  return r && i < r->words.size() ? &r->words[i] : nullptr;
}

}  // namespace

extern "C" {

CHARSIUG2P_API const char* charsiug2p_error_name(int code) {
  switch (code) {
    case CHARSIUG2P_OK:
      return "CHARSIUG2P_OK";
    case CHARSIUG2P_ERR_INVALID_ARGUMENT:
      return "CHARSIUG2P_ERR_INVALID_ARGUMENT";
    case CHARSIUG2P_ERR_IO:
      return "CHARSIUG2P_ERR_IO";
    case CHARSIUG2P_ERR_MODEL_FORMAT:
      return "CHARSIUG2P_ERR_MODEL_FORMAT";
    case CHARSIUG2P_ERR_UNSUPPORTED:
      return "CHARSIUG2P_ERR_UNSUPPORTED";
    case CHARSIUG2P_ERR_OUT_OF_MEMORY:
      return "CHARSIUG2P_ERR_OUT_OF_MEMORY";
    case CHARSIUG2P_ERR_RUNTIME_VERSION:
      return "CHARSIUG2P_ERR_RUNTIME_VERSION";
    case CHARSIUG2P_ERR_INTERNAL:
      return "CHARSIUG2P_ERR_INTERNAL";
    case CHARSIUG2P_ERR_LEXICON_FORMAT:
      return "CHARSIUG2P_ERR_LEXICON_FORMAT";
    case CHARSIUG2P_ERR_INVALID_UTF8:
      return "CHARSIUG2P_ERR_INVALID_UTF8";
    case CHARSIUG2P_ERR_EMPTY_WORD:
      return "CHARSIUG2P_ERR_EMPTY_WORD";
    case CHARSIUG2P_ERR_WORD_TOO_LONG:
      return "CHARSIUG2P_ERR_WORD_TOO_LONG";
    case CHARSIUG2P_ERR_UNKNOWN_LANGUAGE:
      return "CHARSIUG2P_ERR_UNKNOWN_LANGUAGE";
    default:
      return "CHARSIUG2P_ERR_UNKNOWN";
  }
}

CHARSIUG2P_API const char* charsiug2p_last_error(void) { return t_last_error.c_str(); }

CHARSIUG2P_API uint32_t charsiug2p_version(void) {
  return (CHARSIUG2P_VERSION_MAJOR << 16) | (CHARSIUG2P_VERSION_MINOR << 8) |
         CHARSIUG2P_VERSION_PATCH;
}

CHARSIUG2P_API const char* charsiug2p_version_string(void) { return "0.2.0"; }
CHARSIUG2P_API uint32_t charsiug2p_runtime_version(void) { return chrt_version(); }
CHARSIUG2P_API const void* charsiug2p_runtime_instance(void) { return chrt_instance(); }

CHARSIUG2P_API int charsiug2p_options_init(charsiug2p_options* options, size_t size) {
  if (!options || size < sizeof(uint32_t))
    return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "charsiug2p_options_init: NULL or too small");
  charsiug2p_options defaults;
  std::memset(&defaults, 0, sizeof defaults);
  const CallOptions c;
  defaults.struct_size = static_cast<uint32_t>(std::min(size, sizeof defaults));
  defaults.space_after_colon = c.space_after_colon;
  defaults.max_output_len = c.max_output_len;
  defaults.num_threads = c.num_threads;
  defaults.batch_size = c.batch_size;
  defaults.max_input_bytes = c.max_input_bytes;
  defaults.phoneme_region = c.region;
  std::memcpy(options, &defaults, defaults.struct_size);
  return CHARSIUG2P_OK;
}

CHARSIUG2P_API int charsiug2p_model_load(const char* directory, charsiug2p_model** out) {
  if (!out) return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return guarded([&] {
    if (!directory) throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "directory is NULL");
    auto m = std::make_unique<charsiug2p_model>();
    m->engine = Engine::load_directory(directory);
    *out = m.release();
  });
}

CHARSIUG2P_API int charsiug2p_model_load_memory(const char* config_json, size_t config_size,
                                                const void* weights, size_t weights_size,
                                                charsiug2p_model** out) {
  if (!out) return fail(CHARSIUG2P_ERR_INVALID_ARGUMENT, "out is NULL");
  *out = nullptr;
  return guarded([&] {
    if (!config_json || !weights)
      throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "config_json or weights is NULL");
    auto m = std::make_unique<charsiug2p_model>();
    m->engine =
        Engine::load_memory(std::string_view(config_json, config_size), weights, weights_size);
    *out = m.release();
  });
}

CHARSIUG2P_API void charsiug2p_model_free(charsiug2p_model* model) { delete model; }

CHARSIUG2P_API const char* charsiug2p_model_describe(const charsiug2p_model* model) {
  return model ? model->engine->description().c_str() : "";
}

CHARSIUG2P_API size_t charsiug2p_language_count(void) { return language_codes().size(); }

CHARSIUG2P_API const char* charsiug2p_language_code(size_t index) {
  // The codes are string literals, so data() is NUL-terminated.
  return index < language_codes().size() ? language_codes()[index].data() : nullptr;
}

CHARSIUG2P_API int charsiug2p_phonemize(const charsiug2p_model* model, const char* const* words,
                                        size_t n, const char* lang,
                                        const charsiug2p_options* options,
                                        charsiug2p_result** out) {
  const char* langs[1] = {lang};
  return run(model, words, lang ? langs : nullptr, 1, n, options, out);
}

CHARSIUG2P_API int charsiug2p_phonemize_multi(const charsiug2p_model* model,
                                              const char* const* words, const char* const* langs,
                                              size_t n, const charsiug2p_options* options,
                                              charsiug2p_result** out) {
  if (n == 0 && !langs) {
    static const char* const none[1] = {"unk"};
    langs = none;
  }
  return run(model, words, langs, n, n, options, out);
}

CHARSIUG2P_API size_t charsiug2p_result_count(const charsiug2p_result* r) {
  return r ? r->words.size() : 0;
}

CHARSIUG2P_API int charsiug2p_result_error(const charsiug2p_result* r, size_t i) {
  const WordOutcome* w = at(r, i);
  return w ? w->code : CHARSIUG2P_ERR_INVALID_ARGUMENT;
}

CHARSIUG2P_API const char* charsiug2p_result_text(const charsiug2p_result* r, size_t i) {
  const WordOutcome* w = at(r, i);
  return w && w->code == CHARSIUG2P_OK ? w->text.c_str() : nullptr;
}

CHARSIUG2P_API size_t charsiug2p_result_length(const charsiug2p_result* r, size_t i) {
  const WordOutcome* w = at(r, i);
  return w && w->code == CHARSIUG2P_OK ? w->text.size() : 0;
}

CHARSIUG2P_API const char* charsiug2p_result_message(const charsiug2p_result* r, size_t i) {
  const WordOutcome* w = at(r, i);
  return w ? w->message.c_str() : "index out of range";
}

CHARSIUG2P_API int charsiug2p_result_source(const charsiug2p_result* r, size_t i) {
  const WordOutcome* w = at(r, i);
  return w ? w->source : CHARSIUG2P_SOURCE_NONE;
}

CHARSIUG2P_API size_t charsiug2p_result_failures(const charsiug2p_result* r) {
  return r ? r->failures : 0;
}

CHARSIUG2P_API void charsiug2p_result_free(charsiug2p_result* r) { delete r; }

}  // extern "C"
