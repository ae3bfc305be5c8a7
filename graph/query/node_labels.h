#pragma once

#include <string>
#include <string_view>

namespace presskg::graph {

// A node's display names as the in-memory index keeps them (views into the index; valid as long
// as the index version they came from).
struct NodeLabels {
  std::string_view label;
  std::string_view label_fr;
  std::string_view label_en;
};

// The compact record of one node's names, appended to `out`: the label, then the French and
// English names, each stored only when it differs from the label (most nodes repeat it) and
// not empty. Records are read back with DecodeNodeLabels.
void AppendNodeLabels(std::string_view label, std::string_view label_fr,
                      std::string_view label_en, std::string* out);

// The names of a record written by AppendNodeLabels. `record` must be exactly one record (the
// index stores their boundaries); anything else gives unspecified but memory-safe views.
NodeLabels DecodeNodeLabels(std::string_view record);

}  // namespace presskg::graph
