counts = Hash.new(0)
$stdin.read.scan(/[A-Za-z]+/) { |word| counts[word.downcase] += 1 }
counts.each { |word, count| puts "#{word} #{count}" }
