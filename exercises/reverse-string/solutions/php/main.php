<?php
$line = rtrim(fgets(STDIN), "\r\n");
echo strrev($line), "\n";
