#include "ingest/text/fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "ingest/text/normalized_text.h"

namespace presskg::ingest {
namespace {

// The shared prototype, built once (creating a transliterator parses rules and is slow).
const icu::Transliterator* Prototype() {
  static const icu::Transliterator* const prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* t = icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
      delete t;
      return static_cast<icu::Transliterator*>(nullptr);
    }
    return t;
  }();
  return prototype;
}

// This thread's own copy: ICU transliterators are not documented as safe to share.
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> local;
  if (!local && Prototype() != nullptr) local.reset(Prototype()->clone());
  return local.get();
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  const NormalizedText normalized(text);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(normalized.text().data(), static_cast<int32_t>(normalized.text().size())));
  if (icu::Transliterator* transliterator = ThreadTransliterator()) {
    transliterator->transliterate(unicode);
  }
  unicode.foldCase();
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

}  // namespace presskg::ingest
