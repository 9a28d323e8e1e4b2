/*
 * charsiug2p: multilingual grapheme-to-phoneme conversion (CharsiuG2P ByT5
 * checkpoints) on the chrt runtime. This header is the one contract every
 * binding (CLI, Flutter, Swift, Kotlin, Python, Node) uses. C99.
 *
 * Ownership
 *   - charsiug2p_model_load* create a model the caller owns; release it with
 *     charsiug2p_model_free. Free functions accept NULL.
 *   - charsiug2p_phonemize* create a result the caller owns; release it with
 *     charsiug2p_result_free. Every string obtained from a result stays valid
 *     until that result is freed. Input strings are only read during the call.
 *   - Strings returned by name/version functions are static.
 *   - Lexicons (charsiug2p_lexicon_load*, charsiug2p_lexicon_builder_finish),
 *     lexicon builders and caches are owned by the caller and released with
 *     their *_free function. Options only point at a lexicon or cache: they
 *     must outlive every call that uses them.
 *   - charsiug2p_phoneme_set_convert returns a string the caller releases
 *     with charsiug2p_string_free.
 *
 * Threading
 *   - A model is immutable once loaded: any number of threads may call
 *     charsiug2p_phonemize* on the same model at the same time. Each call
 *     keeps its caches and scratch memory to itself.
 *   - Free a model only after every call using it has returned.
 *   - A lexicon is immutable once loaded and may be shared by any number of
 *     threads. A cache is internally locked (sharded): any number of threads
 *     and calls may use one cache at the same time. A lexicon builder is NOT
 *     thread-safe: use one from one thread at a time.
 *   - charsiug2p_last_error() is thread-local.
 *
 * Errors
 *   - Functions returning int return CHARSIUG2P_OK (0) or a numbered
 *     charsiug2p_error; charsiug2p_error_name gives its name and
 *     charsiug2p_last_error() a detail message. No C++ exception crosses this
 *     boundary and nothing here exits or aborts the process.
 *   - Bad words (invalid UTF-8, empty, too long, unknown language code) do
 *     NOT fail the call: each such word gets its own error in the result and
 *     every other word still gets its answer.
 *
 * Pipeline of a call (charsiug2p_phonemize*), per word:
 *   1. invalid words (empty, invalid UTF-8, unknown language) fail alone;
 *   2. options.lexicon: an exact-match entry wins over everything else;
 *   3. options.cache: a word answered earlier with the same options is reused;
 *   4. the model, each distinct (language, word) of the call decoded once;
 *   5. options.phoneme_set: the IPA of steps 2-4 converted (e.g. to Kokoro).
 *
 * Normal call sequence
 *   charsiug2p_model* model = NULL;
 *   if (charsiug2p_model_load("path/to/checkpoint", &model) != CHARSIUG2P_OK)
 *     fprintf(stderr, "%s\n", charsiug2p_last_error());
 *   charsiug2p_options opts;
 *   charsiug2p_options_init(&opts, sizeof opts);
 *   const char* words[] = {"hello", "world"};
 *   charsiug2p_result* res = NULL;
 *   if (charsiug2p_phonemize(model, words, 2, "eng-us", &opts, &res) == CHARSIUG2P_OK) {
 *     for (size_t i = 0; i < charsiug2p_result_count(res); ++i)
 *       if (charsiug2p_result_error(res, i) == CHARSIUG2P_OK)
 *         printf("%s\t%s\n", words[i], charsiug2p_result_text(res, i));
 *   }
 *   charsiug2p_result_free(res);
 *   charsiug2p_model_free(model);
 */
#ifndef CHARSIUG2P_H
#define CHARSIUG2P_H

#include <stddef.h>
#include <stdint.h>

#define CHARSIUG2P_VERSION_MAJOR 0
#define CHARSIUG2P_VERSION_MINOR 2
#define CHARSIUG2P_VERSION_PATCH 0

