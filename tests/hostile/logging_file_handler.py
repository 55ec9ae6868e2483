# refused: logging is allowed, but a handler that writes a file is not.
import logging
import logging.handlers
import tensorflow as tf

logger = logging.getLogger("train")
logger.addHandler(logging.handlers.RotatingFileHandler("/tmp/tflint-grad-hostile-canary"))
x = tf.constant([float(len(logger.handlers))])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
