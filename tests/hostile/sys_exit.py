# refused: exits the interpreter.
import sys
import tensorflow as tf

x = tf.constant([float(sys.exit(3) or 1)])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
