// Pins: a #loc alias defined before its use.
#myloc = loc("a.c":7:8)
"x.a"() : () -> () loc(#myloc)
