# A nested closure normalizes the input before the tape is opened; the outer
# function watches both and differentiates with respect to the raw input.
import tensorflow as tf


def make_energy(weight):
    def energy(raw):
        def normalize(v):
            return v / tf.norm(v)

        unit = normalize(raw)
        with tf.GradientTape() as tape:
            tape.watch([raw, unit])
            e = tf.reduce_sum(weight * unit ** 2)
        return tape.gradient(e, raw)  # expect: TFG001
    return energy


w = tf.Variable([1.0, 2.0, 3.0])
print(make_energy(w)(tf.constant([3.0, 4.0, 12.0])))
