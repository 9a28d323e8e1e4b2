// Text mode (--text, --text-file): running text through the text front end
// (charsiug2p_text.h), one output line per input text, in input order.
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "charsiug2p/charsiug2p_text.hpp"
#include "commands.h"
#include "line_input.h"
#include "progress.h"
#include "tsv.h"

namespace charsiug2p::cli {

namespace {

// Lines per call: enough words to fill every thread's batches, bounded memory.
constexpr size_t kLinesPerCall = 512;

const char* kind_name(charsiug2p_text_token_kind k) {
  static const char* const names[] = {"word", "punct", "space", "number", "override"};
  return static_cast<size_t>(k) < 5 ? names[k] : "?";
}

std::string status_field(const TextToken& t) {
  if (t.error != CHARSIUG2P_OK)
    return std::string(charsiug2p_text_error_name(t.error)) + ": " + t.message;
  std::string s;
  if (t.flags & CHARSIUG2P_TEXT_FLAG_YEAR) s += "year ";
  if (t.flags & CHARSIUG2P_TEXT_FLAG_ORDINAL) s += "ordinal ";
  if (t.flags & CHARSIUG2P_TEXT_FLAG_NEGATIVE) s += "negative ";
  if (t.flags & CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT) s += std::string("digits-kept: ") + t.message;
  if (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

class TextRun {
 public:
  TextRun(const TextEngine& engine, const Options& o, const charsiug2p_options& call)
      : engine_(engine), o_(o), call_(call), progress_(o.progress && o.text.empty()) {}

  void add(std::string line, size_t line_no) {
    lines_.push_back(std::move(line));
    numbers_.push_back(line_no);
    if (lines_.size() >= kLinesPerCall) flush();
  }

  int finish() {
    if (!lines_.empty()) flush();
    progress_.update(done_, true);
    return status_;
  }

 private:
  void flush() {
    const std::vector<std::string_view> views(lines_.begin(), lines_.end());
    const TextResult r = engine_.phonemize(views, o_.lang.c_str(), call_);
    std::string out;
    for (size_t i = 0; i < lines_.size(); ++i) {
      for (const TextToken& t : r.tokens(i)) report(t, numbers_[i]);
      if (!o_.tokens) {
        out += escape_field(r.joined(i)) + '\n';
        continue;
      }
      for (const TextToken& t : r.tokens(i)) {
        out += std::to_string(numbers_[i]) + '\t' + kind_name(t.kind) + '\t' +
               std::to_string(t.source_begin) + '\t' + std::to_string(t.source_end) + '\t' +
               escape_field(std::string_view(lines_[i]).substr(t.source_begin,
                                                               t.source_end - t.source_begin)) +
               '\t' + escape_field(t.text) + '\t' + escape_field(t.phonemes) + '\t' +
               escape_field(status_field(t)) + '\n';
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    done_ += lines_.size();
    progress_.update(done_);
    lines_.clear();
    numbers_.clear();
  }

  // Failures on stderr with their line and byte; each distinct note once.
  void report(const TextToken& t, size_t line_no) {
    if (t.error != CHARSIUG2P_OK) {
      std::fprintf(stderr, "charsiug2p: line %zu, byte %zu: %s: %s\n", line_no, t.source_begin,
                   charsiug2p_text_error_name(t.error), t.message);
      status_ = 2;
    } else if ((t.flags & CHARSIUG2P_TEXT_FLAG_DIGITS_KEPT) && notes_.insert(t.message).second) {
      std::fprintf(stderr, "charsiug2p: note: %s\n", t.message);
    }
  }

  const TextEngine& engine_;
  const Options& o_;
  const charsiug2p_options& call_;
  Progress progress_;
  std::vector<std::string> lines_;
  std::vector<size_t> numbers_;
  std::set<std::string> notes_;
  size_t done_ = 0;
  int status_ = 0;
};

int read_texts(TextRun& run, const Options& o) {
  if (!o.text.empty()) {
    run.add(o.text, 1);
    return run.finish();
  }
  LineInput in(o.text_file, "text file");
  std::string line;
  while (in.next(line)) run.add(std::move(line), in.line_number());
  return run.finish();
}

}  // namespace

int run_text(const Options& o) {
  const Model model = load_model(o);
  const TextEngine engine(model);
  const std::optional<Lexicon> lexicon = load_lexicon(o);
  std::optional<Cache> cache;
  if (o.cache_mb > 0) cache.emplace(static_cast<size_t>(o.cache_mb) << 20);
  charsiug2p_options call = to_call_options(o);
  call.lexicon = lexicon ? lexicon->get() : nullptr;
  call.cache = cache ? cache->get() : nullptr;
  TextRun run(engine, o, call);
  const int status = read_texts(run, o);
  if (o.cache_stats && cache) print_cache_stats(*cache);
  return status;
}

int run_text_languages() {
  std::printf("code\ticu_locale\tspell_out\tyears\twritten_ordinals\n");
  for (size_t i = 0; i < charsiug2p_language_count(); ++i) {
    const char* code = charsiug2p_language_code(i);
    const charsiug2p_text_language_info info = text_language_info(code);
    std::printf("%s\t%s\t%s\t%s\t%s\n", code, info.icu_locale,
                info.has_spellout ? info.spell_locale : "-", info.has_year_rules ? "yes" : "no",
                info.has_ordinal_suffix ? "yes" : "no");
  }
  std::printf("# ICU %s\n", charsiug2p_text_icu_version());
  return 0;
}

}  // namespace charsiug2p::cli
