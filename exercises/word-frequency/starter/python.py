import sys

text = sys.stdin.read()

# TODO: split the text into words (runs of letters), lowercase them and count each one.
# Print one line "word count" per distinct word.
print(text.split()[0].lower(), 1)
