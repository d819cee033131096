-- Scenario 5: the public invitation landing page, GET /invite/<token>, rotating over the seeded tokens.
-- usage: wrk ... -s landing.lua http://host -- <landing-tokens.txt>
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")
local tokens, n = nil, 0

function init(args)
  tokens = common.lines(args[1])
  n = math.random(#tokens)
end

function request()
  n = n % #tokens + 1
  return wrk.format("GET", "/invite/" .. tokens[n])
end
