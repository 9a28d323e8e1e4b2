#include "overrides.h"

namespace charsiug2p::text::detail {

namespace {

bool only_whitespace(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

}  // namespace

std::vector<OverrideMark> find_overrides(std::string_view s) {
  std::vector<OverrideMark> marks;
  // Once "/)" is missing after some position it is missing after every later
  // one: remembering that keeps hostile input ("[a](/[a](/...") linear.
  size_t no_close_from = std::string_view::npos;
  size_t i = s.find('[');
  while (i != std::string_view::npos) {
    const size_t close = s.find_first_of("[]", i + 1);
    if (close == std::string_view::npos) break;  // no ']' anywhere after: done
    if (s[close] == '[') {  // "[a [b](/x/)": the inner bracket is the candidate
      i = close;
      continue;
    }
    const size_t open_paren = close + 1;
    const std::string_view text = s.substr(i + 1, close - i - 1);
    if (s.substr(open_paren, 2) != "(/" || text.empty() || only_whitespace(text) ||
        open_paren + 2 >= no_close_from) {
      i = s.find('[', close);
      continue;
    }
    const size_t slash = s.find("/)", open_paren + 2);
    if (slash == std::string_view::npos) {
      no_close_from = open_paren + 2;
      i = s.find('[', close);
      continue;
    }
    marks.push_back({i, slash + 2, i + 1, close, open_paren + 2, slash});
    i = s.find('[', slash + 2);
  }
  return marks;
}

}  // namespace charsiug2p::text::detail
