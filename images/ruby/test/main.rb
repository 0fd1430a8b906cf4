name = gets.to_s.strip
puts "Hello, #{name}!"
puts (1..100).sum