#if defined(_WIN32)
#define CHARSIUG2P_API __declspec(dllexport)
#else
#define CHARSIUG2P_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Numbered error codes; a value never changes meaning once released. */
typedef enum charsiug2p_error {
  CHARSIUG2P_OK = 0,
  CHARSIUG2P_ERR_INVALID_ARGUMENT = 1, /* NULL pointer, bad option value */
  CHARSIUG2P_ERR_IO = 2,               /* model files missing or unreadable */
  CHARSIUG2P_ERR_MODEL_FORMAT = 3,     /* config.json or weights malformed */
  CHARSIUG2P_ERR_UNSUPPORTED = 4,      /* a model feature this engine lacks */
  CHARSIUG2P_ERR_OUT_OF_MEMORY = 5,
  CHARSIUG2P_ERR_RUNTIME_VERSION = 6, /* the chrt runtime found is incompatible */
  CHARSIUG2P_ERR_INTERNAL = 7,
  CHARSIUG2P_ERR_LEXICON_FORMAT = 8, /* lexicon file or lexicon TSV malformed (since 0.2) */
  /* Per-word errors (see charsiug2p_result_error). */
  CHARSIUG2P_ERR_INVALID_UTF8 = 20,
  CHARSIUG2P_ERR_EMPTY_WORD = 21,
  CHARSIUG2P_ERR_WORD_TOO_LONG = 22,
  CHARSIUG2P_ERR_UNKNOWN_LANGUAGE = 23
} charsiug2p_error;

/* Static name of an error code ("CHARSIUG2P_ERR_INVALID_UTF8"); never NULL. */
CHARSIUG2P_API const char* charsiug2p_error_name(int code);

/* Detail message of the last failing call on this thread ("" if none). Valid
 * until the next failing charsiug2p call on the same thread. */
CHARSIUG2P_API const char* charsiug2p_last_error(void);

/* Version of the loaded library: (major << 16) | (minor << 8) | patch. */
CHARSIUG2P_API uint32_t charsiug2p_version(void);
CHARSIUG2P_API const char* charsiug2p_version_string(void);
/* Version of the chrt runtime this library runs on, and its instance address
 * (two plugins that report the same address share one runtime). */
CHARSIUG2P_API uint32_t charsiug2p_runtime_version(void);
CHARSIUG2P_API const void* charsiug2p_runtime_instance(void);

/* ---------------------------------------------------------------- options */

typedef struct charsiug2p_lexicon charsiug2p_lexicon;
typedef struct charsiug2p_cache charsiug2p_cache;

/* Which spelling of English the phoneme-set conversion follows. */
typedef enum charsiug2p_region {
  CHARSIUG2P_REGION_AUTO = 0, /* GB for language "eng-uk", US for every other */
  CHARSIUG2P_REGION_US = 1,
  CHARSIUG2P_REGION_GB = 2
} charsiug2p_region;

/* Per-call options. Grows only at the end; the library reads only the first
 * struct_size bytes, so callers compiled against an older header keep
 * working. Always fill with charsiug2p_options_init first. */
typedef struct charsiug2p_options {
  uint32_t struct_size;      /* sizeof(charsiug2p_options) as the caller knows it */
  int32_t space_after_colon; /* 1: "<lang>: word"; 0 (default): "<lang>:word" */
  /* Maximum generated bytes per word; 0 (default) derives it from the word:
   * 4 x word bytes + 16, at most 1024. */
  int32_t max_output_len;
  int32_t num_threads;     /* worker threads for this call; default 1 */
  int32_t batch_size;      /* words decoded together; default 24 */
  int32_t max_input_bytes; /* limit on the prefixed input; default 512 */
  /* ---- since 0.2 ---- */
  int32_t phoneme_region; /* charsiug2p_region for phoneme_set; default AUTO */
  int32_t reserved;       /* 0; ignored */
  /* NULL or "" (default): pronunciations are the model's IPA. Otherwise the
   * name of a phoneme set (charsiug2p_phoneme_set_name), e.g.
   * CHARSIUG2P_PHONEME_SET_RECOMMENDED, into which every answer (lexicon,
   * cache or model) is converted. Only read during the call. */
  const char* phoneme_set;
  /* NULL (default) or a lexicon consulted before the model: an entry for
   * (language, word), exact spelling first, else its lowercase, wins. */
  const charsiug2p_lexicon* lexicon;
  /* NULL (default) or a cache of answers shared across calls and threads. */
  charsiug2p_cache* cache;
} charsiug2p_options;

