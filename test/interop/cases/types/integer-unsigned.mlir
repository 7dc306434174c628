// Pins: unsigned integers ui1 .. ui1000 print with the ui prefix.
"x.a"() : () -> (ui1, ui7, ui64, ui1000)
