-- wrk script for scripts/bench-ingest: every request is a BigCommerce-shaped callback for a new order
-- (a distinct entity and hash, so nothing is coalesced or deduplicated), authenticated by the store secret.
local counter = 0
local prefix

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  prefix = tostring(math.random(100000, 999999))
end

function request()
  counter = counter + 1
  local id = prefix .. string.format("%09d", counter)
  local body = '{"scope":"store/order/created","store_id":"1025646","data":{"type":"order","id":' .. id ..
      '},"hash":"' .. id .. '","created_at":' .. os.time() .. ',"producer":"stores/benchstore"}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Bcsync-Webhook-Secret"] = os.getenv("BENCH_SECRET") or "",
  }, body)
end
