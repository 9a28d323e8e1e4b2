// The default command: words from arguments, a file or stdin, streamed in
// chunks so any input size runs in bounded memory; output in input order.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "line_input.h"
#include "progress.h"
#include "tsv.h"

namespace charsiug2p::cli {

namespace {

struct Entry {
  std::string lang;  // empty: the --lang for all
  std::string word;
  size_t line = 0;
  std::string parse_error;  // a malformed input line
};

// Enough words per call to keep every thread busy with full batches, few
// enough that memory stays bounded.
size_t chunk_size(const Options& o) {
  return static_cast<size_t>(o.batch_size) * static_cast<size_t>(o.threads) * 8;
}

int flush(const Model& model, const Options& o, const charsiug2p_options& call,
          std::vector<Entry>& chunk, Progress& progress, size_t& done) {
  std::vector<const char*> words, langs;
  for (const Entry& e : chunk) {
    words.push_back(e.word.c_str());
    langs.push_back(e.lang.empty() ? o.lang.c_str() : e.lang.c_str());
  }
  const Result r = model.phonemize(words, langs, call);
  int status = 0;
  std::string out;
  for (size_t i = 0; i < chunk.size(); ++i) {
    const Entry& e = chunk[i];
    if (o.lang.empty()) out += escape_field(e.lang) + '\t';
    out += escape_field(e.word) + '\t';
    if (!e.parse_error.empty()) {
      std::fprintf(stderr, "charsiug2p: line %zu: %s\n", e.line, e.parse_error.c_str());
      status = 2;
    } else if (!r.ok(i)) {
      std::fprintf(stderr, "charsiug2p: %s%zu: %s: %s\n", e.line ? "line " : "word ",
                   e.line ? e.line : i + 1, charsiug2p_error_name(r.error(i)), r.message(i));
      status = 2;
    } else {
      out += escape_field(r.text(i));
    }
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  done += chunk.size();
  progress.update(done);
  chunk.clear();
  return status;
}

}  // namespace

void print_cache_stats(const Cache& cache) {
  const uint64_t h = cache.hits(), m = cache.misses();
  std::fprintf(stderr,
               "charsiug2p: cache: %llu hits, %llu misses (%.1f%% hits), %llu entries, %llu of "
               "%llu bytes\n",
               static_cast<unsigned long long>(h), static_cast<unsigned long long>(m),
               h + m ? 100.0 * double(h) / double(h + m) : 0.0,
               static_cast<unsigned long long>(cache.entries()),
               static_cast<unsigned long long>(cache.bytes()),
               static_cast<unsigned long long>(cache.max_bytes()));
}

namespace {

int read_and_run(const Model& model, const Options& o, const charsiug2p_options& call) {
  Progress progress(o.progress && o.words.empty());
  size_t done = 0;
  int status = 0;
  std::vector<Entry> chunk;
  if (!o.words.empty()) {
    for (const std::string& w : o.words) chunk.push_back({"", w, 0, ""});
    return flush(model, o, call, chunk, progress, done);
  }
  LineInput in(o.input, "input");
  std::string line;
  const size_t limit = chunk_size(o);
  while (in.next(line)) {
    Entry e{"", "", in.line_number(), ""};
    if (o.lang.empty()) {
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        e.word = line;  // echoed with an empty language column
        e.parse_error = "expected lang<TAB>word (or pass --lang CODE)";
      } else {
        e.lang = line.substr(0, tab);
        e.word = line.substr(tab + 1);
      }
    } else {
      e.word = line;
    }
    chunk.push_back(std::move(e));
    if (chunk.size() >= limit)
      status = std::max(status, flush(model, o, call, chunk, progress, done));
  }
  if (!chunk.empty()) status = std::max(status, flush(model, o, call, chunk, progress, done));
  progress.update(done, true);
  return status;
}

}  // namespace

int run_words(const Model& model, const Options& o) {
  const std::optional<Lexicon> lexicon = load_lexicon(o);
  std::optional<Cache> cache;
  if (o.cache_mb > 0) cache.emplace(static_cast<size_t>(o.cache_mb) << 20);
  charsiug2p_options call = to_call_options(o);
  call.lexicon = lexicon ? lexicon->get() : nullptr;
  call.cache = cache ? cache->get() : nullptr;
  const int status = read_and_run(model, o, call);
  if (o.cache_stats && cache) print_cache_stats(*cache);
  return status;
}

}  // namespace charsiug2p::cli
