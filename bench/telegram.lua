-- wrk script: signed, unique Telegram updates. Every request has a new update_id; each person is new
-- (BENCH_PER_PERSON=1) or sends 7 events (hello, then the six intake choices), people interleaved
-- in blocks so that a person's next event leaves only after the previous one was answered.
local secret = os.getenv("BENCH_SECRET") or ""
local perPerson = tonumber(os.getenv("BENCH_PER_PERSON") or "1")
local base = tonumber(os.getenv("BENCH_ID_BASE") or "1000000000")
local choices = { "role:self", "minor:yes", "age:13_15", "content:yes", "threat:no", "copy:yes" }
-- People in flight per thread in the 7-event variant: far more than the thread's connections.
local block = 256
local nextThread = 0

function setup(thread)
  thread:set("tid", nextThread)
  nextThread = nextThread + 1
end

function init(args)
  n = 0
  headers = { ["Content-Type"] = "application/json", ["X-Telegram-Bot-Api-Secret-Token"] = secret }
end

local function person(id)
  return string.format('{"id":%d,"is_bot":false,"first_name":"Ana","language_code":"en"}', id),
    string.format('{"id":%d,"first_name":"Ana","type":"private"}', id)
end

function request()
  local i = n
  n = n + 1
  local updateId = base + tid * 100000000 + i
  local who, step
  if perPerson == 1 then
    who, step = base + tid * 100000000 + i, 0
  else
    local group = math.floor(i / (block * perPerson))
    local within = i % (block * perPerson)
    step = math.floor(within / block)
    who = base + tid * 100000000 + group * block + (within % block)
  end
  local from, chat = person(who)
  local body
  if step == 0 then
    body = string.format('{"update_id":%d,"message":{"message_id":1,"from":%s,"chat":%s,"date":1764000000,"text":"hello"}}', updateId, from, chat)
  else
    body = string.format(
      '{"update_id":%d,"callback_query":{"id":"%d%d","from":%s,"message":{"message_id":1001,"from":{"id":123456,"is_bot":true,"first_name":"Reclaim","username":"ReclaimTestBot"},"chat":%s,"date":1764000001,"text":"Is this about you?"},"chat_instance":"-8915346723","data":"%s"}}',
      updateId, who, step, from, chat, choices[((step - 1) % #choices) + 1])
  end
  return wrk.format("POST", "/webhooks/telegram", headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
