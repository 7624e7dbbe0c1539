-- Durable creates through HTTP with wrk, a load generator in its own process (bench/run create
-- --client wrk runs it against the service it starts; by hand:
--   TOKEN=$(cat HOME/token) wrk -t1 -c32 -d30s -s bench/create.lua http://127.0.0.1:PORT)
-- Each connection sends its next create once the previous one is answered. Any answer but
-- 201 is counted and reported at the end.
local start = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 86400)
local threads = {}

function setup(thread)
  thread:set("prefix", "wrk-" .. #threads .. "-" .. os.time())
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  failed = 0
  headers = {
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
    ["Content-Type"] = "application/json",
  }
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"name":"%s-%d","start":"%s","interval":3600,"callback_url":"http://127.0.0.1:9/run",'
      .. '"callback_body":{"body":{"i":%d}}}',
    prefix, sent, start, sent)
  return wrk.format("POST", "/jobs", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failed")
  end
  io.write(string.format(
    "%d answers, %d not 201, in %.2f s: %.0f creates/s; latency p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, failures, summary.duration / 1e6,
    (summary.requests - failures) / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
end
