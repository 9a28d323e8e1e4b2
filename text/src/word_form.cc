#include "word_form.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "text_error.h"
#include "utf8_spans.h"

namespace charsiug2p::text::detail {

namespace {

bool dropped(char32_t c) { return c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF; }

}  // namespace

std::string model_word_form(std::string_view word) {
  std::string cleaned;
  cleaned.reserve(word.size());
  for (size_t pos = 0; pos < word.size();) {
    const size_t start = pos;
    const char32_t c = next_code_point(word, pos);
    if (dropped(c)) continue;
    if (c == 0x2019) {
      cleaned += '\'';
    } else {
      cleaned.append(word.substr(start, pos - start));
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw TextError(CHARSIUG2P_TEXT_ERR_ICU, std::string("NFC data: ") + u_errorName(status));
  const icu::StringPiece piece(cleaned.data(), static_cast<int32_t>(cleaned.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return cleaned;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status))
    throw TextError(CHARSIUG2P_TEXT_ERR_ICU, std::string("NFC: ") + u_errorName(status));
  return out;
}

}  // namespace charsiug2p::text::detail
