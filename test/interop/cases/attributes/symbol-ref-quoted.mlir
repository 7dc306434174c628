// Pins: quoted symbol names and when quotes are dropped.
"x.a"() {a = @"foo bar", b = @"plain", c = @"x"::@"y z", d = @"1a", e = @"a\22b"} : () -> ()