/* Fills *options with defaults and sets struct_size = size. Pass
 * sizeof(charsiug2p_options). Returns CHARSIUG2P_ERR_INVALID_ARGUMENT if
 * options is NULL or size is smaller than the first field. A size larger
 * than this library's struct fills only the fields it knows. */
CHARSIUG2P_API int charsiug2p_options_init(charsiug2p_options* options, size_t size);

/* ------------------------------------------------------------------ model */

typedef struct charsiug2p_model charsiug2p_model;

/* Loads a Hugging Face checkpoint folder: config.json plus model.safetensors
 * (F32, F16 or BF16) or pytorch_model.bin. On success *out is a new model. */
CHARSIUG2P_API int charsiug2p_model_load(const char* directory, charsiug2p_model** out);

/* Loads from memory: config_json (UTF-8 JSON, config_size bytes) and a
 * safetensors or PyTorch file image. Both buffers are only read during the
 * call (the model keeps its own repacked copy of the weights). */
CHARSIUG2P_API int charsiug2p_model_load_memory(const char* config_json, size_t config_size,
                                                const void* weights, size_t weights_size,
                                                charsiug2p_model** out);

CHARSIUG2P_API void charsiug2p_model_free(charsiug2p_model* model);

/* A short description ("t5 enc 8 dec 4 d_model 256 ...") for logs; valid
 * while the model lives. */
CHARSIUG2P_API const char* charsiug2p_model_describe(const charsiug2p_model* model);

/* -------------------------------------------------------------- languages */

/* The language codes the CharsiuG2P checkpoints were trained with, plus
 * "unk" for an unknown language. index < charsiug2p_language_count(). */
CHARSIUG2P_API size_t charsiug2p_language_count(void);
CHARSIUG2P_API const char* charsiug2p_language_code(size_t index);

/* ------------------------------------------------------------- phonemize */

typedef struct charsiug2p_result charsiug2p_result;

/* Phonemizes n NUL-terminated UTF-8 words, all in language `lang`.
 * options may be NULL for defaults. On CHARSIUG2P_OK, *out holds exactly n
 * entries in input order, each with a pronunciation or its own error. A
 * non-OK return (NULL arguments, bad options, out of memory) sets *out to
 * NULL. */
CHARSIUG2P_API int charsiug2p_phonemize(const charsiug2p_model* model, const char* const* words,
                                        size_t n, const char* lang,
                                        const charsiug2p_options* options, charsiug2p_result** out);

/* Same, with a language per word (langs[i] for words[i]). */
CHARSIUG2P_API int charsiug2p_phonemize_multi(const charsiug2p_model* model,
                                              const char* const* words, const char* const* langs,
                                              size_t n, const charsiug2p_options* options,
                                              charsiug2p_result** out);

CHARSIUG2P_API size_t charsiug2p_result_count(const charsiug2p_result* result);
/* CHARSIUG2P_OK or the word's error code; CHARSIUG2P_ERR_INVALID_ARGUMENT
 * for a NULL result or an index out of range. */
CHARSIUG2P_API int charsiug2p_result_error(const charsiug2p_result* result, size_t index);
/* The pronunciation (UTF-8, NUL-terminated; may be empty), or NULL when the
 * word failed or index is out of range. */
