# The gradient list includes an integer step counter that the loss uses after a cast.
import tensorflow as tf

w = tf.Variable(0.5)
step = tf.Variable(3)
with tf.GradientTape() as tape:
    decay = 1.0 / (1.0 + tf.cast(step, tf.float32))
    loss = decay * w ** 2
dw, dstep = tape.gradient(loss, [w, step])  # expect: TFG010
print(dw, dstep)
