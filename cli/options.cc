#include "options.h"

#include <stdexcept>
#include <string_view>
#include <thread>

#include "charsiug2p/charsiug2p.hpp"

namespace charsiug2p::cli {

const char* usage() {
  return R"(usage:
  charsiug2p [options] --lang CODE WORD...     phonemize words given as arguments
  charsiug2p [options] --lang CODE -i FILE     one word per line (FILE "-" = stdin)
  charsiug2p [options] -i FILE                 lines of lang<TAB>word
  charsiug2p eval --data DIR [options]         PER/WER on DIR/<lang>.tsv (word<TAB>pron)
  charsiug2p lexicon build -o OUT.g2plex [--lang CODE] [--duplicates error|first|last] TSV...
                                               compile lexicon TSVs (lang<TAB>word<TAB>pron,
                                               or word<TAB>pron with --lang)
  charsiug2p lexicon info FILE.g2plex          entries, size and load time
  charsiug2p lexicon lookup FILE.g2plex --lang CODE WORD...
  charsiug2p [options] --lang CODE --text "TEXT"
                                               running text: words, punctuation, numbers
                                               spelled out, [word](/phonemes/) overrides
  charsiug2p [options] --lang CODE --text-file FILE
                                               the same for each line of FILE ('-' = stdin)
  charsiug2p languages                         list the known language codes
  charsiug2p text-languages                    ICU locale and number reading per language
  charsiug2p phoneme-sets                      list the --phoneme-set names
  charsiug2p version

options:
  --model DIR            Hugging Face checkpoint folder (config.json + model.safetensors
                         or pytorch_model.bin); default: the embedded model
  --lang CODE            language of every word (e.g. eng-us); 'unk' if unknown
  -i, --input FILE       read words from FILE, '-' for stdin (default when no WORD)
  --space-after-colon    feed "<lang>: word" instead of "<lang>:word"
  --max-output-len N     cap each pronunciation at N bytes (default 4 x word bytes + 16)
  --max-input-bytes N    refuse prefixed words longer than N bytes (default 512)
  --threads N            worker threads (default 1; 0 = all cores)
  --batch-size N         words decoded together (default 24)
  --no-progress          no progress display (it is shown only on a terminal anyway)
  --lexicon FILE         compiled lexicon (lexicon build); its entries win over the model
  --lexicon-tsv FILE     the same from a lang<TAB>word<TAB>pron file, compiled at start-up
  --phoneme-set NAME     convert to Kokoro/misaki phonemes, e.g. ipa-flap-vowel-reduced
                         (recommended); see 'charsiug2p phoneme-sets'
  --phoneme-region R     auto (GB for eng-uk, else US), us or gb
  --cache-mb N           word cache size in MiB (default 16; 0: none)
  --cache-stats          print the cache's hits and misses on stderr at the end
  --tokens               text mode: one line per token (line, kind, begin, end, source,
                         spoken text, phonemes, status) instead of the joined line
  eval only:
  --data DIR             folder of <lang>.tsv files
  --cap-output N         cap outputs at N bytes; 19 reproduces the published scores
  --predictions FILE     also write lang, word, reference, prediction per word

output: one line per input word, in input order: word<TAB>pronunciation (with
lang<TAB> first when the input gave languages per line). Tabs, line breaks,
backslashes, other control characters and invalid UTF-8 in either field are
escaped as \t \n \r \\ \xHH. A word that fails gets an empty pronunciation and
a message on stderr naming its input line; the exit status is then 2.
)";
}

