// Pins: comments and blank lines in the input are dropped.
// a comment
"x.a"() : () -> () // trailing comment

// another
"x.b"() : () -> ()
