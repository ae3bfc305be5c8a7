#pragma once

// Internals of ExtractDocument (extractor.h): the per-document extraction state, whose steps are
// defined one concept per file (extractor.cc, extractor_items.cc, extractor_coreference.cc,
// extractor_slots.cc, extractor_facts.cc, extractor_quotes.cc). Not for use outside them.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/document_graph.h"
#include "graph/relation_schema.h"
#include "ingest/extract/entity_table.h"
#include "ingest/extract/item.h"
#include "ingest/extract/mentions.h"
#include "ingest/extract/pattern.h"
#include "ingest/extract/rule_table.h"
#include "ingest/extract/sentence_values.h"
#include "ingest/extract/status.h"
#include "ingest/extract/token.h"
#include "ingest/extract/word_in.h"
#include "ingest/raw_document.h"
#include "ingest/text/flat_string_map.h"
#include "ingest/text/normalized_text.h"
#include "ingest/text/sentence_splitter.h"

namespace presskg::ingest::internal {

using graph::FactStatus;
using graph::NodeKind;

// A word list looked up once per token or item, as a hash set.
class WordList {
 public:
  explicit WordList(std::span<const std::string_view> words) {
    for (std::string_view w : words) set_.Insert(w, true);
  }
  bool Contains(std::string_view word) const { return set_.Contains(word); }

 private:
  FlatStringMap<bool> set_;
};

// `v` as a fact property: integers without a decimal point, others without trailing zeros.
std::string FormatNumber(double v);

// One sentence of the document: its span, normalised text, tokens and mentions.
struct SentenceData {
  TextSpan span;               // bytes of the document body
  std::uint32_t cp_begin = 0;  // `span` in code points
  std::uint32_t cp_end = 0;
  std::unique_ptr<NormalizedText> norm;
  std::vector<Token> tokens;
  std::vector<MentionSpan> mentions;
  std::optional<StatusScanner> status;  // built on first use (StatusOf)
};

// Extracts one document: ExtractDocument builds one and calls Run() once.
class DocumentExtractor {
 public:
  explicit DocumentExtractor(const RawDocument& doc);

  graph::DocumentGraph Run();

 private:
  // ---- preparation, per-sentence orchestration, output: extractor.cc ----------------------------
  void Prepare();
  void ProcessSentence(std::size_t si);
  graph::DocumentGraph Finish();

  // ---- sentence items: extractor_items.cc -------------------------------------------------------
  bool IsNegationParticle(const Token& t) const;
  // Length in tokens of an anaphoric noun phrase at i ("la société", "the Paris-based firm",
  // "le nouvel ensemble"), 0 if none; `*head_begin` receives where the phrase starts.
  std::size_t AnaphorAt(const SentenceData& s, std::size_t i, std::size_t next_mention,
                        std::size_t* place_begin, std::size_t* place_end) const;
  std::vector<Item> BuildItems(std::size_t si);
  // "Caithness Offshore Quay" after "Caithness Offshore Quay Ltd": a place-looking name that is
  // a company's name without its legal form is that company; -1 otherwise.
  int ShortFormOfCompany(const MentionSpan& span) const;
  static Item WordItem(const Token& tok, std::size_t i);

  // ---- coreference and anaphora: extractor_coreference.cc ---------------------------------------
  int MostRecentOrg();
  // The most recent subject organisation other than `entity`; -1 if none.
  int MostRecentOrgExcept(int entity);
  int ResolveAnaphor(const Item& it, std::size_t si);
  // Whether the place `entity` is a city of the gazetteer (Rule::city).
  bool IsCity(int entity);
  // The nationality or city adjective in or right around the anaphor `it` ("le groupe
  // tunisien", "the Polish start-up"), as a gender- and number-free stem; empty if none.
  std::string AnaphorDemonym(const std::vector<Token>& tokens, const Item& it) const;
  // Records the adjective written just before the named organisation `it` ("le tunisien Groupe
  // Ben Slama Tourisme").
  void NoteDemonyms(const std::vector<Token>& tokens, const Item& it);
  // The one organisation recorded with the adjective `stem`; -1 if none or several.
  int OrgOfDemonym(const std::string& stem) const;
  // Whether sentence `si` opens a paragraph (a line break since the sentence before).
  bool OpensParagraph(std::size_t si) const;
  // The organisation the text is about so far: most mentions, subject positions counting double,
  // the first named on ties; institutions apart, subsidiaries apart when `group`; -1 if none.
  int MainSubject(bool group);
  // "The Moroccan unit, Kavira Morocco, ...", "La filiale marocaine, Kavira Maroc, ...": the
  // anaphor at `k` names a new subsidiary of the organisation it refers to. Emits that
  // subsidiary_of fact and rebinds the anaphor to the named subsidiary.
  void BindUnitApposition(std::vector<Item>& items, std::size_t k, std::size_t si);
  // "the automaker said": a "-maker" anaphor head names the antecedent's trade
  // ("the automaker" -> operates_in automaker), as "harness maker Cablinor" does.
  void MakerAnaphorSector(const Item& it, std::size_t si);
  // "le groupe lyonnais Altaris", "Le Valenciennois Ferrovia Systèmes" (French): located_in the
  // city of the adjective (Lexicon::CityOfAdjective) for the organisation it describes.
  void CityAdjectivePlaces(std::size_t si, const std::vector<Item>& items);
  bool IsInstitution(int entity);
  static bool ComputeInstitution(const std::string& name);
  void ResolveItems(std::vector<Item>* items, std::size_t si);
  // True when a stated fact already places `org` ("based in", "-based", "headquartered in")
  // somewhere other than `place`.
  bool BasedElsewhere(int org, int place) const;
  // "leur fusion, qui donne naissance à MécaSud Aéro", "giving birth to X": the entity a
  // merger creates is what "le nouvel ensemble" / "the combined company" then names.
  void NoteMergerResult(const std::vector<Item>& items);
  // "Ce partenariat", "this partnership" after an agreement between two companies: the parties
  // of the latest stated agreement are partners (not when one is a ministry or an agency).
  void PartnershipAnaphor(std::size_t si);

