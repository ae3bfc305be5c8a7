#include "graph/model.h"

namespace presskg::graph {

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kOrganization: return "organization";
    case NodeKind::kPerson: return "person";
    case NodeKind::kPlace: return "place";
    case NodeKind::kSector: return "sector";
    case NodeKind::kDocument: return "document";
  }
  return "unknown";
}

std::optional<NodeKind> ParseNodeKind(std::string_view name) {
  for (NodeKind kind : kAllNodeKinds) {
    if (NodeKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view FactStatusName(FactStatus status) {
  switch (status) {
    case FactStatus::kStated: return "stated";
    case FactStatus::kPlanned: return "planned";
    case FactStatus::kDenied: return "denied";
  }
  return "unknown";
}

std::optional<FactStatus> ParseFactStatus(std::string_view name) {
  for (FactStatus s : {FactStatus::kStated, FactStatus::kPlanned, FactStatus::kDenied}) {
    if (FactStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view CorrectionKindName(CorrectionKind kind) {
  switch (kind) {
    case CorrectionKind::kMerge: return "merge";
    case CorrectionKind::kSplit: return "split";
    case CorrectionKind::kRevert: return "revert";
  }
  return "unknown";
}

}  // namespace presskg::graph
