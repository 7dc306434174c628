// Pins: every string escape (quote, backslash, newline, tab, hex bytes).
"x.a"() {a = "q\"b\\n\nt\tz\00e\FF\7F"} : () -> ()