  // ---- rule matches and slot filling: extractor_slots.cc ----------------------------------------
  // The status cues of sentence `si`, read once.
  const StatusScanner& StatusOf(std::size_t si);
  // Token range the status of a match is read from.
  std::pair<std::size_t, std::size_t> StatusRange(const Rule& rule, const SentenceData& s,
                                                  const std::vector<Item>& items,
                                                  const Match& m) const;
  void ApplyRules(std::size_t si, const std::vector<Item>& items);
  void EmitRelation(const Rule& rule, std::size_t si, const std::vector<Item>& items,
                    const Match& m, std::map<std::string, std::string> props, FactStatus status,
                    float confidence);
  void EmitLiteral(const Rule& rule, std::size_t si, const std::vector<Item>& items, const Match& m,
                   const SentenceValues& values, FactStatus status, float confidence);

  // ---- facts, evidence, deduplication: extractor_facts.cc ---------------------------------------
  graph::Evidence MakeEvidence(std::size_t si, const std::string& rule, FactStatus status,
                               float confidence) const;
  void AddFact(int subject, std::string_view relation, int object,
               std::map<std::string, std::string> props, graph::Evidence ev);
  void AddLiteral(int subject, const std::string& type, double value,
                  std::map<std::string, std::string> props, graph::Evidence ev);
  std::string ItemRangeText(const SentenceData& s, const std::vector<Item>& items,
                            std::pair<std::size_t, std::size_t> range) const;
  // Sentence-level values that complete a fact: "pour 17 M€", "d'ici 2027", "500 emplois".
  void CompleteProperties(const Rule& rule, const std::vector<Item>& items, const Match& m,
                          const SentenceValues& values,
                          std::map<std::string, std::string>* props) const;
  // Jobs created next to an investment in a place belong to that invests_in fact.
  void FlushLiterals(std::size_t si);

  // ---- quotes: extractor_quotes.cc --------------------------------------------------------------
  void ApplyQuotes(std::size_t si, const std::vector<Item>& items);

  struct PendingPlace {
    std::size_t item;
    std::size_t begin;
    std::size_t end;
    bool headquartered;
    int entity = -1;  // the place, resolved when the anaphor covers its tokens
  };
  struct PendingLiteral {
    int subject;
    std::string type;
    double value;
    std::map<std::string, std::string> props;
    graph::Evidence evidence;
  };

  const RawDocument& doc_;
  const graph::RelationSchema& schema_;
  CodePointIndex cp_;
  std::string lang_;
  std::string dollar_ = "USD";
  std::vector<SentenceData> sentences_;
  std::unordered_set<std::string> confirmed_;
  EntityTable entities_;
  std::vector<int> subject_history_;
  std::vector<std::pair<int, std::string>> org_demonyms_;  // organisation, adjective stem
  std::unordered_map<int, int> org_mentions_;  // named (not anaphoric) mentions per organisation
  std::vector<int> org_order_;                  // organisations in order of first mention
  int last_subsidiary_ = -1;
  int last_speaker_ = -1;
  int last_person_ = -1;
  int last_org_ = -1;
  std::size_t last_speaker_sentence_ = 0;
  std::vector<PendingPlace> pending_place_;
  std::string pending_head_;
  int last_merger_ = -1;
  std::pair<int, int> last_agreement_{-1, -1};  // parties of the latest stated agreement
  std::pair<int, int> last_pair_{-1, -1};       // latest "X et Y" of two organisations
  std::set<int> subsidiaries_;                  // subjects of stated subsidiary_of facts
  std::map<std::size_t, int> pair_items_;       // item of "les deux X" -> second entity
  std::map<std::string, int> bindings_;
  std::map<int, bool> institution_;
  std::vector<PendingLiteral> pending_literals_;
  std::set<std::tuple<int, std::string, int, int>> fact_keys_;
  std::set<std::tuple<int, std::string, std::string, int>> literal_keys_;
  graph::DocumentGraph out_;
};

}  // namespace presskg::ingest::internal
