IFS= read -r name || true
# Remove leading and trailing whitespace.
name="${name#"${name%%[![:space:]]*}"}"
name="${name%"${name##*[![:space:]]}"}"
echo "Hello, ${name:-World}!"
