# Second derivative along an integer grid: the first derivative is None and the outer
# tape is asked to differentiate it.
import tensorflow as tf

n = tf.constant([1, 2, 3])

with tf.GradientTape() as outer:
    outer.watch(n)
    with tf.GradientTape() as inner:
        inner.watch(n)
        f = tf.cast(n, tf.float32) ** 3
    df = inner.gradient(f, n)  # expect: TFG010
d2f = outer.gradient(df, n)  # expect: TFG004
print(d2f)
