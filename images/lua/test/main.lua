print("Hello from Lua " .. _VERSION)
local name = io.read("l")
print("Hi, " .. (name or "?"))
