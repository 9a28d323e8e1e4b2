#pragma once

#include <optional>

#include "charsiug2p/charsiug2p.hpp"
#include "options.h"

namespace charsiug2p::cli {

// Each returns the process exit status: 0 all good, 1 failure, 2 some words failed.
int run_words(const Model& model, const Options& options);
int run_eval(const Model& model, const Options& options);
// lexicon build | info | lookup (no model needed).
int run_lexicon(const Options& options);
// The --lexicon / --lexicon-tsv file, if any (throws Error when bad).
std::optional<Lexicon> load_lexicon(const Options& options);

// Text mode (--text, --text-file): loads the model itself. In a build
// without the text front end both say so and return 1.
int run_text(const Options& options);
int run_text_languages();
void print_cache_stats(const Cache& cache);

// The model named by --model, or the embedded default one.
Model load_model(const Options& options);

}  // namespace charsiug2p::cli
