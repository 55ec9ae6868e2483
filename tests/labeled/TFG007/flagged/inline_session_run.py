# A one-liner: a Session is created and run on an eager tensor in the same expression.
import tensorflow as tf

w = tf.Variable(3.0)
with tf.GradientTape() as tape:
    y = w ** 3
dy = tape.gradient(y, w)
value = tf.compat.v1.Session().run(dy)  # expect: TFG007
print(value)
