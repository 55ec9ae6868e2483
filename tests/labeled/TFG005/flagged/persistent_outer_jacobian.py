# A persistent outer tape and a jacobian: the inner jacobian is scaled after the block.
import tensorflow as tf

x = tf.random.normal([3])

with tf.GradientTape(persistent=True) as outer:
    outer.watch(x)
    with tf.GradientTape() as inner:
        inner.watch(x)
        y = tf.sin(x) * x
    dy = inner.gradient(y, x)
scaled = 2.0 * dy
hess = outer.jacobian(scaled, x)  # expect: TFG005
print(hess)
