# tf.compat.v1.gradients bound to a short name, used from a nested closure that  # known-miss: FN line 11: tf.gradients runs inside a closure returned by build_penalty(w) and called as `build_penalty(w)()`; calls of returned closures are not followed into their bodies
# runs eagerly.
import tensorflow as tf

v1_grads = tf.compat.v1.gradients


def build_penalty(v):
    def penalty():
        loss = tf.reduce_sum(v ** 2)
        return v1_grads(loss, [v])  # expect: TFG002
    return penalty


w = tf.Variable([0.5, -1.0])
print(build_penalty(w)())
