// Command-line options shared by the subcommands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p.h"

namespace charsiug2p::cli {

struct Options {
  std::string command = "run";  // run | eval | lexicon | languages | text-languages |
                                // phoneme-sets | help | version
  std::string model_dir;        // empty: the embedded default model
  std::string lang;             // empty: input lines are lang<TAB>word
  std::string input;            // file or "-"; empty with no words: stdin
  std::string data_dir;         // eval
  std::string predictions;      // eval: write per-word predictions here
  std::vector<std::string> words;
  bool space_after_colon = false;
  bool progress = true;
  int max_output_len = 0;
  int threads = 1;
  int batch_size = 24;
  int max_input_bytes = 512;
  int cap_output = 0;  // eval: cap outputs at N bytes (19 reproduces the paper)
  // run: word-level pipeline additions
  std::string lexicon;      // compiled lexicon file
  std::string lexicon_tsv;  // lexicon TSV read at start-up
  std::string phoneme_set;  // empty: the model's IPA
  int region = CHARSIUG2P_REGION_AUTO;
  int cache_mb = 16;  // 0: no cache
  bool cache_stats = false;
  // run, text mode (the text front end): one of these
  std::string text;       // --text STRING
  std::string text_file;  // --text-file FILE ('-' = stdin): one text per line
  bool tokens = false;    // --tokens: print tokens instead of the joined line
  // lexicon build|info|lookup
  std::string lexicon_action;
  std::string output;  // build: the compiled file
  int duplicates = CHARSIUG2P_DUPLICATES_ERROR;
};

// Parses argv; throws std::invalid_argument with a message for the user.
Options parse_options(int argc, char** argv);
const char* usage();

// Points into o (phoneme_set): o must outlive the options.
charsiug2p_options to_call_options(const Options& o);

}  // namespace charsiug2p::cli