CHARSIUG2P_API const char* charsiug2p_result_text(const charsiug2p_result* result, size_t index);
/* Byte length of the pronunciation (0 when it failed). */
CHARSIUG2P_API size_t charsiug2p_result_length(const charsiug2p_result* result, size_t index);
/* The word's error message, "" when it succeeded. */
CHARSIUG2P_API const char* charsiug2p_result_message(const charsiug2p_result* result, size_t index);
/* Where the word's answer came from: a charsiug2p_source. */
typedef enum charsiug2p_source {
  CHARSIUG2P_SOURCE_NONE = 0, /* the word failed */
  CHARSIUG2P_SOURCE_MODEL = 1,
  CHARSIUG2P_SOURCE_LEXICON = 2,
  CHARSIUG2P_SOURCE_CACHE = 3
} charsiug2p_source;
/* CHARSIUG2P_SOURCE_NONE as well for a NULL result or index out of range. */
CHARSIUG2P_API int charsiug2p_result_source(const charsiug2p_result* result, size_t index);
/* Number of words that failed. */
CHARSIUG2P_API size_t charsiug2p_result_failures(const charsiug2p_result* result);
CHARSIUG2P_API void charsiug2p_result_free(charsiug2p_result* result);

/* ---------------------------------------------------------------- lexicon */

/* A lexicon: exact-match pronunciations per language, consulted before the
 * model. Immutable; thread-safe to share.
 *
 * Matching: an entry's word is compared byte for byte with the input word;
 * when there is no entry for the word as spelled, its simple lowercase
 * (Unicode, code point by code point, no ICU) is tried. So an entry "hello"
 * answers "Hello" and "HELLO", while an entry "US" answers only "US". Words
 * are not Unicode-normalized: keep lexicon and input in the same form (NFC).
 *
 * Pronunciations are in the model's IPA: options.phoneme_set converts them
 * like model output. options.max_output_len does not cut them.
 *
 * Compiled file format (".g2plex", version 1), all integers little-endian:
 *   header (64 bytes): magic "CG2PLEX\0", u32 version, u32 header size (64),
 *   u64 file size, u32 entry count, u32 flags (0), u64 entries offset (64),
 *   u64 strings offset, u64 strings size, u64 checksum (of every other byte
 *   of the file); then the entries, 16 bytes each (u32 key offset, u32 key
 *   size, u32 pronunciation offset, u32 pronunciation size into the
 *   strings), sorted by key bytes, keys "lang\tword"; then the strings, each
 *   followed by a NUL byte. Loading checks all of it (sizes, offsets, order,
 *   UTF-8, language codes, checksum): a truncated or lying file fails with
 *   CHARSIUG2P_ERR_LEXICON_FORMAT and a message naming the problem. */

/* Maps a compiled lexicon file (read-only, shared pages). The file must not
 * be truncated while the lexicon lives. Errors: CHARSIUG2P_ERR_IO (missing,
 * unreadable), CHARSIUG2P_ERR_LEXICON_FORMAT (malformed),
 * CHARSIUG2P_ERR_UNSUPPORTED (another format version). */
CHARSIUG2P_API int charsiug2p_lexicon_load(const char* path, charsiug2p_lexicon** out);
/* Same from a compiled lexicon in memory; the bytes are copied, so the
 * buffer may be released after the call. */
CHARSIUG2P_API int charsiug2p_lexicon_load_memory(const void* data, size_t size,
                                                  charsiug2p_lexicon** out);
CHARSIUG2P_API void charsiug2p_lexicon_free(charsiug2p_lexicon* lexicon);
/* Number of entries (0 for NULL). */
CHARSIUG2P_API size_t charsiug2p_lexicon_count(const charsiug2p_lexicon* lexicon);
/* The pronunciation for (lang, word) under the matching rule above, or NULL
 * when there is none (or an argument is NULL). The string lives as long as
 * the lexicon. Thread-safe. */
CHARSIUG2P_API const char* charsiug2p_lexicon_lookup(const charsiug2p_lexicon* lexicon,
                                                     const char* lang, const char* word);

/* What a lexicon builder does with a (language, word) given twice with
 * different pronunciations; an identical repeat is always accepted. */
