# A persistent tape created once and queried in a loop for each output.
import tensorflow as tf

x = tf.constant([0.5, 1.0])
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    outputs = [tf.sin(x), tf.cos(x), x ** 3]
for out in outputs:
    print(tape.gradient(out, x))
del tape
