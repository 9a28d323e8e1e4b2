/*
 * charsiug2p_text: the optional running-text front end of charsiug2p. It
 * turns a sentence into tokens (words, punctuation, spaces, spelled-out
 * numbers, inline overrides) with ICU and phonemizes the words through the
 * word-level C ABI (charsiug2p.h), one charsiug2p_phonemize call per request
 * for all the words of all its texts. The word library knows nothing of
 * this one; this library is built only when ICU is found. C99.
 *
 * What a text becomes
 *   - Words: ICU word break iterators for the language's locale, so scripts
 *     without spaces (Thai, Lao, Khmer, Burmese, Chinese, Japanese) are cut
 *     into dictionary words. Each word is NFC-normalized, soft hyphens and
 *     zero-width spaces removed, then phonemized by the model.
 *   - Numbers: digits (any script's decimal digits) are spelled out with
 *     ICU's rule-based spell-out for the language's locale before
 *     phonemization: cardinals, decimals, negatives, years (four bare digits
 *     1000..2999 where the locale has year rules) and ordinals with a
 *     written suffix (eng 3rd; fra 1er, 2e; º/ª in Romance languages).
 *     Languages without spell-out rules keep the digits and hand them to
 *     the model; such tokens carry CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT and a
 *     note in their message. charsiug2p_text_language_info tells which.
 *   - Inline overrides, the misaki convention: [Kokoro](/kəˈkɔɹo/) is one
 *     token whose phonemes are exactly those between the slashes; the model
 *     (and any lexicon) is not consulted for it. Other bracket forms are
 *     ordinary text.
 *   - Punctuation and symbols stay in place; whitespace runs become one
 *     space token; control characters become space tokens; bytes that are
 *     not valid UTF-8 become punctuation tokens with CHARSIUG2P_ERR_INVALID_UTF8.
 *   Tokens cover the input exactly: their source ranges, in order, tile
 *   every byte of the text, so nothing is lost.
 *
 * Joined form (charsiug2p_text_result_joined): the phonemes of spoken
 * tokens (words, numbers, overrides), a space between two spoken tokens
 * that touch (word boundaries in scripts without spaces, and between the
 * words of a spelled number), punctuation copied, each space token as one
 * space (runs collapsed). A word or number the word engine failed keeps its
 * text; bytes that are not UTF-8 are left out.
 *
 * Ownership
 *   - charsiug2p_text_engine_create makes an engine the caller owns (free
 *     with charsiug2p_text_engine_free). It borrows the model: the model
 *     must outlive the engine.
 *   - charsiug2p_text_phonemize* make a result the caller owns (free with
 *     charsiug2p_text_result_free). Strings obtained from a result stay valid
 *     until it is freed. Inputs are only read during the call.
 *   - Free functions accept NULL. Name/info strings are static.
 *
 * Threading
 *   - An engine is thread-safe: any number of threads may phonemize with
 *     one engine at the same time (it keeps a small pool of ICU objects per
 *     language, each used by one call at a time).
 *   - charsiug2p_text_last_error() is thread-local.
 *
 * Errors
 *   - Functions returning int return CHARSIUG2P_OK or a charsiug2p_error
 *     code (charsiug2p.h), or CHARSIUG2P_TEXT_ERR_ICU when ICU itself fails
 *     (e.g. its data is missing); charsiug2p_text_error_name names any of
 *     them and charsiug2p_text_last_error() gives the detail. No C++
 *     exception crosses this boundary; nothing here exits or aborts.
 *   - A language code the model does not know fails the call with
 *     CHARSIUG2P_ERR_UNKNOWN_LANGUAGE. Bad bytes, over-long words and model
 *     failures do not fail the call: the token gets its own error and every
 *     other token its answer.
 *
 * Normal call sequence
 *   charsiug2p_text_engine* te = NULL;
 *   charsiug2p_text_engine_create(model, &te);
 *   charsiug2p_options opts;
 *   charsiug2p_options_init(&opts, sizeof opts);
 *   const char* s = "Dr. Smith paid $1,250 on 3 May 2024, didn't he?";
 *   charsiug2p_text_result* r = NULL;
 *   if (charsiug2p_text_phonemize(te, s, strlen(s), "eng-us", &opts, &r) == CHARSIUG2P_OK)
 *     printf("%s\n", charsiug2p_text_result_joined(r, 0));
 *   charsiug2p_text_result_free(r);
 *   charsiug2p_text_engine_free(te);
 */
