#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string_view>

#include "commands.h"
#include "default_model.h"

#include <unistd.h>

static bool isatty_stdin() { return isatty(STDIN_FILENO) != 0; }

namespace charsiug2p::cli {

Model load_model(const Options& o) {
  if (!o.model_dir.empty()) return Model::load(o.model_dir);
  const EmbeddedModel m = embedded_default_model();
  if (!m.weights)
    throw Error(CHARSIUG2P_ERR_IO, "this build has no embedded model; pass --model DIR");
  return Model::load_memory(m.config, m.weights, m.weights_size);
}

}  // namespace charsiug2p::cli

int main(int argc, char** argv) {
  using namespace charsiug2p::cli;
  Options o;
  try {
    o = parse_options(argc, argv);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "charsiug2p: %s\n\n%s", e.what(), usage());
    return 1;
  }
  if (o.command == "help") {
    std::fputs(usage(), stdout);
    return 0;
  }
  if (o.command == "version") {
    std::printf("charsiug2p %s (runtime %u.%u.%u)\n", charsiug2p_version_string(),
                charsiug2p_runtime_version() >> 16, (charsiug2p_runtime_version() >> 8) & 0xFF,
                charsiug2p_runtime_version() & 0xFF);
    return 0;
  }
  if (o.command == "languages") {
    for (size_t i = 0; i < charsiug2p_language_count(); ++i)
      std::printf("%s\n", charsiug2p_language_code(i));
    return 0;
  }
  if (o.command == "phoneme-sets") {
    for (size_t i = 0; i < charsiug2p_phoneme_set_count(); ++i)
      std::printf(
          "%s%s\n", charsiug2p_phoneme_set_name(i),
          std::string_view(charsiug2p_phoneme_set_name(i)) == CHARSIUG2P_PHONEME_SET_RECOMMENDED
              ? "\t(recommended)"
              : "");
    return 0;
  }
  if (o.command == "text-languages") return run_text_languages();
  if (o.command == "run" && o.words.empty() && o.input.empty() && o.lang.empty() &&
      isatty_stdin()) {
    std::fputs(usage(), stderr);
    return 1;
  }
  try {
    if (o.command == "lexicon") return run_lexicon(o);
    if (!o.text.empty() || !o.text_file.empty()) return run_text(o);
    const charsiug2p::Model model = load_model(o);
    return o.command == "eval" ? run_eval(model, o) : run_words(model, o);
  } catch (const charsiug2p::Error& e) {
    std::fprintf(stderr, "charsiug2p: %s: %s\n", e.name(), e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "charsiug2p: %s\n", e.what());
    return 1;
  }
}
