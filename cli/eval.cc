// `charsiug2p eval`: CharsiuG2P's PER/WER per language and macro-averaged.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "metrics.h"
#include "tsv.h"

namespace charsiug2p::cli {

namespace fs = std::filesystem;

int run_eval(const Model& model, const Options& o) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(o.data_dir, ec))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "charsiug2p eval: no <lang>.tsv files in '%s'\n", o.data_dir.c_str());
    return 1;
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> langs, words, refs;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        std::fprintf(stderr, "charsiug2p eval: %s:%zu: expected word<TAB>pronunciation\n",
                     f.string().c_str(), n);
        return 1;
      }
      // Only the first of comma-separated variants counts, as in CharsiuG2P.
      std::string ref = line.substr(tab + 1);
      ref = ref.substr(0, ref.find(','));
      langs.push_back(f.stem().string());
      words.push_back(line.substr(0, tab));
      refs.push_back(ref);
    }
  }
  std::vector<const char*> w, l;
  for (size_t i = 0; i < words.size(); ++i) {
    w.push_back(words[i].c_str());
    l.push_back(langs[i].c_str());
  }
  const Result r = model.phonemize(w, l, to_call_options(o));
  std::map<std::string, ErrorCounts> per_lang;
  std::ofstream pred;
  if (!o.predictions.empty()) pred.open(o.predictions, std::ios::binary);
  size_t failed = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view hyp = r.text(i);
    if (!r.ok(i)) {
      ++failed;
      std::fprintf(stderr, "charsiug2p eval: %s '%s': %s\n", langs[i].c_str(),
                   escape_field(words[i]).c_str(), r.message(i));
    }
    per_lang[langs[i]].add(hyp, refs[i]);
    if (pred)
      pred << langs[i] << '\t' << escape_field(words[i]) << '\t' << escape_field(refs[i]) << '\t'
           << escape_field(hyp) << '\n';
  }
  std::printf("%-10s %6s %8s %8s\n", "lang", "words", "PER", "WER");
  double per_sum = 0, wer_sum = 0;
  for (const auto& [lang, c] : per_lang) {
    std::printf("%-10s %6zu %8.4f %8.4f\n", lang.c_str(), c.words, c.per(), c.wer());
    per_sum += c.per();
    wer_sum += c.wer();
  }
  const double n = static_cast<double>(per_lang.size());
  std::printf("%-10s %6zu %8.4f %8.4f   (macro average over %zu languages%s)\n", "MACRO",
              words.size(), per_sum / n, wer_sum / n, per_lang.size(),
              o.cap_output
                  ? (", outputs capped at " + std::to_string(o.cap_output) + " bytes").c_str()
                  : "");
  if (failed) std::fprintf(stderr, "charsiug2p eval: %zu words failed (scored as empty)\n", failed);
  return failed ? 2 : 0;
}

}  // namespace charsiug2p::cli
