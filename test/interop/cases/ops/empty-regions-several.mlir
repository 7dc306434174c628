// Pins: several empty regions.
"x.r"() ({}, {}, {}) : () -> ()
