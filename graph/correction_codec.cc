#include "graph/correction_codec.h"

#include "graph/byte_io.h"
#include "graph/key_codec.h"
#include "graph/value_codec.h"

namespace presskg::graph::values {
namespace {

void PutStrings(Writer& w, const std::vector<std::string>& strings) {
  w.Varint(strings.size());
  for (const std::string& s : strings) w.Str(s);
}

std::vector<std::string> GetStrings(Reader& r) {
  std::vector<std::string> out;
  std::uint64_t n = r.Varint();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) out.push_back(r.Str());
  return out;
}

}  // namespace

std::string EncodeCorrection(const Correction& c) {
  Writer w;
  w.U8(static_cast<std::uint8_t>(c.kind));
  w.Str(c.when);
  w.Str(c.why);
  w.Varint(c.from);
  w.Varint(c.to);
  w.Str(c.from_label);
  w.Str(c.to_label);
  PutStrings(w, c.aliases);
  PutStrings(w, c.name_keys);
  PutStrings(w, c.shared_name_keys);
  w.Varint(c.facts.size());
  for (const MovedFact& fact : c.facts) {
    w.U8(fact.literal ? 1 : 0);
    w.Varint(fact.document);
    w.Varint(fact.seq);
  }
  w.Varint(c.edges_changed);
  w.Varint(c.loops_parked);
  w.U8(c.absorbed ? 1 : 0);
  if (c.absorbed) w.Str(EncodeNode(*c.absorbed));
  w.Varint(c.reverts);
  w.Varint(c.reverted_by);
  return w.Take();
}

Result<Correction> DecodeCorrection(std::uint64_t id, std::string_view bytes) {
  Reader r(bytes);
  Correction c;
  c.id = id;
  std::uint8_t kind = r.U8();
  if (kind < 1 || kind > 3) return Malformed("correction");
  c.kind = static_cast<CorrectionKind>(kind);
  c.when = r.Str();
  c.why = r.Str();
  c.from = r.Varint();
  c.to = r.Varint();
  c.from_label = r.Str();
  c.to_label = r.Str();
  c.aliases = GetStrings(r);
  c.name_keys = GetStrings(r);
  c.shared_name_keys = GetStrings(r);
  std::uint64_t n = r.Varint();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
    MovedFact fact;
    fact.literal = r.U8() != 0;
    fact.document = r.Varint();
    fact.seq = r.U32();
    c.facts.push_back(fact);
  }
  c.edges_changed = r.U32();
  c.loops_parked = r.U32();
  if (r.U8() != 0) {
    std::string node = r.Str();
    if (!r.ok()) return Malformed("correction");
    PRESSKG_ASSIGN_OR_RETURN(Node absorbed, DecodeNode(c.from, node));
    c.absorbed = std::move(absorbed);
  }
  c.reverts = r.Varint();
  c.reverted_by = r.Varint();
  if (!r.Done()) return Malformed("correction");
  return c;
}

std::string EncodeRedirect(const Redirect& redirect) {
  std::string out;
  keys::PutFixed64(&out, redirect.target);
  keys::PutFixed64(&out, redirect.correction);
  return out;
}

Result<Redirect> DecodeRedirect(std::string_view bytes) {
  if (bytes.size() != 16) return Malformed("redirect");
  return Redirect{keys::GetFixed64(bytes.data()), keys::GetFixed64(bytes.data() + 8)};
}

Result<std::optional<NodeId>> FollowRedirects(
    NodeId id, const std::function<Result<std::optional<std::string>>(NodeId)>& read) {
  std::optional<NodeId> target;
  for (int hops = 0; hops < 64; ++hops) {
    PRESSKG_ASSIGN_OR_RETURN(std::optional<std::string> value, read(id));
    if (!value) return target;
    PRESSKG_ASSIGN_OR_RETURN(Redirect redirect, DecodeRedirect(*value));
    id = redirect.target;
    target = id;
  }
  return Status::Corruption("redirect chain too long in the store");
}

}  // namespace presskg::graph::values
