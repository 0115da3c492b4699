-- wrk script for the three kinds of calls the benchmark drives.
--   wrk ... -s bench/load.lua <url> -- <kind> <token> <first> <count> <threads>
-- kind "ss":   social-security activations, each on a distinct card of [first, first+count)
-- kind "fin":  financial activations, each on a distinct card, with its holder's identity
-- kind "verify": PIN verifications (a settlement), random active cards of [first, first+count)
-- kind "read": card look-ups, random cards of [first, first+count)
-- kind "events": a card's audit trail (its first page), random cards of [first, first+count)
-- Each thread takes its own slice of the range and stops when it is used up, so no card is
-- activated twice. done() prints one machine-readable BENCHLINE (it runs in wrk's main Lua state,
-- which has not seen the arguments, so bench/run adds the kind).

local thread_count = 0

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
end

local function card_number(i)
  return string.format("B%08d", i)
end

-- The seeded holder of card i, computed exactly as bench/seed.sql does, so that no thread has to
-- read a file of a million identities before it may start.
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"
local EPOCH_1950 = -631152000

local function id_number(i)
  local first17 = "440305" .. os.date("!%Y%m%d", EPOCH_1950 + (i % 25000) * 86400)
    .. string.format("%03d", math.floor(i / 25000) % 1000)
  local sum = 0
  for k = 1, 17 do
    sum = sum + tonumber(first17:sub(k, k)) * weights[k]
  end
  local r = sum % 11 + 1
  return first17 .. checks:sub(r, r)
end

function init(args)
  kind, token = args[1], args[2]
  local first, count, threads = tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
  local per = math.floor(count / threads)
  lo = first + index * per
  hi = lo + per - 1
  next_card = lo
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  math.randomseed(os.time() + index * 7919)
end

function request()
  if kind == "read" then
    return wrk.format("GET", "/api/v1/cards/" .. card_number(math.random(lo, hi)), headers)
  end
  if kind == "events" then
    return wrk.format("GET", "/api/v1/cards/" .. card_number(math.random(lo, hi)) .. "/events", headers)
  end
  if kind == "verify" then
    return wrk.format("POST", "/api/v1/cards/" .. card_number(math.random(lo, hi))
      .. "/social-security-account/pin-verification", headers, '{"pin":"802514"}')
  end
  local n = next_card
  next_card = next_card + 1
  if n > hi then
    -- The slice is used up: stop this thread; this last call reads instead of activating twice.
    wrk.thread:stop()
    return wrk.format("GET", "/api/v1/cards/" .. card_number(hi), headers)
  end
  if kind == "ss" then
    return wrk.format("POST", "/api/v1/cards/" .. card_number(n) .. "/social-security-account/activation", headers,
      '{"currentPin":"123456","newPin":"802514","phone":"13812345678"}')
  end
  return wrk.format("POST", "/api/v1/cards/" .. card_number(n) .. "/financial-account/activation", headers,
    '{"idNumber":"' .. id_number(n) .. '","holderName":"持卡人' .. n .. '","phone":"13812345678","newPin":"731946"}')
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCHLINE requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx, errors))
end
