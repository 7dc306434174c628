// Pins: non-ASCII UTF-8 bytes in strings.
"x.a"() {a = "héllo ✓"} : () -> ()
