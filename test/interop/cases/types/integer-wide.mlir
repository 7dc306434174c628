// Pins: wide signless integers i128 and i1000.
"x.a"() : () -> (i128, i1000)
