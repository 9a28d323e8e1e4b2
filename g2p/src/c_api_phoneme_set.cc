// The C ABI's phoneme-set functions.
#include <cstdlib>
#include <cstring>

#include "c_api_guard.h"
#include "phoneme_set.h"

using namespace charsiug2p::detail;

extern "C" {

CHARSIUG2P_API size_t charsiug2p_phoneme_set_count(void) { return phoneme_set_names().size(); }

CHARSIUG2P_API const char* charsiug2p_phoneme_set_name(size_t index) {
  // The names are string literals, so data() is NUL-terminated.
  return index < phoneme_set_names().size() ? phoneme_set_names()[index].data() : nullptr;
}

CHARSIUG2P_API int charsiug2p_phoneme_set_convert(const char* phoneme_set, int32_t region,
                                                  const char* ipa, const char* word, char** out) {
  return guarded_out(out, [&] {
    require(phoneme_set && ipa, "phoneme_set or ipa");
    if (region < CHARSIUG2P_REGION_AUTO || region > CHARSIUG2P_REGION_GB)
      throw ModelError(CHARSIUG2P_ERR_INVALID_ARGUMENT,
                       "region must be 0 (auto), 1 (US) or 2 (GB)");
    const PhonemeSet set = parse_phoneme_set(phoneme_set);
    const std::string s = convert_phonemes(
        set, region == CHARSIUG2P_REGION_GB ? Region::kGb : Region::kUs, ipa, word ? word : "");
    // malloc, so that charsiug2p_string_free can be free() whatever C++ runtime the caller has.
    char* copy = static_cast<char*>(std::malloc(s.size() + 1));
    if (!copy) throw std::bad_alloc();
    std::memcpy(copy, s.c_str(), s.size() + 1);
    *out = copy;
  });
}

CHARSIUG2P_API void charsiug2p_string_free(char* s) { std::free(s); }

}  // extern "C"
