// The C ABI's word-cache functions.
#include "c_api_guard.h"

using namespace charsiug2p::detail;

extern "C" {

CHARSIUG2P_API int charsiug2p_cache_create(size_t max_bytes, charsiug2p_cache** out) {
  static_assert(WordCache::kEntryOverhead == CHARSIUG2P_CACHE_ENTRY_OVERHEAD);
  return guarded_out(out, [&] {
    *out = new charsiug2p_cache{WordCache(max_bytes ? max_bytes : CHARSIUG2P_CACHE_DEFAULT_BYTES)};
  });
}

CHARSIUG2P_API void charsiug2p_cache_free(charsiug2p_cache* cache) { delete cache; }

CHARSIUG2P_API void charsiug2p_cache_clear(charsiug2p_cache* cache) {
  if (cache) cache->impl.clear();
}

CHARSIUG2P_API uint64_t charsiug2p_cache_hits(const charsiug2p_cache* cache) {
  return cache ? cache->impl.hits() : 0;
}

CHARSIUG2P_API uint64_t charsiug2p_cache_misses(const charsiug2p_cache* cache) {
  return cache ? cache->impl.misses() : 0;
}

CHARSIUG2P_API uint64_t charsiug2p_cache_entries(const charsiug2p_cache* cache) {
  return cache ? cache->impl.entries() : 0;
}

CHARSIUG2P_API uint64_t charsiug2p_cache_bytes(const charsiug2p_cache* cache) {
  return cache ? cache->impl.bytes() : 0;
}

CHARSIUG2P_API uint64_t charsiug2p_cache_max_bytes(const charsiug2p_cache* cache) {
  return cache ? cache->impl.max_bytes() : 0;
}

}  // extern "C"
