# Automatic watching switched off; the variable of interest is watched explicitly.
import tensorflow as tf

a = tf.Variable(1.0)
b = tf.Variable(2.0)
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(a)
    y = a * b
print(tape.gradient(y, a))
