# refused: exec and eval.
import tensorflow as tf

exec("import os; os.system('touch /tmp/tflint-grad-hostile-canary')")
x = tf.constant([eval("1.0")])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
