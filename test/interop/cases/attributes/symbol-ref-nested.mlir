// Pins: nested symbol references @a::@b::@c.
"x.a"() {a = @a::@b, b = @a::@b::@c} : () -> ()
