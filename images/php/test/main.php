<?php
$name = trim((string) fgets(STDIN));
echo "Hello, {$name}!\n";
$sum = 0;
for ($i = 1; $i <= 100; $i++) {
    $sum += $i;
}
echo $sum, "\n";
