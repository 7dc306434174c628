// Pins: builtin ops print unprefixed in a module, prefixed inside func.func.
module @m {
  %0 = unrealized_conversion_cast to i32
  func.func @f() {
    %1 = builtin.unrealized_conversion_cast to i32
    return
  }
}
