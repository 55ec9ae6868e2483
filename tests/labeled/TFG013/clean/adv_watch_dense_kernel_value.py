# Only the first layer's kernel is probed: the tape watches `dense.kernel.value`, the
# tf.Variable that backs the Keras 3 variable, so the watch is accepted and the gradient real.
# Attacks: tape.watch(layer.kernel...) on a Keras layer is taken to raise.
import tensorflow as tf

dense = tf.keras.layers.Dense(2)
dense.build((None, 3))
x = tf.random.normal((5, 3))
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(dense.kernel.value)
    out = tf.reduce_sum(dense(x) ** 2)
print(tape.gradient(out, dense.kernel).numpy())
