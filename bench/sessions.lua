-- wrk script: each request signed in with the next session, on the next path.
-- Arguments (after --): a file of lines "cookie-name=session-key", a file of paths.
local sessions, paths = {}, {}
local counter = 0
local stride = 1

function setup(thread)
  thread:set("offset", tostring(math.random(0, 100000)))
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(sessions, line) end
  end
  for line in io.lines(args[2]) do
    if #line > 0 then table.insert(paths, line) end
  end
  counter = tonumber(offset) or 0
end

function request()
  counter = counter + 1
  local session = sessions[(counter % #sessions) + 1]
  -- a path independent of the session: every session reads every path in turn
  local path = paths[(math.floor(counter / #sessions) + counter) % #paths + 1]
  return wrk.format("GET", path, {
    -- the site's name, as the proxy in front of every app process passes it on (each
    -- process is on its own port here; the page cache keys pages by the host)
    ["Host"] = "127.0.0.1",
    ["Cookie"] = session,
    ["X-Forwarded-Proto"] = "https",
  })
end