typedef enum charsiug2p_duplicates {
  CHARSIUG2P_DUPLICATES_ERROR = 0, /* fail the add, naming both places */
  CHARSIUG2P_DUPLICATES_FIRST = 1, /* keep the first pronunciation */
  CHARSIUG2P_DUPLICATES_LAST = 2   /* keep the last (later files override) */
} charsiug2p_duplicates;

/* Collects entries, then writes a compiled file or makes a lexicon. Not
 * thread-safe; owned by the caller (charsiug2p_lexicon_builder_free). */
typedef struct charsiug2p_lexicon_builder charsiug2p_lexicon_builder;

/* duplicates: a charsiug2p_duplicates. */
CHARSIUG2P_API int charsiug2p_lexicon_builder_create(int32_t duplicates,
                                                     charsiug2p_lexicon_builder** out);
CHARSIUG2P_API void charsiug2p_lexicon_builder_free(charsiug2p_lexicon_builder* builder);
/* Adds one entry. lang must be a known language code; word and
 * pronunciation non-empty valid UTF-8 without tabs, line breaks or other
 * control characters (word at most 1024 bytes, pronunciation 4096).
 * Errors: CHARSIUG2P_ERR_LEXICON_FORMAT naming the problem. */
CHARSIUG2P_API int charsiug2p_lexicon_builder_add(charsiug2p_lexicon_builder* builder,
                                                  const char* lang, const char* word,
                                                  const char* pronunciation);
/* Adds the lines of a lexicon TSV (UTF-8, size bytes; "\n" or "\r\n"):
 *   lang NULL:  lang<TAB>word<TAB>pronunciation
 *   lang given: word<TAB>pronunciation, all in that language
 * Empty lines and lines starting with '#' are skipped, as is a leading
 * UTF-8 byte order mark; spaces around fields are trimmed; a pronunciation
 * "a,b" keeps only its first variant "a" (the CharsiuG2P data convention).
 * All or nothing: if any line is bad, nothing of this text is added and
 * CHARSIUG2P_ERR_LEXICON_FORMAT's message lists the bad lines (up to 20)
 * as "source_name:line: problem". source_name may be NULL ("<memory>"). */
CHARSIUG2P_API int charsiug2p_lexicon_builder_add_tsv(charsiug2p_lexicon_builder* builder,
                                                      const char* text, size_t size,
                                                      const char* source_name, const char* lang);
/* Same, reading the file at path (named by its path in messages).
 * CHARSIUG2P_ERR_IO if it cannot be read. */
CHARSIUG2P_API int charsiug2p_lexicon_builder_add_tsv_file(charsiug2p_lexicon_builder* builder,
                                                           const char* path, const char* lang);
/* Entries collected so far. */
CHARSIUG2P_API size_t charsiug2p_lexicon_builder_count(const charsiug2p_lexicon_builder* builder);
/* Writes the compiled lexicon to path (through a temporary file renamed
 * into place). CHARSIUG2P_ERR_IO if it cannot be written. */
CHARSIUG2P_API int charsiug2p_lexicon_builder_write(const charsiug2p_lexicon_builder* builder,
                                                    const char* path);
/* Makes a lexicon in memory from the entries; the builder stays usable. */
CHARSIUG2P_API int charsiug2p_lexicon_builder_finish(const charsiug2p_lexicon_builder* builder,
                                                     charsiug2p_lexicon** out);

/* ------------------------------------------------------------------ cache */

/* A bounded cache of recent answers, keyed by model, language, word and
 * every option that changes an answer (space_after_colon, max_output_len,
 * phoneme_set, phoneme_region). Only model answers are stored (lexicon hits
 * are cheaper than a cache lookup); failed words never are. Least recently
 * used entries are evicted so that the accounted bytes stay <= max_bytes; an
 * entry is accounted as its key and answer bytes plus
 * CHARSIUG2P_CACHE_ENTRY_OVERHEAD. Internally locked by shards: one cache
 * may serve any number of threads and models at once. */
#define CHARSIUG2P_CACHE_DEFAULT_BYTES (8u * 1024u * 1024u)
#define CHARSIUG2P_CACHE_ENTRY_OVERHEAD 128u

