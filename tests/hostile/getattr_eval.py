# refused: eval fetched by a computed name.
import tensorflow as tf

ev = getattr(__builtins__, "ev" + "al")
x = tf.constant([float(ev("__import__('os').system('touch /tmp/tflint-grad-hostile-canary')"))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
