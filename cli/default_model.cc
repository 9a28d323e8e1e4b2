#include "default_model.h"

#ifdef CHARSIUG2P_EMBEDDED_MODEL
// Defined by default_model.S (.incbin of models/default).
extern "C" const unsigned char charsiug2p_cli_model_config[], charsiug2p_cli_model_config_end[];
extern "C" const unsigned char charsiug2p_cli_model_weights[], charsiug2p_cli_model_weights_end[];
#endif

namespace charsiug2p::cli {

EmbeddedModel embedded_default_model() {
#ifdef CHARSIUG2P_EMBEDDED_MODEL
  return {std::string_view(
              reinterpret_cast<const char*>(charsiug2p_cli_model_config),
              static_cast<size_t>(charsiug2p_cli_model_config_end - charsiug2p_cli_model_config)),
          charsiug2p_cli_model_weights,
          static_cast<size_t>(charsiug2p_cli_model_weights_end - charsiug2p_cli_model_weights)};
#else
  return {};
#endif
}

}  // namespace charsiug2p::cli
