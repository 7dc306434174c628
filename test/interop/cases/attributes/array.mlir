// Pins: arrays, empty and nested, with mixed elements.
"x.a"() {a = [], b = [1, 2.0, "s"], c = [[], [[i32]], [unit]]} : () -> ()
