// The word pipeline: validate each word, answer it from the lexicon or the
// cache when they know it, decode each remaining distinct word once, convert
// to the phoneme set, and hand back outcomes in input order.
#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "batch_decode.h"
#include "engine.h"
#include "errors.h"
#include "languages.h"
#include "lexicon.h"
#include "tokenizer.h"
#include "word_cache.h"

namespace charsiug2p::detail {

void validate_options(const CallOptions& o) {
  auto bad = [](const std::string& what) {
    throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT, "invalid option: " + what);
  };
  if (o.max_output_len < 0 || o.max_output_len > kMaxOutputLimit)
    bad("max_output_len must be 0 (automatic) or 1.." + std::to_string(kMaxOutputLimit));
  if (o.num_threads < 1 || o.num_threads > 256) bad("num_threads must be in 1..256");
  if (o.batch_size < 1 || o.batch_size > 4096) bad("batch_size must be in 1..4096");
  if (o.max_input_bytes < 8 || o.max_input_bytes > 65536)
    bad("max_input_bytes must be in 8..65536");
  if (o.region < CHARSIUG2P_REGION_AUTO || o.region > CHARSIUG2P_REGION_GB)
    bad("phoneme_region must be 0 (auto), 1 (US) or 2 (GB)");
}

namespace {

Region region_for(int32_t r, std::string_view lang) {
  if (r == CHARSIUG2P_REGION_AUTO) return lang == "eng-uk" ? Region::kGb : Region::kUs;
  return r == CHARSIUG2P_REGION_GB ? Region::kGb : Region::kUs;
}

// Everything an answer depends on besides the word: the model, the options
// that change output, then "lang\tword".
std::string cache_key(uint64_t model_id, const CallOptions& o, Region region, std::string_view lang,
                      std::string_view word) {
  std::string k(14, '\0');
  std::memcpy(k.data(), &model_id, 8);
  const int32_t max_out = o.max_output_len;
  std::memcpy(k.data() + 8, &max_out, 4);
  k[12] = static_cast<char>(o.space_after_colon);
  k[13] = static_cast<char>(o.phoneme_set.id * 2 + (region == Region::kGb));
  k.append(lang).append(1, '\t').append(word);
  return k;
}

// False, with the word's error set, when it cannot be phonemized at all.
bool check_word(std::string_view word, std::string_view lang, WordOutcome& r) {
  if (word.empty()) {
    r = {CHARSIUG2P_ERR_EMPTY_WORD, "", "empty word"};
  } else if (!is_valid_utf8(word)) {
    r = {CHARSIUG2P_ERR_INVALID_UTF8, "", "word is not valid UTF-8"};
  } else if (!is_known_language(lang)) {
    r = {CHARSIUG2P_ERR_UNKNOWN_LANGUAGE, "",
         "unknown language code '" + (is_valid_utf8(lang) ? std::string(lang) : "<invalid UTF-8>") +
             "' (use 'unk' when the language is unknown)"};
  }
  return r.code == CHARSIUG2P_OK;
}

}  // namespace

std::vector<WordOutcome> Engine::phonemize(std::span<const std::string_view> words,
                                           std::span<const std::string_view> langs,
                                           const CallOptions& o) const {
  validate_options(o);
  if (langs.size() != 1 && langs.size() != words.size())
    throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                     "give one language for all words or one per word");
  const bool convert = o.phoneme_set.id != 0;
  std::vector<WordOutcome> out(words.size());
  std::vector<DecodeItem> items;
  std::vector<std::string> cache_keys(o.cache ? words.size() : 0);  // per word
  std::unordered_map<std::string, size_t> first_seen;               // "lang\tword" -> word index
  std::vector<std::pair<size_t, size_t>> repeats;                   // (word, earlier same word)
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    const std::string_view lang = langs.size() == 1 ? langs[0] : langs[i];
    WordOutcome& r = out[i];
    if (!check_word(word, lang, r)) continue;
    const Region region = region_for(o.region, lang);
    if (o.lexicon) {
      if (const auto hit = o.lexicon->lookup(lang, word)) {
        r.text = convert ? convert_phonemes(o.phoneme_set, region, *hit, word) : std::string(*hit);
        r.source = CHARSIUG2P_SOURCE_LEXICON;
        continue;
      }
    }
    std::string key(lang);
    key.append(1, '\t').append(word);
    if (auto [it, fresh] = first_seen.try_emplace(std::move(key), i); !fresh) {
      repeats.emplace_back(i, it->second);
      continue;
    }
    const std::string input = prefixed_input(lang, word, o.space_after_colon);
    if (input.size() > static_cast<size_t>(o.max_input_bytes)) {
      r = {CHARSIUG2P_ERR_WORD_TOO_LONG, "",
           "word is " + std::to_string(input.size()) + " bytes with its prefix; the limit is " +
               std::to_string(o.max_input_bytes) + " (max_input_bytes)"};
      continue;
    }
    if (o.cache) {
      std::string ck = cache_key(id_, o, region, lang, word);
      if (auto hit = o.cache->find(ck)) {
        r.text = std::move(*hit);
        r.source = CHARSIUG2P_SOURCE_CACHE;
        continue;
      }
      cache_keys[i] = std::move(ck);
    }
    const int auto_len = std::min<int>(4 * static_cast<int>(word.size()) + 16, kMaxAutoOutput);
    items.push_back({i, encode_bytes(input), o.max_output_len > 0 ? o.max_output_len : auto_len,
                     draft_bigrams(lang)});
  }
  decode_items(*model_, items, o.batch_size, o.num_threads, out);
  for (const DecodeItem& item : items) {
    WordOutcome& r = out[item.index];
    if (r.code != CHARSIUG2P_OK) continue;
    r.source = CHARSIUG2P_SOURCE_MODEL;
    const std::string_view lang = langs.size() == 1 ? langs[0] : langs[item.index];
    if (convert)
      r.text =
          convert_phonemes(o.phoneme_set, region_for(o.region, lang), r.text, words[item.index]);
    if (o.cache) o.cache->insert(cache_keys[item.index], r.text);
  }
  for (const auto& [i, earlier] : repeats) out[i] = out[earlier];
  return out;
}

}  // namespace charsiug2p::detail
