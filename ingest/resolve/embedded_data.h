#pragma once

#include <span>
#include <string>
#include <string_view>

namespace presskg::ingest {

// The text of a data file compiled into the binary, named by its path under ingest/
// ("data/gazetteer/cities.tsv", "resolve/sector_terms.tsv"; the list is in embed_data.cmake).
// Returns "" for a name that was not embedded. Thread-safe.
std::string EmbeddedDataFile(std::string_view name);

}  // namespace presskg::ingest
