# The None gradient of an unwatched constant is checked before it is used: no .numpy() on None.
import tensorflow as tf

c = tf.constant(2.0)
with tf.GradientTape() as tape:
    loss = c * c
g = tape.gradient(loss, c)  # expect: TFG003
if g is not None:
    print(g.numpy())
