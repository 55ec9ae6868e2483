# A fresh tape per collocation point, each watching its own point.
import tensorflow as tf

w = tf.Variable(0.7)
points = [tf.constant(0.1), tf.constant(0.5), tf.constant(0.9)]
slopes = []
for p in points:
    with tf.GradientTape() as tape:
        tape.watch(p)
        u = tf.sin(w * p)
    slopes.append(tape.gradient(u, p))
print(slopes)
