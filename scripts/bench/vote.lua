-- wrk script: vote writes. Every request changes a vote — PUT, then DELETE
-- of the same (member, idea) — by the load-test staff members' API tokens
-- (staff vote without a quota, so the run measures votes, not refusals).
-- BENCH_IDEAS: how many ideas the database has (numbers 1..N).
local ideas = tonumber(os.getenv("BENCH_IDEAS") or "10000")
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  counter = 0
end

function request()
  local pair = math.floor(counter / 2)
  local token = (id * 32 + pair) % 64
  local idea = 1 + (pair * 7919 + id * 104729) % ideas
  local method = (counter % 2 == 0) and "PUT" or "DELETE"
  counter = counter + 1
  return wrk.format(method, "/api/v1/ideas/" .. idea .. "/vote", {
    ["Authorization"] = string.format("Bearer mdg_benchload%02d", token),
  })
end
