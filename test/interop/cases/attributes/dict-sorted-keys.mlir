// Pins: dictionary keys print sorted.
"x.a"() {zeta = 1, alpha = 2, mid = 3, Beta = 4, _u = 5} : () -> ()
