name = ($stdin.gets || "").strip
name = "World" if name.empty?
puts "Hello, #{name}!"
