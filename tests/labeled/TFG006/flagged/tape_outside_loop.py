# One tape opened before the loop; the second iteration reuses the spent tape.
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape() as tape:
    loss = (w - 5.0) ** 2

for _ in range(2):
    g = tape.gradient(loss, w)  # expect: TFG006
    print(g)
