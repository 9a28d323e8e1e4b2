/* The public headers must compile as C99 (-std=c99 -pedantic). */
#include "charsiug2p/charsiug2p.h"
#include "chrt/runtime.h"

int main(void) {
  charsiug2p_options o;
  if (charsiug2p_options_init(&o, sizeof o) != CHARSIUG2P_OK) return 1;
  if (charsiug2p_language_count() < 100) return 2;
  /* Fields and names of 0.2. */
  o.phoneme_set = CHARSIUG2P_PHONEME_SET_RECOMMENDED;
  o.phoneme_region = CHARSIUG2P_REGION_AUTO;
  o.lexicon = NULL;
  o.cache = NULL;
  if (charsiug2p_phoneme_set_count() == 0) return 4;
  return o.batch_size > 0 ? 0 : 3;
}
