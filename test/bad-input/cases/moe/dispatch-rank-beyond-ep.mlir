// ARGS:
// ERROR: 5:16: 'moe.dispatch' op rank (5) must be in [0, ep) with ep = 2
// moe.dispatch on a rank beyond ep
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 5} : tensor<4x8xbf16>, tensor<4x2xi32> -> tensor<?x8xbf16>
  return
}
