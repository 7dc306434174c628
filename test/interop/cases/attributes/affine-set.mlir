// Pins: affine sets with equalities and inequalities via #set aliases.
"x.a"() {s = affine_set<(d0, d1)[s0] : (d0 - s0 >= 0, d1 == 0, -d0 + 10 >= 0)>} : () -> ()
