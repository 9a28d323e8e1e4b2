/* The text front end's public header must compile as C99 (-pedantic). */
#include "charsiug2p/charsiug2p_text.h"

int main(void) {
  charsiug2p_text_language_info info;
  info.struct_size = sizeof info;
  if (charsiug2p_text_language_info_get("eng-us", &info) != CHARSIUG2P_OK) return 1;
  return info.has_spellout == 1 ? 0 : 2;
}
