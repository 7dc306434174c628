// Pins: nested dictionaries, including empty ones.
"x.a"() {d = {b = {c = {}}, a = {z, y = 1 : i8}}} : () -> ()
