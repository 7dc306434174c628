// Pins: hex escapes of printable characters print as the characters.
"x.a"() {a = "\41\42\20\43", b = "\0d\0a"} : () -> ()
