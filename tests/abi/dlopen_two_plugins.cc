// The Android/desktop arrangement: both plugin libraries dlopen'ed with
// RTLD_LOCAL into one process. The runtime must be loaded exactly once.
#include <dlfcn.h>
#include <link.h>

#include <cstring>
#include <string>

#include "charsiug2p/charsiug2p.h"
#include "phonemap/phonemap.h"
#include "two_plugins.h"

namespace {

void* sym(void* lib, const char* name) {
  void* s = dlsym(lib, name);
  if (!s) std::printf("FAIL: missing %s: %s\n", name, dlerror());
  return s;
}

template <class F>
F fn(void* lib, const char* name) {
  return reinterpret_cast<F>(sym(lib, name));
}

struct LoadedG2p {
  void* lib;
  const void* runtime_instance() const {
    return fn<const void* (*)()>(lib, "charsiug2p_runtime_instance")();
  }
  uint32_t runtime_version() const {
    return fn<uint32_t (*)()>(lib, "charsiug2p_runtime_version")();
  }
  int model_load(const char* d, charsiug2p_model** m) const {
    return fn<int (*)(const char*, charsiug2p_model**)>(lib, "charsiug2p_model_load")(d, m);
  }
  int phonemize(const charsiug2p_model* m, const char* const* w, size_t n, const char* l,
                const charsiug2p_options* o, charsiug2p_result** r) const {
    return fn<decltype(&charsiug2p_phonemize)>(lib, "charsiug2p_phonemize")(m, w, n, l, o, r);
  }
  const char* result_text(const charsiug2p_result* r, size_t i) const {
    return fn<decltype(&charsiug2p_result_text)>(lib, "charsiug2p_result_text")(r, i);
  }
  void result_free(charsiug2p_result* r) const {
    fn<decltype(&charsiug2p_result_free)>(lib, "charsiug2p_result_free")(r);
  }
  void model_free(charsiug2p_model* m) const {
    fn<decltype(&charsiug2p_model_free)>(lib, "charsiug2p_model_free")(m);
  }
  const char* last_error() const {
    return fn<decltype(&charsiug2p_last_error)>(lib, "charsiug2p_last_error")();
  }
};

struct LoadedMap {
  void* lib;
  const void* runtime_instance() const {
    return fn<const void* (*)()>(lib, "phonemap_runtime_instance")();
  }
  uint32_t runtime_version() const { return fn<uint32_t (*)()>(lib, "phonemap_runtime_version")(); }
  int table_load_memory(const char* j, size_t n, phonemap_table** t) const {
    return fn<decltype(&phonemap_table_load_memory)>(lib, "phonemap_table_load_memory")(j, n, t);
  }
  int encode(const phonemap_table* t, const char* s, int32_t** ids, size_t* n, size_t* m) const {
    return fn<decltype(&phonemap_encode)>(lib, "phonemap_encode")(t, s, ids, n, m);
  }
  void ids_free(int32_t* ids) const {
    fn<decltype(&phonemap_ids_free)>(lib, "phonemap_ids_free")(ids);
  }
  void table_free(phonemap_table* t) const {
    fn<decltype(&phonemap_table_free)>(lib, "phonemap_table_free")(t);
  }
  const char* last_error() const {
    return fn<decltype(&phonemap_last_error)>(lib, "phonemap_last_error")();
  }
};

int count_runtime_copies() {
  int n = 0;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        if (info->dlpi_name && std::strstr(info->dlpi_name, "libcharsiu_runtime.so"))
          ++*static_cast<int*>(data);
        return 0;
      },
      &n);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::printf("usage: dlopen_two_plugins G2P_LIB PHONEMAP_LIB MODEL_DIR\n");
    return 2;
  }
  void* g2p = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  void* map = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
  if (!g2p || !map) {
    std::printf("FAIL: dlopen: %s\n", dlerror());
    return 1;
  }
  const int rc = exercise_two_plugins(LoadedG2p{g2p}, LoadedMap{map}, argv[3]);
  const int copies = count_runtime_copies();
  std::printf("libcharsiu_runtime.so loaded %d time(s)\n", copies);
  return rc != 0 ? rc : copies == 1 ? 0 : 1;
}
