// Shared by the static and dynamic coexistence tests: use both plugins and
// report whether they run on one runtime instance.
#pragma once

#include <cstdio>
#include <cstring>

// Returns 0 when both plugins work and share one runtime; prints why not.
template <class G2pApi, class MapApi>
int exercise_two_plugins(const G2pApi& g, const MapApi& p, const char* model_dir) {
  if (g.runtime_instance() != p.runtime_instance()) {
    std::printf("FAIL: two runtime instances (%p vs %p)\n", g.runtime_instance(),
                p.runtime_instance());
    return 1;
  }
  if (g.runtime_version() != p.runtime_version()) {
    std::printf("FAIL: runtime versions differ\n");
    return 1;
  }
  charsiug2p_model* model = nullptr;
  if (g.model_load(model_dir, &model) != 0) {
    std::printf("FAIL: model load: %s\n", g.last_error());
    return 1;
  }
  const char* words[] = {"hello", "world"};
  charsiug2p_result* r = nullptr;
  if (g.phonemize(model, words, 2, "eng-us", nullptr, &r) != 0 || g.result_text(r, 0) == nullptr) {
    std::printf("FAIL: phonemize: %s\n", g.last_error());
    return 1;
  }
  const char* ipa = g.result_text(r, 0);
  const char json[] = R"({"phoneme_id_map": {"_": [0], "^": [1], "$": [2], "h": [20], "ɛ": [61],
      "l": [24], "o": [27], "ʊ": [100], "ˈ": [120], "ə": [59], "ɫ": [49]}})";
  phonemap_table* table = nullptr;
  if (p.table_load_memory(json, sizeof json - 1, &table) != 0) {
    std::printf("FAIL: phonemap load: %s\n", p.last_error());
    return 1;
  }
  int32_t* ids = nullptr;
  size_t n = 0, missing = 0;
  if (p.encode(table, ipa, &ids, &n, &missing) != 0 || n < 4 || ids[0] != 1 || ids[n - 1] != 2) {
    std::printf("FAIL: phonemap encode of '%s'\n", ipa);
    return 1;
  }
  std::printf("ok: runtime %p shared; '%s' -> %zu ids (%zu unmapped)\n", g.runtime_instance(), ipa,
              n, missing);
  p.ids_free(ids);
  p.table_free(table);
  g.result_free(r);
  g.model_free(model);
  return 0;
}

// The plugins' functions as linked directly (static or shared linking).
struct DirectG2p {
  const void* runtime_instance() const { return charsiug2p_runtime_instance(); }
  uint32_t runtime_version() const { return charsiug2p_runtime_version(); }
  int model_load(const char* d, charsiug2p_model** m) const { return charsiug2p_model_load(d, m); }
  int phonemize(const charsiug2p_model* m, const char* const* w, size_t n, const char* l,
                const charsiug2p_options* o, charsiug2p_result** r) const {
    return charsiug2p_phonemize(m, w, n, l, o, r);
  }
  const char* result_text(const charsiug2p_result* r, size_t i) const {
    return charsiug2p_result_text(r, i);
  }
  void result_free(charsiug2p_result* r) const { charsiug2p_result_free(r); }
  void model_free(charsiug2p_model* m) const { charsiug2p_model_free(m); }
  const char* last_error() const { return charsiug2p_last_error(); }
};
struct DirectMap {
  const void* runtime_instance() const { return phonemap_runtime_instance(); }
  uint32_t runtime_version() const { return phonemap_runtime_version(); }
  int table_load_memory(const char* j, size_t n, phonemap_table** t) const {
    return phonemap_table_load_memory(j, n, t);
  }
  int encode(const phonemap_table* t, const char* s, int32_t** ids, size_t* n, size_t* m) const {
    return phonemap_encode(t, s, ids, n, m);
  }
  void ids_free(int32_t* ids) const { phonemap_ids_free(ids); }
  void table_free(phonemap_table* t) const { phonemap_table_free(t); }
  const char* last_error() const { return phonemap_last_error(); }
};
