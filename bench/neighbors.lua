-- wrk script for bench/http_bench.sh: GET /api/v1/entities/{id}/neighbors, cycling through the
-- source nodes of a sample.tsv (CSV ids; presskg id = CSV id + offset).
--   wrk ... -s bench/neighbors.lua URL -- DIR/sample.tsv [offset=2]
-- Each thread starts at its own place in the list; done() prints one "WRK_JSON {...}" line.

local paths = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
end

function init(args)
  local offset = tonumber(args[2] or "2")
  for line in io.lines(args[1]) do
    local src = line:match("^(%d+)")
    if src then
      paths[#paths + 1] = "/api/v1/entities/" .. (tonumber(src) + offset) .. "/neighbors"
    end
  end
  if #paths == 0 then error("no pairs in " .. tostring(args[1])) end
  next_index = ((thread_number or 1) - 1) * 997 % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,' ..
    '"p99_ms":%.3f,"max_ms":%.3f,"socket_errors":%d,"non_2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, errors.connect + errors.read + errors.write + errors.timeout,
    errors.status))
end
