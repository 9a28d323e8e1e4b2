#include "lexicon_tsv.h"

#include "lexicon_entry.h"

namespace charsiug2p::detail {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    fields.push_back(trim(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

TsvParse parse_lexicon_tsv(std::string_view text, std::string_view source, std::string_view lang) {
  TsvParse out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t want = lang.empty() ? 3 : 2;
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    auto error = [&](const std::string& problem) {
      out.errors.push_back(std::string(source) + ":" + std::to_string(line_no) + ": " + problem);
    };
    const std::vector<std::string_view> f = split_tabs(line);
    if (f.size() != want) {
      error(std::string("expected ") +
            (lang.empty() ? "lang<TAB>word<TAB>pronunciation"
                          : "word<TAB>pronunciation (the language is given)") +
            ", got " + std::to_string(f.size()) + " field" + (f.size() == 1 ? "" : "s"));
      continue;
    }
    TsvEntry e;
    e.lang = lang.empty() ? f[0] : lang;
    e.word = f[want - 2];
    e.pronunciation = trim(f[want - 1].substr(0, f[want - 1].find(',')));
    e.line = line_no;
    if (std::string problem = lexicon_entry_problem(e.lang, e.word, e.pronunciation);
        !problem.empty()) {
      error(problem);
      continue;
    }
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace charsiug2p::detail
