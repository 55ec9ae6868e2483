# A periodic feature: tf.raw_ops.FloorMod has a gradient (1 w.r.t. x), and a float-to-float
# tf.raw_ops.Cast keeps it; the gradient w.r.t. the phase shift is real.
# Attacks: tf.raw_ops.* spellings of ops without gradient (TFG009) — these two have one.
import tensorflow as tf

shift = tf.Variable(0.3)
t = tf.linspace(0.0, 5.0, 8)
with tf.GradientTape() as tape:
    phase = tf.raw_ops.FloorMod(x=t + shift, y=tf.constant(2.0))
    phase64 = tf.raw_ops.Cast(x=phase, DstT=tf.float64)
    loss = tf.reduce_sum(tf.sin(phase64))
print(float(tape.gradient(loss, shift)))
