# Once a false positive (it reported TFG006 on line 13 (second gradient call on a non-persistent tape)); now correctly left alone.
# What TensorFlow 2.21 really returns: 3w^2 = 12, clipped to 1.0 -- 'if clip' and 'if not clip' never both
# run, so the tape gives one gradient. (runs without error; every gradient is real and non-zero)
import tensorflow as tf

w = tf.Variable(2.0)
clip = True
with tf.GradientTape() as tape:
    loss = w ** 3
if clip:
    g = tf.clip_by_norm(tape.gradient(loss, w), 1.0)
if not clip:
    g = tape.gradient(loss, w)
w.assign_sub(0.1 * g)
