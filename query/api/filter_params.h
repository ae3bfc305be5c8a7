#pragma once

#include "graph/query/edge_filter.h"
#include "graph/query/path.h"
#include "query/api/api_request.h"

namespace presskg::query {

// The edge filter of a request: relation=a,b  kind=organization,person  status=stated,planned
// min_sources=N  since=DATE until=DATE (edges with evidence inside [since, until])  undated=true.
// InvalidArgument naming the parameter for an unknown relation, kind or status, or a bad date.
Result<graph::EdgeFilter> ParseEdgeFilter(const ApiRequest& request);

// The path options of a request: directed=true  max_hops=N (1..12)  documents=true
// mentions=true  max_degree=N  as_of=DATE, plus the edge filter.
Result<graph::PathOptions> ParsePathOptions(const ApiRequest& request);

}  // namespace presskg::query
