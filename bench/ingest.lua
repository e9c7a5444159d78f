-- wrk script for scripts/bench-ingest: every request is a BigCommerce-shaped callback for a new order
-- (a distinct entity and hash, so nothing is coalesced or deduplicated), authenticated by the store secret.
local counter = 0

-- Intake accepts only ids a BigCommerce order can have (1 to 2147483647, CallbackParser): each wrk thread takes a
-- random block of a million ids below that bound (a thread sends far fewer than a million requests per run). Two
-- threads of a run draw the same block rarely (about 1 in 2146 per pair); their hashes still differ (a longer random
-- prefix), so they stay distinct callbacks, though intake may then coalesce the two orders' work items.
local block
local hashPrefix

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  block = math.random(1, 2146) * 1000000
  hashPrefix = tostring(math.random(100000, 999999))
end

function request()
  counter = counter + 1
  local id = tostring(block + counter % 1000000)
  local body = '{"scope":"store/order/created","store_id":"1025646","data":{"type":"order","id":' .. id ..
      '},"hash":"' .. hashPrefix .. id .. '","created_at":' .. os.time() .. ',"producer":"stores/benchstore"}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Bcsync-Webhook-Secret"] = os.getenv("BENCH_SECRET") or "",
  }, body)
end
