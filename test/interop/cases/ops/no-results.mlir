// Pins: ops with no operands and no results.
"x.a"() : () -> ()
