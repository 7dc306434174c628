// Pins: op names with characters that are legal only inside quotes.
"x.foo-bar"() : () -> ()
"x.a$b_c.d"() : () -> ()
"x.with space"() : () -> ()
