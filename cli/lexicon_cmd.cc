// `charsiug2p lexicon build|info|lookup`, and the --lexicon options of the
// default command.
#include <chrono>
#include <cstdio>

#include "commands.h"
#include "tsv.h"

namespace charsiug2p::cli {

namespace {

const char* lang_or_null(const Options& o) { return o.lang.empty() ? nullptr : o.lang.c_str(); }

int build(const Options& o) {
  LexiconBuilder builder(static_cast<charsiug2p_duplicates>(o.duplicates));
  for (const std::string& tsv : o.words) builder.add_tsv_file(tsv, lang_or_null(o));
  builder.write(o.output);
  std::fprintf(stderr, "charsiug2p lexicon: %zu entries from %zu file%s written to %s\n",
               builder.size(), o.words.size(), o.words.size() == 1 ? "" : "s", o.output.c_str());
  return 0;
}

int info(const Options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const Lexicon lex = Lexicon::load(o.words[0]);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %zu entries, loaded and checked in %.2f ms\n", o.words[0].c_str(), lex.size(),
              ms);
  return 0;
}

int lookup(const Options& o) {
  const Lexicon lex = Lexicon::load(o.words[0]);
  int status = 0;
  for (size_t i = 1; i < o.words.size(); ++i) {
    const auto p = lex.lookup(o.lang, o.words[i]);
    std::printf("%s\t%s\n", escape_field(o.words[i]).c_str(), p ? escape_field(*p).c_str() : "");
    if (!p) status = 2;
  }
  return status;
}

}  // namespace

int run_lexicon(const Options& o) {
  if (o.lexicon_action == "build") return build(o);
  if (o.lexicon_action == "info") return info(o);
  return lookup(o);
}

std::optional<Lexicon> load_lexicon(const Options& o) {
  if (!o.lexicon.empty()) return Lexicon::load(o.lexicon);
  if (o.lexicon_tsv.empty()) return std::nullopt;
  LexiconBuilder builder;
  // Always three columns: the words of a run may be in several languages.
  builder.add_tsv_file(o.lexicon_tsv, nullptr);
  return builder.finish();
}

}  // namespace charsiug2p::cli
