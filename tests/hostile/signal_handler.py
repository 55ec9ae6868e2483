# refused: ignores the parent's termination signal.
import signal
import tensorflow as tf

x = tf.constant([float(signal.signal(signal.SIGTERM, signal.SIG_IGN) is None)])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