#ifndef CHARSIUG2P_TEXT_H
#define CHARSIUG2P_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "charsiug2p/charsiug2p.h"

#define CHARSIUG2P_TEXT_VERSION_MAJOR 0
#define CHARSIUG2P_TEXT_VERSION_MINOR 1
#define CHARSIUG2P_TEXT_VERSION_PATCH 0

#ifdef __cplusplus
extern "C" {
#endif

/* Call-level error beyond charsiug2p_error: ICU could not create a break
 * iterator or number formatter (missing or broken ICU data). */
#define CHARSIUG2P_TEXT_ERR_ICU 100

typedef enum charsiug2p_text_token_kind {
  CHARSIUG2P_TEXT_WORD = 0,    /* phonemized by the model */
  CHARSIUG2P_TEXT_PUNCT = 1,   /* punctuation or symbol, copied */
  CHARSIUG2P_TEXT_SPACE = 2,   /* whitespace or control characters */
  CHARSIUG2P_TEXT_NUMBER = 3,  /* digits; text holds the spelled-out words */
  CHARSIUG2P_TEXT_OVERRIDE = 4 /* [text](/phonemes/): phonemes from the input */
} charsiug2p_text_token_kind;

/* Token flags (bit set). */
#define CHARSIUG2P_TEXT_FLAG_ORDINAL 1u     /* number read as an ordinal */
#define CHARSIUG2P_TEXT_FLAG_YEAR 2u        /* number read as a year */
#define CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT 4u /* not spelled out; see message */
#define CHARSIUG2P_TEXT_FLAG_NEGATIVE 8u    /* a leading minus sign was read */

/* One token, filled by charsiug2p_text_result_token. The library writes only
 * the first struct_size bytes, so the struct can grow at its end. */
typedef struct charsiug2p_text_token {
  uint32_t struct_size; /* set to sizeof(charsiug2p_text_token) before the call */
  int32_t kind;         /* charsiug2p_text_token_kind */
  int32_t error;        /* CHARSIUG2P_OK or the token's charsiug2p_error */
  uint32_t flags;       /* CHARSIUG2P_TEXT_FLAG_* */
  size_t text_index;    /* which input text (0 for charsiug2p_text_phonemize) */
  size_t source_begin;  /* byte range [begin, end) in that input text */
  size_t source_end;
  /* What was spoken: the word as handed to the model (NFC, no soft hyphens),
   * the spelled-out number, the override's bracketed text, or the
   * punctuation/space itself. NUL-terminated UTF-8 (raw bytes for a token
   * with CHARSIUG2P_ERR_INVALID_UTF8). */
  const char* text;
  size_t text_length;
  /* Phonemes (NUL-terminated UTF-8): the model's for a word, the words'
   * joined by spaces for a number, the override's, "" for punctuation and
   * spaces and for a word that failed. */
  const char* phonemes;
  size_t phonemes_length;
  const char* message; /* why it failed, or a note (digits kept); else "" */
} charsiug2p_text_token;

/* Static name of any code these functions return; never NULL. */
CHARSIUG2P_API const char* charsiug2p_text_error_name(int code);
/* Detail of the last failing charsiug2p_text_ call on this thread ("" if none). */
CHARSIUG2P_API const char* charsiug2p_text_last_error(void);
/* (major << 16) | (minor << 8) | patch of this library. */
CHARSIUG2P_API uint32_t charsiug2p_text_version(void);
/* The ICU version this library runs on ("72.1"); static. */
CHARSIUG2P_API const char* charsiug2p_text_icu_version(void);

/* ------------------------------------------------------------ languages */

typedef struct charsiug2p_text_language_info {
  uint32_t struct_size;       /* set to sizeof(charsiug2p_text_language_info) */
  const char* icu_locale;     /* locale for word breaks and number symbols */
  const char* spell_locale;   /* locale whose spell-out rules are used; "" if none */
  int32_t has_spellout;       /* 1: numbers are spelled out; 0: digits kept */
  int32_t has_year_rules;     /* 1: four-digit years get year reading */
  int32_t has_ordinal_suffix; /* 1: written ordinals (3rd, 1er, 2º) are recognized */
} charsiug2p_text_language_info;

/* Describes how text in `lang` (a code of charsiug2p_language_code) is
 * handled, checking ICU's data at run time. Strings are static.
 * CHARSIUG2P_ERR_UNKNOWN_LANGUAGE for a code the model does not know. */
CHARSIUG2P_API int charsiug2p_text_language_info_get(const char* lang,
                                                     charsiug2p_text_language_info* out);

/* --------------------------------------------------------------- engine */

typedef struct charsiug2p_text_engine charsiug2p_text_engine;

/* An engine over a loaded model (borrowed; it must outlive the engine). */
CHARSIUG2P_API int charsiug2p_text_engine_create(const charsiug2p_model* model,
                                                 charsiug2p_text_engine** out);
CHARSIUG2P_API void charsiug2p_text_engine_free(charsiug2p_text_engine* engine);

/* ------------------------------------------------------------ phonemize */

typedef struct charsiug2p_text_result charsiug2p_text_result;

/* Phonemizes one UTF-8 text of `size` bytes (it need not be NUL-terminated
 * and may hold NUL bytes, which become space tokens) in language `lang`.
 * `options` (may be NULL for defaults) is handed unchanged to
 * charsiug2p_phonemize for the words: threads, batch size, and whatever
 * the word library's options carry (lexicon, cache, phoneme set). On
 * CHARSIUG2P_OK, *out is a result with one text; otherwise *out is NULL. */
CHARSIUG2P_API int charsiug2p_text_phonemize(const charsiug2p_text_engine* engine, const char* text,
                                             size_t size, const char* lang,
                                             const charsiug2p_options* options,
                                             charsiug2p_text_result** out);

/* The same for n texts (texts[i] of sizes[i] bytes) in one language: all
 * their words go to the model in a single call, so threads and batches stay
 * full when texts are short (lines of a file). */
CHARSIUG2P_API int charsiug2p_text_phonemize_many(const charsiug2p_text_engine* engine,
                                                  const char* const* texts, const size_t* sizes,
                                                  size_t n, const char* lang,
                                                  const charsiug2p_options* options,
                                                  charsiug2p_text_result** out);

/* Number of input texts. */
CHARSIUG2P_API size_t charsiug2p_text_result_text_count(const charsiug2p_text_result* result);
/* The joined phoneme string of text i (NUL-terminated), NULL if i is out of
 * range; *length (if not NULL) receives its byte length. */
CHARSIUG2P_API const char* charsiug2p_text_result_joined(const charsiug2p_text_result* result,
                                                         size_t text_index, size_t* length);
/* Tokens of all texts, text by text; those of text i are
 * [first_token(i), first_token(i + 1)); first_token(text_count) is the total. */
CHARSIUG2P_API size_t charsiug2p_text_result_token_count(const charsiug2p_text_result* result);
CHARSIUG2P_API size_t charsiug2p_text_result_first_token(const charsiug2p_text_result* result,
                                                         size_t text_index);
/* Fills *out (out->struct_size set by the caller) with token `index`.
 * CHARSIUG2P_ERR_INVALID_ARGUMENT for NULLs, a bad struct_size or an index
 * out of range. */
CHARSIUG2P_API int charsiug2p_text_result_token(const charsiug2p_text_result* result, size_t index,
                                                charsiug2p_text_token* out);
/* Number of tokens whose error is not CHARSIUG2P_OK. */
CHARSIUG2P_API size_t charsiug2p_text_result_failures(const charsiug2p_text_result* result);
/* Number of words handed to the model (after removing repeats). */
CHARSIUG2P_API size_t charsiug2p_text_result_model_words(const charsiug2p_text_result* result);
CHARSIUG2P_API void charsiug2p_text_result_free(charsiug2p_text_result* result);

#ifdef __cplusplus
}
#endif
#endif /* CHARSIUG2P_TEXT_H */