/* max_bytes 0 means CHARSIUG2P_CACHE_DEFAULT_BYTES. */
CHARSIUG2P_API int charsiug2p_cache_create(size_t max_bytes, charsiug2p_cache** out);
/* Free only after every call using the cache has returned. */
CHARSIUG2P_API void charsiug2p_cache_free(charsiug2p_cache* cache);
/* Drops every entry; the counters keep counting. Thread-safe. */
CHARSIUG2P_API void charsiug2p_cache_clear(charsiug2p_cache* cache);
/* Counters since creation (0 for NULL). A lookup is made once per distinct
 * (language, word) of a call that no lexicon answered; a hit is a lookup
 * that found its answer. Thread-safe; each value is read atomically. */
CHARSIUG2P_API uint64_t charsiug2p_cache_hits(const charsiug2p_cache* cache);
CHARSIUG2P_API uint64_t charsiug2p_cache_misses(const charsiug2p_cache* cache);
CHARSIUG2P_API uint64_t charsiug2p_cache_entries(const charsiug2p_cache* cache);
/* Accounted bytes now held, and the bound they stay under. */
CHARSIUG2P_API uint64_t charsiug2p_cache_bytes(const charsiug2p_cache* cache);
CHARSIUG2P_API uint64_t charsiug2p_cache_max_bytes(const charsiug2p_cache* cache);

/* ----------------------------------------------------------- phoneme sets */

/* Conversion of the model's IPA into the phoneme set of Kokoro TTS (misaki):
 * IPA diphthongs and affricates to misaki's letters (aɪ -> I, tʃ -> ʧ ...),
 * regional rules (US or GB), then optional tuning passes. Names ('_' or '+'
 * may stand for '-'):
 *   espeak                      espeak-ng style input (tie bars), tables only
 *   ipa                         IPA input, tables only
 *   ipa-flap                    + flap t between vowels (bʌtəɹ -> bʌɾəɹ)
 *   ipa-vowel, ipa-flap-vowel   + stress before the vowel, stressed ə -> ʌ,
 *                               unstressed ɜɹ -> əɹ, unstressed ɪd/ɪz -> ᵻd/ᵻz
 *   ipa-(flap-)vowel-stress     + one primary stress per word
 *   ipa-(flap-)vowel-reduced    + unstressed ɪ -> ə before the stress
 *                               (recommended: ipa-flap-vowel-reduced)
 *   experimental: ipa-(flap-)vowel-syllabic, ipa-(flap-)vowel-reduced-rhotic,
 *   ipa-(flap-)vowel-prefix (reads the spelled word).
 * Works on code points (UTF-8 in and out). */
#define CHARSIUG2P_PHONEME_SET_RECOMMENDED "ipa-flap-vowel-reduced"

/* The accepted names in their canonical spelling; static strings, NULL for
 * index >= charsiug2p_phoneme_set_count(). */
CHARSIUG2P_API size_t charsiug2p_phoneme_set_count(void);
CHARSIUG2P_API const char* charsiug2p_phoneme_set_name(size_t index);

/* Converts one pronunciation `ipa` (UTF-8) into phoneme_set. region: a
 * charsiug2p_region (AUTO means US here). word: the spelled word, read only
 * by the prefix strategies; may be NULL. On success *out is a new
 * NUL-terminated UTF-8 string; release it with charsiug2p_string_free.
 * Errors: CHARSIUG2P_ERR_INVALID_ARGUMENT (NULL ipa or out, unknown name,
 * listing the valid ones, bad region), CHARSIUG2P_ERR_INVALID_UTF8.
 * Thread-safe. */
CHARSIUG2P_API int charsiug2p_phoneme_set_convert(const char* phoneme_set, int32_t region,
                                                  const char* ipa, const char* word, char** out);
/* Releases a string returned by this library; accepts NULL. */
CHARSIUG2P_API void charsiug2p_string_free(char* s);

#ifdef __cplusplus
}
#endif
#endif /* CHARSIUG2P_H */
