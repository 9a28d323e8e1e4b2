/*
 * phonemap: phoneme strings to the integer ids a TTS acoustic model takes
 * (Piper's "phoneme_id_map" convention). A second model library on the chrt
 * runtime, next to charsiug2p, so two plugins share one runtime. C99.
 *
 * Ownership: phonemap_table_load* create a table the caller frees with
 * phonemap_table_free; phonemap_encode returns an id array the caller frees
 * with phonemap_ids_free. Free functions accept NULL.
 * Threading: a table is immutable; any number of threads may encode with it.
 * phonemap_last_error() is thread-local.
 * Errors: functions return PHONEMAP_OK (0) or a phonemap_error; nothing throws
 * or aborts.
 *
 * Sequence:
 *   phonemap_table* t; phonemap_table_load("voice.onnx.json", &t);
 *   int32_t* ids; size_t n, missing;
 *   phonemap_encode(t, "həˈloʊ", &ids, &n, &missing);
 *   ... phonemap_ids_free(ids); phonemap_table_free(t);
 */
#ifndef PHONEMAP_H
#define PHONEMAP_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define PHONEMAP_API __declspec(dllexport)
#else
#define PHONEMAP_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum phonemap_error {
  PHONEMAP_OK = 0,
  PHONEMAP_ERR_INVALID_ARGUMENT = 1,
  PHONEMAP_ERR_IO = 2,
  PHONEMAP_ERR_FORMAT = 3, /* JSON malformed or without phoneme_id_map */
  PHONEMAP_ERR_INVALID_UTF8 = 4,
  PHONEMAP_ERR_RUNTIME_VERSION = 5,
  PHONEMAP_ERR_OUT_OF_MEMORY = 6,
  PHONEMAP_ERR_INTERNAL = 7
} phonemap_error;

PHONEMAP_API const char* phonemap_error_name(int code);
PHONEMAP_API const char* phonemap_last_error(void);
PHONEMAP_API const char* phonemap_version_string(void);
/* The chrt runtime this library runs on (see chrt_instance). */
PHONEMAP_API uint32_t phonemap_runtime_version(void);
PHONEMAP_API const void* phonemap_runtime_instance(void);

typedef struct phonemap_table phonemap_table;

/* A Piper voice config (JSON with "phoneme_id_map": {"a": [14], ...}). */
PHONEMAP_API int phonemap_table_load(const char* json_path, phonemap_table** out);
PHONEMAP_API int phonemap_table_load_memory(const char* json, size_t size, phonemap_table** out);
PHONEMAP_API void phonemap_table_free(phonemap_table* table);

/* Encodes UTF-8 phonemes as Piper does: "^" (BOS), then each code point's
 * ids followed by the "_" pad ids, then "$" (EOS). Code points without an id
 * are skipped and counted in *missing. *ids is NULL when *n is 0. */
PHONEMAP_API int phonemap_encode(const phonemap_table* table, const char* phonemes, int32_t** ids,
                                 size_t* n, size_t* missing);
PHONEMAP_API void phonemap_ids_free(int32_t* ids);

#ifdef __cplusplus
}
#endif
#endif /* PHONEMAP_H */