namespace {

int to_int(std::string_view flag, const std::string& value, int lo, int hi) {
  size_t used = 0;
  long v = 0;
  try {
    v = std::stol(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != value.size() || v < lo || v > hi)
    throw std::invalid_argument(std::string(flag) + " expects an integer in " + std::to_string(lo) +
                                ".." + std::to_string(hi) + ", got '" + value + "'");
  return static_cast<int>(v);
}

// The index of value in choices (matching the C enums' order).
int to_choice(std::string_view flag, const std::string& value,
              std::initializer_list<std::string_view> choices) {
  int i = 0;
  std::string list;
  for (std::string_view c : choices) {
    if (c == value) return i;
    if (i++ > 0) list += '|';
    list += c;
  }
  throw std::invalid_argument(std::string(flag) + " expects " + list + ", got '" + value + "'");
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options o;
  int i = 1;
  if (argc > 1) {
    const std::string_view first = argv[1];
    if (first == "eval" || first == "languages" || first == "version" || first == "help" ||
        first == "phoneme-sets" || first == "text-languages") {
      o.command = std::string(first);
      i = 2;
    } else if (first == "lexicon") {
      o.command = "lexicon";
      if (argc < 3) throw std::invalid_argument("lexicon needs build, info or lookup");
      o.lexicon_action = argv[2];
      if (o.lexicon_action != "build" && o.lexicon_action != "info" && o.lexicon_action != "lookup")
        throw std::invalid_argument("lexicon needs build, info or lookup, got '" +
                                    o.lexicon_action + "'");
      i = 3;
    }
  }
  for (; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      o.command = "help";
    } else if (a == "--version") {
      o.command = "version";
    } else if (a == "--model") {
      o.model_dir = value();
    } else if (a == "--lang" || a == "-l") {
      o.lang = value();
    } else if (a == "--input" || a == "-i") {
      o.input = value();
    } else if (a == "--data") {
      o.data_dir = value();
    } else if (a == "--predictions") {
      o.predictions = value();
    } else if (a == "--space-after-colon") {
      o.space_after_colon = true;
    } else if (a == "--no-progress") {
      o.progress = false;
    } else if (a == "--max-output-len") {
      o.max_output_len = to_int(a, value(), 1, 65536);
    } else if (a == "--max-input-bytes") {
      o.max_input_bytes = to_int(a, value(), 8, 65536);
    } else if (a == "--threads") {
      o.threads = to_int(a, value(), 0, 256);
      if (o.threads == 0)
        o.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    } else if (a == "--batch-size") {
      o.batch_size = to_int(a, value(), 1, 4096);
    } else if (a == "--cap-output") {
      o.cap_output = to_int(a, value(), 1, 65536);
    } else if (a == "--lexicon") {
      o.lexicon = value();
    } else if (a == "--lexicon-tsv") {
      o.lexicon_tsv = value();
    } else if (a == "--phoneme-set") {
      o.phoneme_set = value();
    } else if (a == "--phoneme-region") {
      o.region = to_choice(a, value(), {"auto", "us", "gb"});
    } else if (a == "--cache-mb") {
      o.cache_mb = to_int(a, value(), 0, 65536);
    } else if (a == "--cache-stats") {
      o.cache_stats = true;
    } else if (a == "-o" || a == "--output") {
      o.output = value();
    } else if (a == "--duplicates") {
      o.duplicates = to_choice(a, value(), {"error", "first", "last"});
    } else if (a == "--text") {
      o.text = value();
    } else if (a == "--text-file") {
      o.text_file = value();
    } else if (a == "--tokens") {
      o.tokens = true;
    } else if (a == "--") {
      for (++i; i < argc; ++i) o.words.emplace_back(argv[i]);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw std::invalid_argument("unknown option '" + std::string(a) + "'");
    } else {
      o.words.emplace_back(a);
    }
  }
  if (o.command == "run" && !o.words.empty() && o.lang.empty())
    throw std::invalid_argument("words given as arguments need --lang CODE");
  if (o.command == "run" && !o.words.empty() && !o.input.empty())
    throw std::invalid_argument("give words as arguments or --input, not both");
  if (o.command == "eval" && o.data_dir.empty())
    throw std::invalid_argument("eval needs --data DIR");
  const bool text_mode = !o.text.empty() || !o.text_file.empty();
  if (text_mode &&
      (!o.words.empty() || !o.input.empty() || (!o.text.empty() && !o.text_file.empty())))
    throw std::invalid_argument("give one of --text, --text-file, --input or words");
  if (text_mode && o.lang.empty())
    throw std::invalid_argument("--text and --text-file need --lang CODE");
  if (!o.lexicon.empty() && !o.lexicon_tsv.empty())
    throw std::invalid_argument("give --lexicon or --lexicon-tsv, not both");
  if (o.command == "lexicon" && o.lexicon_action == "build" && o.output.empty())
    throw std::invalid_argument("lexicon build needs -o OUT.g2plex");
  if (o.command == "lexicon" && o.words.empty())
    throw std::invalid_argument("lexicon " + o.lexicon_action + " needs " +
                                (o.lexicon_action == "build" ? "TSV files" : "a lexicon file"));
  if (o.command == "lexicon" && o.lexicon_action == "lookup" &&
      (o.lang.empty() || o.words.size() < 2))
    throw std::invalid_argument("lexicon lookup needs FILE, --lang CODE and words");
  return o;
}

charsiug2p_options to_call_options(const Options& o) {
  charsiug2p_options c = default_options();
  c.space_after_colon = o.space_after_colon;
  c.max_output_len = o.cap_output > 0 ? o.cap_output : o.max_output_len;
  c.num_threads = o.threads;
  c.batch_size = o.batch_size;
  c.max_input_bytes = o.max_input_bytes;
  c.phoneme_region = o.region;
  c.phoneme_set = o.phoneme_set.empty() ? nullptr : o.phoneme_set.c_str();
  return c;
}

}  // namespace charsiug2p::cli
