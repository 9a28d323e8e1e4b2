// The one UTF-8 scanner every library on the runtime uses (tokenizer, TSV
// escaping, weight-name checks), so they agree on what is well-formed.
#include "chrt/runtime.h"

extern "C" {

CHRT_API int32_t chrt_utf8_sequence(const char* s, size_t size) {
  if (!s || size == 0) return 0;
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return 1;
  int32_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    return -1;
  }
  for (int32_t k = 1; k <= need; ++k) {
    if (static_cast<size_t>(k) >= size) return -k;
    const auto b = static_cast<unsigned char>(s[k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return -k;
  }
  return need + 1;
}

}  // extern "C"
