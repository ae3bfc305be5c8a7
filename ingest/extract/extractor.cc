#include "ingest/extract/extractor.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <span>
#include <string_view>

#include "ingest/extract/extractor_internal.h"
#include "ingest/extract/mentions.h"
#include "ingest/extract/rule_table.h"
#include "ingest/extract/sectors.h"
#include "ingest/extract/token.h"
#include "ingest/resolve/entity_keys.h"
#include "ingest/text/language_id.h"
#include "ingest/text/normalized_text.h"
#include "ingest/text/sentence_splitter.h"

namespace presskg::ingest::internal {

DocumentExtractor::DocumentExtractor(const RawDocument& doc)
    : doc_(doc), schema_(graph::RelationSchema::Builtin()), cp_(doc.text) {
  lang_ = doc.lang == "fr" || doc.lang == "en" ? doc.lang : DetectLanguage(doc.text);
  if (lang_.empty()) lang_ = "en";
}

graph::DocumentGraph DocumentExtractor::Run() {
  Prepare();
  for (std::size_t s = 0; s < sentences_.size(); ++s) ProcessSentence(s);
  return Finish();
}

void DocumentExtractor::Prepare() {
  for (const TextSpan& span : SplitSentences(doc_.text, lang_)) {
    SentenceData s;
    s.span = span;
    s.cp_begin = static_cast<std::uint32_t>(cp_.ToCodePoint(span.begin));
    s.cp_end = static_cast<std::uint32_t>(cp_.ToCodePoint(span.end));
    s.norm = std::make_unique<NormalizedText>(
        std::string_view(doc_.text).substr(span.begin, span.size()));
    s.tokens = Tokenize(s.norm->text(), lang_);
    sentences_.push_back(std::move(s));
  }
  // Dollars are Canadian in Canadian documents (Quebec French, Canadian datelines).
  dollar_ = "USD";
  if (!sentences_.empty()) {
    const std::vector<Token>& first = sentences_.front().tokens;
    for (std::size_t i = 0; i < first.size() && i < 3; ++i) {
      const std::string& f = first[i].fold;
      if (f == "montreal" || f == "quebec" || f == "toronto" || f == "mirabel" || f == "laval" ||
          f == "ottawa" || f == "vancouver" || f == "calgary" || f == "sherbrooke") {
        dollar_ = "CAD";
      }
    }
  }
  std::vector<const std::vector<Token>*> tokens;
  std::vector<std::vector<MentionSpan>*> mentions;
  for (SentenceData& s : sentences_) {
    s.mentions = FindMentions(s.tokens, s.norm->text(), lang_);
    tokens.push_back(&s.tokens);
    mentions.push_back(&s.mentions);
  }
  RetypePersonsInDocument(tokens, mentions);
  for (SentenceData& s : sentences_) {
    for (const MentionSpan& m : s.mentions) {
      if (!m.sentence_initial) confirmed_.insert(FoldWord(m.name));
    }
  }
}

void DocumentExtractor::ProcessSentence(std::size_t si) {
  pending_place_.clear();
  std::vector<Item> items = BuildItems(si);
  const Vocabulary& vocabulary = RuleVocabulary();
  for (Item& it : items) it.word = vocabulary.Find(it.fold);
  ResolveItems(&items, si);
  ApplyRules(si, items);
  CityAdjectivePlaces(si, items);
  NoteMergerResult(items);
  ApplyQuotes(si, items);
  // "The Houston-based company": the antecedent is located in / headquartered in the place.
  for (const PendingPlace& p : pending_place_) {
    const Item& ana = items[p.item];
    if (ana.entity < 0) continue;
    if (p.entity >= 0 && entities_.at(p.entity).kind == NodeKind::kPlace) {
      // "the Paris-based firm" is not the company already said to be based elsewhere.
      if (BasedElsewhere(ana.entity, p.entity)) continue;
      AddFact(ana.entity, p.headquartered ? "headquartered_in" : "located_in", p.entity, {},
              MakeEvidence(si,
                           lang_ + (p.headquartered ? ".headquartered_in" : ".located_in") +
                               ".hyphen_anaphor",
                           FactStatus::kStated, 0.7F));
      continue;
    }
    for (const Item& it : items) {
      if (it.tok_begin == p.begin && it.IsEntity() && it.kind == NodeKind::kPlace) {
        AddFact(ana.entity, p.headquartered ? "headquartered_in" : "located_in", it.entity, {},
                MakeEvidence(si,
                             lang_ + (p.headquartered ? ".headquartered_in" : ".located_in") +
                                 ".hyphen_anaphor",
                             FactStatus::kStated, 0.7F));
      }
    }
  }
  PartnershipAnaphor(si);
  SectorContext ctx{sentences_[si].tokens, items, lang_};
  for (const SectorFact& f : FindSectors(ctx)) {
    const int subject = items[f.subject_item].entity;
    if (subject < 0 || entities_.at(subject).kind != NodeKind::kOrganization) continue;
    const int sector = entities_.AddSector(f.name, {f.alias, f.plural_alias}, si);
    const StatusReading reading = StatusOf(si).Read(f.tok_from, f.tok_to);
    if (reading.former) continue;
    AddFact(subject, "operates_in", sector, {},
            MakeEvidence(si, lang_ + ".operates_in." + f.rule, reading.status, 0.7F));
  }
  FlushLiterals(si);
}

graph::DocumentGraph DocumentExtractor::Finish() {
  for (const auto& e : entities_.entities()) {
    graph::EntityInput in;
    in.kind = e.kind;
    in.name = e.name;
    in.lang = lang_;
    in.aliases.assign(e.aliases.begin(), e.aliases.end());
    // Keys of the name and aliases; a person's surname-only alias adds none.
    FillMatchKeys(&in);
    if (lang_ == "fr")
      in.label_fr = e.name;
    else
      in.label_en = e.name;
    out_.entities.push_back(std::move(in));
  }
  for (std::size_t i = 0; i < entities_.entities().size(); ++i) {
    const auto& e = entities_.entities()[i];
    AddFact(-2, "mentions", static_cast<int>(i), {},
            MakeEvidence(e.first_sentence, "mentions", FactStatus::kStated, 1.0F));
  }
  out_.document.name = doc_.name;
  out_.document.source = doc_.source;
  out_.document.title = doc_.title;
  out_.document.date = doc_.date;
  out_.document.lang = lang_;
  out_.document.url = doc_.url;
  out_.document.text = doc_.text;
  return std::move(out_);
}

}  // namespace presskg::ingest::internal

namespace presskg::ingest {

Result<graph::DocumentGraph> ExtractDocument(const RawDocument& doc) {
  if (doc.text.empty()) return Status::InvalidArgument(doc.name + ": empty document");
  try {
    return internal::DocumentExtractor(doc).Run();
  } catch (const std::exception& e) {
    return Status::Internal(doc.name + ": extraction failed: " + e.what());
  }
}

}  // namespace presskg::ingest
