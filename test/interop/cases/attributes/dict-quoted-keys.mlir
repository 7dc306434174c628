// Pins: quoted dictionary keys, and keys that need no quotes.
"x.a"() {"foo bar" = 1, "plain" = 2, "a.b$c" = 3, "1x" = 4} : () -> ()
