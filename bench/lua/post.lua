-- Scenario 4: preregistration POST with every rule.
-- usage: wrk ... -s post.lua http://host -- <sessions.tsv> <post-mix.tsv> <nonce>
-- Each request is signed in as one of the post partners (cookie + antiforgery token per session) and
-- submits one customer from a fixed cycle of 10, so every rule of SubmitPreregistration runs:
--   3 fresh emails (DE mobile)  -> saved as Preregistered (one of them with "Send invitation link",
--                                   so an invitation and a rendered email go to the outbox)   -> 302
--   1 fresh email (BR mobile)   -> country outside the partner's -> manual review offered     -> 200
--   3 platform accounts refused (mainland site, consumer cloud, signed contract, cash, enterprise member)
--   1 platform account offered a review (direct sales, online sales team, foreign country)
--   1 email held by another partner's open claim -> refused
--   1 account associated with another partner    -> refused
-- The response callback classifies answers so the run shows what the server actually did.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

local threads, next_id = {}, 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local sessions, mix, kinds, nonce = {}, {}, {}, ""
local counter = 0
outcomes = {}
local cycle = { "fresh", "refuse", "fresh-foreign", "held-elsewhere", "fresh-invite", "refuse", "review", "associated-elsewhere", "refuse", "fresh" }
local refuse = { "refuse-mainland", "refuse-consumer", "refuse-contract", "refuse-cash", "refuse-enterprise" }
local review = { "review-directsales", "review-onlinesales", "review-country" }

function init(args)
  for _, line in ipairs(common.lines(args[1])) do
    local cookie, token = line:match("^(.-)\t(.*)$")
    sessions[#sessions + 1] = { cookie = cookie, token = token }
  end
  for _, line in ipairs(common.lines(args[2])) do
    local kind, email = line:match("^(.-)\t(.*)$")
    mix[kind] = mix[kind] or {}
    table.insert(mix[kind], email)
  end
  nonce = args[3] or tostring(os.time())
  -- The two threads start half the sessions apart.
  counter = ((id or 1) - 1) * #cycle * math.floor(#sessions / 2)
end

local function pick(kind)
  local list = mix[kind]
  return list[counter % #list + 1]
end

function request()
  counter = counter + 1
  -- Each session runs the whole cycle of 10 before the next one takes over, so every partner gets
  -- the same mix (and the same share of saved rows, well under its cap of 100).
  local session = sessions[math.floor(counter / #cycle) % #sessions + 1]
  local slot = cycle[counter % #cycle + 1]
  local email, mobile, invite = nil, "+4915123456701", "false"
  if slot == "fresh" or slot == "fresh-invite" or slot == "fresh-foreign" then
    email = "f" .. nonce .. "t" .. (id or 1) .. "n" .. counter .. "@fresh.example"
    if slot == "fresh-foreign" then mobile = "+5511912345678" end
    if slot == "fresh-invite" then invite = "true" end
  elseif slot == "refuse" then
    email = pick(refuse[math.floor(counter / #cycle) % #refuse + 1])
  elseif slot == "review" then
    email = pick(review[math.floor(counter / #cycle) % #review + 1])
  else
    email = pick(slot)
  end
  local body = "FullName=" .. common.urlencode("Bench Customer " .. counter) ..
      "&Email=" .. common.urlencode(email) ..
      "&Mobile=" .. common.urlencode(mobile) ..
      "&SendInvitation=" .. invite ..
      "&ConfirmReview=false" ..
      "&__RequestVerificationToken=" .. common.urlencode(session.token)
  return wrk.format("POST", "/CustomerDevelopment/Preregister", {
    ["Cookie"] = session.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function response(status, headers, body)
  local outcome
  if status == 302 then
    outcome = "saved (302)"
  elseif status == 200 and body:find("reached the limit", 1, true) then
    outcome = "cap reached (200)"
  elseif status == 200 and body:find("needs a manual review", 1, true) then
    outcome = "review offered (200)"
  elseif status == 200 and body:find("validation-summary-errors", 1, true) then
    outcome = "refused (200)"
  else
    outcome = "other " .. status
  end
  outcomes[outcome] = (outcomes[outcome] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local t = thread:get("outcomes")
    for k, v in pairs(t or {}) do total[k] = (total[k] or 0) + v end
  end
  local keys = {}
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(string.format("OUTCOME\t%s\t%d\n", k, total[k])) end
end
