// Pins: external declarations print bare argument types, attributes, and private visibility.
func.func private @ext(i32 {foo.a}, f32) -> (i32 {foo.b})
func.func private @none()
func.func private @fn_result() -> ((i32) -> i32)
